using System.Runtime;
using System.Runtime.InteropServices;

namespace Interop.Federation.Benchmarks;

/// <summary>What the figures were measured on, printed with every report.</summary>
internal static class MachineInfo
{
    public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    public static void Print()
    {
        Console.WriteLine($"- cores (nproc): {Environment.ProcessorCount}");
        Console.WriteLine($"- CPU: {ReadField("/proc/cpuinfo", "model name")}");
        Console.WriteLine($"- memory: {ReadField("/proc/meminfo", "MemTotal")}");
        Console.WriteLine($"- OS: {RuntimeInformation.OSDescription}");
        Console.WriteLine($"- .NET: {RuntimeInformation.FrameworkDescription}; Server GC: {GCSettings.IsServerGC}");
        Console.WriteLine($"- load average (1/5/15 min) at start: {LoadAverage()}");
    }

    private static string ReadField(string path, string name)
    {
        if (!File.Exists(path))
        {
            return "n/a";
        }

        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal));
        return line is null ? "n/a" : line[(line.IndexOf(':') + 1)..].Trim();
    }
}
