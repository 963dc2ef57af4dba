using System.Globalization;

namespace Interop.Grpc.Benchmarks;

/// <summary>The command line: a command and its settings, each with a default that fits a 2-core machine.</summary>
internal sealed class BenchmarkArguments
{
    public const string Usage = """
        Usage: Interop.Grpc.Benchmarks <command> [options]

        Commands:
          unary         our client -> our server (separate process), one HTTP/2 connection: calls/s, p50, p99
          streaming     our client -> our server (separate process): server-streaming messages/s
          h2load        h2load -> our gRPC server vs h2load -> bare Kestrel echo (in process): req/s and ratio
          allocations   bytes allocated in the server process per unary call (h2load drives it)
          all           unary, streaming, h2load and allocations in turn
          server        (internal) run the benchmark servers until stdin closes

        Options (defaults in brackets):
          --concurrency 1,16,64   concurrent unary calls on the one connection
          --streams 1,16          concurrent server-streaming calls
          --messages 1000         messages per server-streaming call
          --duration 10           seconds measured per scenario
          --warmup 5              seconds of warm-up per scenario and per h2load target (discarded)
          --payload 64            payload bytes in each request and response message
          --requests 200000       h2load requests per run (-n)
          --h2load-streams 64     h2load concurrent streams on its one connection (-m)
          --rounds 3              h2load/allocation runs per target, alternating; the median is reported
        """;

    public string Command { get; private set; } = string.Empty;

    public int[] Concurrency { get; private set; } = [1, 16, 64];

    public int[] Streams { get; private set; } = [1, 16];

    public int MessagesPerCall { get; private set; } = 1000;

    public TimeSpan Duration { get; private set; } = TimeSpan.FromSeconds(10);

    public TimeSpan Warmup { get; private set; } = TimeSpan.FromSeconds(5);

    public int PayloadSize { get; private set; } = 64;

    public int Requests { get; private set; } = 200_000;

    public int H2LoadStreams { get; private set; } = 64;

    public int Rounds { get; private set; } = 3;

    /// <summary>Parses <paramref name="args"/>, collecting every bad option rather than stopping at the first.</summary>
    public static BenchmarkArguments Parse(string[] args, List<string> errors)
    {
        var result = new BenchmarkArguments();
        if (args.Length == 0)
        {
            errors.Add("No command given.");
            return result;
        }

        result.Command = args[0];
        if (result.Command is not ("unary" or "streaming" or "h2load" or "allocations" or "all" or "server"))
        {
            errors.Add($"Unknown command '{args[0]}'.");
        }

        for (var i = 1; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length)
            {
                errors.Add($"Option '{args[i]}' has no value.");
                break;
            }

            result.Apply(args[i], args[i + 1], errors);
        }

        return result;
    }

    private void Apply(string name, string value, List<string> errors)
    {
        switch (name)
        {
            case "--concurrency": Concurrency = ParseList(name, value, errors); break;
            case "--streams": Streams = ParseList(name, value, errors); break;
            case "--messages": MessagesPerCall = ParsePositive(name, value, errors); break;
            case "--duration": Duration = TimeSpan.FromSeconds(ParsePositive(name, value, errors)); break;
            case "--warmup": Warmup = TimeSpan.FromSeconds(ParsePositive(name, value, errors)); break;
            case "--payload": PayloadSize = ParsePositive(name, value, errors); break;
            case "--requests": Requests = ParsePositive(name, value, errors); break;
            case "--h2load-streams": H2LoadStreams = ParsePositive(name, value, errors); break;
            case "--rounds": Rounds = ParsePositive(name, value, errors); break;
            default: errors.Add($"Unknown option '{name}'."); break;
        }
    }

    private static int[] ParseList(string name, string value, List<string> errors)
    {
        var parts = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var list = parts.Select(p => ParsePositive(name, p, errors)).ToArray();
        if (list.Length == 0)
        {
            errors.Add($"{name} needs at least one value.");
        }

        return list;
    }

    private static int ParsePositive(string name, string value, List<string> errors)
    {
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
        {
            return number;
        }

        errors.Add($"{name} must be a positive whole number, not '{value}'.");
        return 1;
    }
}
