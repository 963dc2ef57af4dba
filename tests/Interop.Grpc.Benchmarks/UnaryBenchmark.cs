using System.Diagnostics;
using Grpc.Testing;

namespace Interop.Grpc.Benchmarks;

/// <summary>Our client against our server (separate processes), unary calls at each concurrency on one connection.</summary>
internal static class UnaryBenchmark
{
    public static async Task RunAsync(BenchmarkArguments arguments)
    {
        using var server = await ServerProcess.StartAsync().ConfigureAwait(false);
        using var channel = BenchmarkChannel.Create(server.GrpcAddress);
        var client = new TestService.TestServiceClient(channel);
        var request = Payloads.UnaryRequest(arguments.PayloadSize);

        Report.Header($"Unary: our client -> our server, one HTTP/2 connection, {arguments.PayloadSize}-byte payloads, {arguments.Duration.TotalSeconds:0} s per row after {arguments.Warmup.TotalSeconds:0} s warm-up");
        Report.Row("concurrency", "calls", "calls/s", "p50 ms", "p99 ms", "load avg");
        foreach (var concurrency in arguments.Concurrency)
        {
            await MeasureAsync(client, request, concurrency, arguments.Warmup).ConfigureAwait(false);
            var load = Report.LoadAverage();
            var (calls, elapsed, recorders) = await MeasureAsync(client, request, concurrency, arguments.Duration).ConfigureAwait(false);
            var (p50, p99) = LatencyRecorder.Percentiles(recorders);
            Report.Row(concurrency, calls, Report.Rate(calls, elapsed), Report.Ms(p50), Report.Ms(p99), load);
        }
    }

    private static async Task<(long Calls, TimeSpan Elapsed, LatencyRecorder[] Recorders)> MeasureAsync(
        TestService.TestServiceClient client, SimpleRequest request, int concurrency, TimeSpan duration)
    {
        var recorders = Enumerable.Range(0, concurrency).Select(_ => new LatencyRecorder()).ToArray();
        var start = Stopwatch.GetTimestamp();
        var workers = recorders.Select(recorder => Task.Run(() => WorkerAsync(client, request, recorder, start, duration))).ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(start);
        return (recorders.Sum(r => (long)r.Count), elapsed, recorders);
    }

    private static async Task WorkerAsync(
        TestService.TestServiceClient client, SimpleRequest request, LatencyRecorder recorder, long start, TimeSpan duration)
    {
        while (Stopwatch.GetElapsedTime(start) < duration)
        {
            var before = Stopwatch.GetTimestamp();
            var response = await client.UnaryCallAsync(request).ResponseAsync.ConfigureAwait(false);
            recorder.Add(Stopwatch.GetTimestamp() - before);
            if (response.Payload.Body.Length != request.ResponseSize)
            {
                throw new BenchmarkFailedException($"UnaryCall returned {response.Payload.Body.Length} payload bytes, expected {request.ResponseSize}.");
            }
        }
    }
}
