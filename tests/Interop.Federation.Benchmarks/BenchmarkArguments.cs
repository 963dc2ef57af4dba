using System.Globalization;

namespace Interop.Federation.Benchmarks;

/// <summary>Command-line options: <c>--name value</c> pairs after the subcommand, each with a default.</summary>
internal sealed class BenchmarkArguments
{
    public string Command { get; private init; } = "";

    /// <summary>Seconds of each timed phase. Default 10.</summary>
    public int DurationSeconds { get; private init; } = 10;

    /// <summary>Seconds of warm-up before each timed phase (JIT, tiering, connections, caches). Default 3.</summary>
    public int WarmupSeconds { get; private init; } = 3;

    /// <summary>tokens: concurrent clients, each its own registered client and HTTP/1.1 connection. Default 8.</summary>
    public int Clients { get; private init; } = 8;

    /// <summary>tokens: the most assertions pre-signed for the timed phase (the bounded count). Default 40,000.</summary>
    public int MaxTokens { get; private init; } = 40_000;

    /// <summary>authz: concurrent calls on the one connection. Default 16,64.</summary>
    public IReadOnlyList<int> Concurrency { get; private init; } = [16, 64];

    /// <summary>authz: rounds per mode; modes are interleaved per round and the median is reported. Default 3.</summary>
    public int Rounds { get; private init; } = 3;

    /// <summary>authz: payload bytes of request and response. Default 32.</summary>
    public int PayloadBytes { get; private init; } = 32;

    public static BenchmarkArguments Parse(string[] args)
    {
        if (args.Length == 0 || args.Length % 2 == 0)
        {
            throw new ArgumentException("usage: validate|tokens|authz|all [--duration s] [--warmup s] [--clients n] [--max-tokens n] [--concurrency 16,64] [--rounds n] [--payload bytes]");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        int Int(string name, int fallback) => values.Remove(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var defaults = new BenchmarkArguments();
        var parsed = new BenchmarkArguments
        {
            Command = args[0],
            DurationSeconds = Int("duration", defaults.DurationSeconds),
            WarmupSeconds = Int("warmup", defaults.WarmupSeconds),
            Clients = Int("clients", defaults.Clients),
            MaxTokens = Int("max-tokens", defaults.MaxTokens),
            Rounds = Int("rounds", defaults.Rounds),
            PayloadBytes = Int("payload", defaults.PayloadBytes),
            Concurrency = values.Remove("concurrency", out var c)
                ? c.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray()
                : defaults.Concurrency,
        };
        if (values.Count > 0)
        {
            throw new ArgumentException("Unknown options: " + string.Join(", ", values.Keys));
        }

        return parsed;
    }
}
