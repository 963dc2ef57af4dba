using System.Diagnostics;
using System.Net;
using Google.Protobuf;
using Interop.Federation.Benchmarks.Protos;
using Interop.Federation.Client;
using Interop.Grpc.Client;
using Interop.Grpc.Interceptors;

namespace Interop.Federation.Benchmarks;

/// <summary>
/// Unary calls per second through our client and our server over ONE HTTP/2 connection, with the client's real token
/// provider and injection interceptor (one token, fetched once and reused, as a client caching its token does), on a
/// node without authorization, with it, and with it but the validated-token cache off. Every (mode, concurrency) gets a
/// freshly started, identically built node per round; modes are interleaved round by round and medians reported.
/// </summary>
internal static class AuthzBenchmark
{
    private const int MaxRecordedPerWorker = 2_000_000;

    public static async Task RunAsync(BenchmarkArguments args)
    {
        var partners = new BenchPartners(1);
        var modes = Enum.GetValues<AuthorizationMode>();
        var results = new List<RunResult>();

        // Process-wide priming, unmeasured: the first node in a fresh process otherwise pays JIT tiering and PGO for
        // the whole stack, which biased whichever mode ran first.
        foreach (var mode in modes)
        {
            await RunOnceAsync(args, partners, mode, args.Concurrency[0]);
        }

        for (var round = 0; round < args.Rounds; round++)
        {
            // Rotate the order each round so drift (thermal, the other load on the machine) spreads over all modes.
            foreach (var mode in modes.Skip(round % modes.Length).Concat(modes.Take(round % modes.Length)))
            {
                foreach (var concurrency in args.Concurrency)
                {
                    var result = await RunOnceAsync(args, partners, mode, concurrency);
                    results.Add(result with { Round = round });
                    Console.WriteLine($"round {round + 1}: {mode,-13} c={concurrency,-3} {result.CallsPerSecond,8:F0} calls/s  p50 {result.P50:F2} ms  p99 {result.P99:F2} ms  cpu {result.CpuMicrosecondsPerCall:F1} us/call  load {result.Load}");
                }
            }
        }

        Report(results, args);
    }

    private static async Task<RunResult> RunOnceAsync(BenchmarkArguments args, BenchPartners partners, AuthorizationMode mode, int concurrency)
    {
        await using var node = await HubNode.StartAsync(mode, partners);
        using var tokenHttp = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = node.TokenAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var tokens = new ClientAssertionTokenProvider(tokenHttp, new ClientAssertionOptions
        {
            TokenEndpoint = new Uri(node.TokenAddress, "/token"),
            Audience = HubNode.Issuer + "/token",
            ClientId = BenchPartners.ClientId(0),
            SigningKey = partners.SigningKeys[0],
            Scope = BenchPartners.Scope,
        });
        using var channel = GrpcChannel.ForAddress(node.GrpcAddress, new GrpcChannelOptions
        {
            // One connection: every concurrent call is a stream on it (Kestrel allows 100 streams per connection).
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = false, UseProxy = false },
            DisposeHttpClient = true,
            CompressionProviders = [],
        });
        var client = new Bench.BenchClient(channel.Intercept(new TokenInjectionInterceptor(tokens)));
        var ping = new Ping { Payload = ByteString.CopyFrom(new byte[args.PayloadBytes]) };

        await RunPhaseAsync(client, ping, concurrency, TimeSpan.FromSeconds(args.WarmupSeconds));
        var load = MachineInfo.LoadAverage();

        // CPU time of this process (client and server) per call: steadier than calls/s on a shared machine, and the
        // difference between modes is what authorization costs per call.
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var (calls, elapsed, recorders) = await RunPhaseAsync(client, ping, concurrency, TimeSpan.FromSeconds(args.DurationSeconds));
        var cpuPerCall = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMicroseconds / calls;
        var (p50, p99) = LatencyRecorder.Percentiles(recorders);
        return new RunResult(mode, concurrency, calls / elapsed.TotalSeconds, p50, p99, load, cpuPerCall);
    }

    private static async Task<(long Calls, TimeSpan Elapsed, LatencyRecorder[] Recorders)> RunPhaseAsync(Bench.BenchClient client, Ping ping, int concurrency, TimeSpan duration)
    {
        var recorders = Enumerable.Range(0, concurrency).Select(_ => new LatencyRecorder(MaxRecordedPerWorker / concurrency)).ToArray();
        var stopwatch = Stopwatch.StartNew();
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(recorders.Select(recorder => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var start = Stopwatch.GetTimestamp();
                await client.CallAsync(ping).ResponseAsync.ConfigureAwait(false);
                recorder.Record(start);
            }
        })));
        stopwatch.Stop();
        return (recorders.Sum(r => r.Count), stopwatch.Elapsed, recorders);
    }

    private static void Report(List<RunResult> results, BenchmarkArguments args)
    {
        Console.WriteLine();
        Console.WriteLine($"Medians of {args.Rounds} rounds, {args.DurationSeconds} s each after {args.WarmupSeconds} s warm-up; payload {args.PayloadBytes} bytes.");
        Console.WriteLine();
        Console.WriteLine("| concurrency | mode | calls/s (median) | calls/s per round | p50 ms | p99 ms | CPU µs/call (client+server) | with/without (medians) | with/without (median of per-round ratios) | throughput loss |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var concurrency in args.Concurrency)
        {
            double? baseline = null;
            foreach (var mode in Enum.GetValues<AuthorizationMode>())
            {
                var runs = results.Where(r => r.Mode == mode && r.Concurrency == concurrency).ToList();
                var rate = Median(runs.Select(r => r.CallsPerSecond));
                baseline ??= rate;
                var ratio = rate / baseline.Value;

                // The same round's run without authorization is the nearest baseline in time: drift cancels out.
                var perRound = Median(runs.Select(r => r.CallsPerSecond / results.Single(b => b.Mode == AuthorizationMode.None && b.Concurrency == concurrency && b.Round == r.Round).CallsPerSecond));
                Console.WriteLine($"| {concurrency} | {Describe(mode)} | {rate:F0} | {string.Join(" / ", runs.Select(r => r.CallsPerSecond.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))} | {Median(runs.Select(r => r.P50)):F2} | {Median(runs.Select(r => r.P99)):F2} | {Median(runs.Select(r => r.CpuMicrosecondsPerCall)):F1} | {ratio:F3} | {perRound:F3} | {(1 - perRound) * 100:F1}% |");
            }
        }

        Console.WriteLine();
        Console.WriteLine($"load average at end: {MachineInfo.LoadAverage()}");
    }

    private static string Describe(AuthorizationMode mode) => mode switch
    {
        AuthorizationMode.None => "without authorization",
        AuthorizationMode.Cached => "AddHubAuthorization (validated-token cache on, default)",
        _ => "AddHubAuthorization, cache off (RSA verify every call)",
    };

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private sealed record RunResult(AuthorizationMode Mode, int Concurrency, double CallsPerSecond, double P50, double P99, string Load, double CpuMicrosecondsPerCall, int Round = 0);
}
