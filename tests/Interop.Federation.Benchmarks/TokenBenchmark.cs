using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Interop.Federation.Client;
using Microsoft.IdentityModel.Tokens;

namespace Interop.Federation.Benchmarks;

/// <summary>
/// Tokens issued per second by POST /token (client_credentials + private_key_jwt, RFC 7523): N clients, each its own
/// registered API client on its own HTTP/1.1 connection, post requests back to back. Assertions are single use (jti
/// replay protection), so every request needs a fresh one; they are signed BEFORE the timed phase, so the figure is the
/// server's work (form parsing, client lookup, assertion verification, jti store, access token signing), not the
/// clients' RSA signing.
/// </summary>
internal static class TokenBenchmark
{
    private static readonly MediaTypeHeaderValue FormContentType = new("application/x-www-form-urlencoded");

    public static async Task RunAsync(BenchmarkArguments args)
    {
        var partners = new BenchPartners(args.Clients);
        await using var node = await HubNode.StartAsync(AuthorizationMode.None, partners);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = args.Clients, UseProxy = false })
        {
            BaseAddress = node.TokenAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };

        // Warm-up for the set time, in batches of fresh assertions; the last batch estimates the rate, so enough
        // assertions are pre-signed for the timed phase (with margin: a phase stopped by the bound says so).
        var warmupEnd = Stopwatch.GetTimestamp() + (long)(args.WarmupSeconds * Stopwatch.Frequency);
        PhaseResult warm;
        do
        {
            warm = await RunPhaseAsync(http, Sign(partners, Math.Max(args.Clients * 50, 500)), args.Clients, TimeSpan.FromSeconds(args.WarmupSeconds));
        }
        while (Stopwatch.GetTimestamp() < warmupEnd);

        var wanted = (int)Math.Min(args.MaxTokens, Math.Ceiling((warm.Issued / warm.Elapsed.TotalSeconds * args.DurationSeconds * 2) + args.Clients));
        var signing = Stopwatch.StartNew();
        var bodies = Sign(partners, wanted);
        Console.WriteLine($"warm-up: last batch {warm.Issued / warm.Elapsed.TotalSeconds:F0} tokens/s; pre-signed {wanted} assertions (RS256, 2048-bit client keys) in {signing.Elapsed.TotalSeconds:F1} s, before the timed phase.");

        var load = MachineInfo.LoadAverage();
        var run = await RunPhaseAsync(http, bodies, args.Clients, TimeSpan.FromSeconds(args.DurationSeconds));
        var (p50, p99) = LatencyRecorder.Percentiles(run.Recorders);
        Console.WriteLine();
        Console.WriteLine($"| clients | tokens | seconds | tokens/s | p50 ms | p99 ms | stopped by | load avg at start |");
        Console.WriteLine($"|---|---|---|---|---|---|---|---|");
        Console.WriteLine($"| {args.Clients} | {run.Issued} | {run.Elapsed.TotalSeconds:F1} | {run.Issued / run.Elapsed.TotalSeconds:F0} | {p50:F2} | {p99:F2} | {(run.Exhausted ? "assertions used up (bound)" : "duration")} | {load} |");
    }

    private static byte[][] Sign(BenchPartners partners, int count)
    {
        var audience = HubNode.Issuer + "/token";
        var bodies = new byte[count][];
        Parallel.For(0, count, i =>
        {
            var client = i % partners.Count;
            var assertion = ClientAssertion.Create(
                BenchPartners.ClientId(client), audience, partners.SigningKeys[client], SecurityAlgorithms.RsaSha256, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(4));
            bodies[i] = Encoding.ASCII.GetBytes(
                "grant_type=client_credentials&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer"
                + "&client_assertion=" + assertion + "&scope=" + BenchPartners.Scope);
        });
        return bodies;
    }

    private static async Task<PhaseResult> RunPhaseAsync(HttpClient http, byte[][] bodies, int clients, TimeSpan duration)
    {
        var next = -1;
        var recorders = Enumerable.Range(0, clients).Select(_ => new LatencyRecorder(bodies.Length)).ToArray();
        var stopwatch = Stopwatch.StartNew();
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var exhausted = false;
        await Task.WhenAll(recorders.Select(recorder => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= bodies.Length)
                {
                    exhausted = true;
                    return;
                }

                var start = Stopwatch.GetTimestamp();
                using var content = new ByteArrayContent(bodies[i]);
                content.Headers.ContentType = FormContentType;
                using var response = await http.PostAsync("/token", content).ConfigureAwait(false);
                var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                if (response.StatusCode != HttpStatusCode.OK || !text.Contains("\"access_token\"", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"Token request failed: {(int)response.StatusCode} {text}");
                }

                recorder.Record(start);
            }
        })));
        stopwatch.Stop();
        return new PhaseResult(recorders.Sum(r => r.Count), stopwatch.Elapsed, exhausted, recorders);
    }

    private sealed record PhaseResult(long Issued, TimeSpan Elapsed, bool Exhausted, LatencyRecorder[] Recorders);
}
