using System.Diagnostics;

namespace Interop.Federation.Benchmarks;

/// <summary>
/// Latencies of one worker, in Stopwatch ticks, in a preallocated array: bounded (calls past the capacity are counted
/// but not recorded) and allocation-free while measuring.
/// </summary>
internal sealed class LatencyRecorder(int capacity)
{
    private readonly long[] _ticks = new long[capacity];
    private int _recorded;

    public long Count { get; private set; }

    public void Record(long startTimestamp)
    {
        var elapsed = Stopwatch.GetTimestamp() - startTimestamp;
        if (_recorded < _ticks.Length)
        {
            _ticks[_recorded++] = elapsed;
        }

        Count++;
    }

    /// <summary>The p50 and p99 in milliseconds over every recorder's samples.</summary>
    public static (double P50, double P99) Percentiles(IEnumerable<LatencyRecorder> recorders)
    {
        var all = recorders.SelectMany(r => r._ticks.Take(r._recorded)).ToArray();
        if (all.Length == 0)
        {
            return (double.NaN, double.NaN);
        }

        Array.Sort(all);
        return (ToMs(all[(int)(all.Length * 0.50)]), ToMs(all[Math.Min(all.Length - 1, (int)(all.Length * 0.99))]));
    }

    private static double ToMs(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
