using Interop.Federation.Benchmarks;
using Interop.Hub.Benchmarks;

// dotnet run -c Release --project tests/Interop.Hub.Benchmarks -- submit|status|read|floor|all [--callers 32] [--duration 10] [--warmup 3] [--jongeren 2000] [--sqlite-synchronous Full|Normal] [--driver client|h2load] [--requests 50000] [--connections 1] [--postgres [settings]]
// Builds on the Release hub (dotnet build -c Release Interop.sln first). See docs/benchmarks.md. --postgres runs the
// hub on a throwaway PostgreSQL cluster (fsync on) instead of SQLite; settings are extra Npgsql connection string
// keywords, e.g. "Max Auto Prepare=0".
var command = args.Length > 0 ? args[0] : "all";
// A --driver without a value is refused, not read as the default.
var driver = Array.IndexOf(args, "--driver") >= 0 ? Text("--driver", "") : "client";
if (command is not ("submit" or "status" or "read" or "floor" or "all") || driver is not ("client" or "h2load"))
{
    Console.Error.WriteLine("Usage: submit|status|read|floor|all [--callers N] [--duration S] [--warmup S] [--jongeren N] [--sqlite-synchronous Full|Normal] [--driver client|h2load] [--requests N] [--connections N] [--postgres [settings]]");
    return 2;
}

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
}

string Text(string name, string fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
}

// --postgres alone, or followed by connection string keywords (not by another option).
string? PostgreSqlSettings()
{
    var at = Array.IndexOf(args, "--postgres");
    return at < 0 ? null : at + 1 < args.Length && !args[at + 1].StartsWith("--", StringComparison.Ordinal) ? args[at + 1] : "";
}

Console.WriteLine("Machine:");
MachineInfo.Print();
await CaseBenchmark.RunAsync(
    command,
    Option("--callers", 32),
    TimeSpan.FromSeconds(Option("--duration", 10)),
    TimeSpan.FromSeconds(Option("--warmup", 3)),
    Option("--jongeren", 2000),
    Text("--sqlite-synchronous", "Full"),
    driver,
    Option("--requests", 50_000),
    Option("--connections", 1),
    PostgreSqlSettings());
return 0;
