using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;

namespace Interop.Grpc.Benchmarks;

/// <summary>Console output as Markdown tables, so a run can be pasted into docs/benchmarks.md as it is.</summary>
internal static class Report
{
    private static bool s_headerRowPending;

    public static CultureInfo Culture => CultureInfo.InvariantCulture;

    public static void Environment()
    {
        Console.WriteLine($"# {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {System.Environment.ProcessorCount} logical CPUs, server GC: {GCSettings.IsServerGC}, load average at start: {LoadAverage()}");
    }

    public static void Header(string title)
    {
        Console.WriteLine();
        Console.WriteLine($"## {title}");
        Console.WriteLine();
        s_headerRowPending = true;
    }

    /// <summary>A table row; the first row after <see cref="Header"/> is the column names.</summary>
    public static void Row(params object[] cells)
    {
        Console.WriteLine("| " + string.Join(" | ", cells.Select(c => Convert.ToString(c, Culture))) + " |");
        if (s_headerRowPending)
        {
            Console.WriteLine("|" + string.Concat(cells.Select(_ => "---:|")));
            s_headerRowPending = false;
        }
    }

    public static void Line(string text) => Console.WriteLine(text);

    public static string Rate(long count, TimeSpan elapsed) => (count / elapsed.TotalSeconds).ToString("#,0", Culture);

    public static string Ms(double milliseconds) => milliseconds.ToString("0.000", Culture);

    /// <summary>The 1-minute load average from /proc/loadavg (the other helpers' builds share the 2 cores).</summary>
    public static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
    }
}
