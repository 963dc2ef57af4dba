using System.Diagnostics;

namespace Interop.Grpc.Benchmarks;

/// <summary>Call latencies of one worker, in Stopwatch ticks; merged and sorted once at the end for percentiles.</summary>
internal sealed class LatencyRecorder
{
    private readonly List<long> _ticks = new(capacity: 1 << 16);

    public int Count => _ticks.Count;

    public void Add(long ticks) => _ticks.Add(ticks);

    /// <summary>p50 and p99 in milliseconds over all <paramref name="recorders"/>, nearest-rank.</summary>
    public static (double P50, double P99) Percentiles(IEnumerable<LatencyRecorder> recorders)
    {
        var all = recorders.SelectMany(r => r._ticks).ToArray();
        if (all.Length == 0)
        {
            return (double.NaN, double.NaN);
        }

        Array.Sort(all);
        return (ToMilliseconds(all[Rank(all.Length, 0.50)]), ToMilliseconds(all[Rank(all.Length, 0.99)]));
    }

    private static int Rank(int count, double percentile) => Math.Clamp((int)Math.Ceiling(percentile * count) - 1, 0, count - 1);

    private static double ToMilliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
