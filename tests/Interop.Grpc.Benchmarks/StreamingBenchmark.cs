using System.Diagnostics;
using Grpc.Testing;

namespace Interop.Grpc.Benchmarks;

/// <summary>Server-streaming messages/s: our client reads StreamingOutputCall responses from our server.</summary>
internal static class StreamingBenchmark
{
    public static async Task RunAsync(BenchmarkArguments arguments)
    {
        using var server = await ServerProcess.StartAsync().ConfigureAwait(false);
        using var channel = BenchmarkChannel.Create(server.GrpcAddress);
        var client = new TestService.TestServiceClient(channel);
        var request = Payloads.StreamingRequest(arguments.PayloadSize, arguments.MessagesPerCall);

        Report.Header($"Server streaming: our client <- our server, one HTTP/2 connection, {arguments.MessagesPerCall} messages of {arguments.PayloadSize} bytes per call, {arguments.Duration.TotalSeconds:0} s per row after {arguments.Warmup.TotalSeconds:0} s warm-up");
        Report.Row("streams", "messages", "messages/s", "MB/s payload", "load avg");
        foreach (var streams in arguments.Streams)
        {
            await MeasureAsync(client, request, streams, arguments.Warmup).ConfigureAwait(false);
            var load = Report.LoadAverage();
            var (messages, elapsed) = await MeasureAsync(client, request, streams, arguments.Duration).ConfigureAwait(false);
            var rate = messages / elapsed.TotalSeconds;
            Report.Row(streams, messages, Report.Rate(messages, elapsed), (rate * arguments.PayloadSize / 1e6).ToString("0.0", Report.Culture), load);
        }
    }

    private static async Task<(long Messages, TimeSpan Elapsed)> MeasureAsync(
        TestService.TestServiceClient client, StreamingOutputCallRequest request, int streams, TimeSpan duration)
    {
        var start = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, streams).Select(_ => Task.Run(() => WorkerAsync(client, request, start, duration))).ToArray();
        var counts = await Task.WhenAll(workers).ConfigureAwait(false);
        return (counts.Sum(), Stopwatch.GetElapsedTime(start));
    }

    /// <summary>Whole calls until the duration is over; the elapsed time includes the last call's tail.</summary>
    private static async Task<long> WorkerAsync(
        TestService.TestServiceClient client, StreamingOutputCallRequest request, long start, TimeSpan duration)
    {
        long messages = 0;
        while (Stopwatch.GetElapsedTime(start) < duration)
        {
            using var call = client.StreamingOutputCall(request);
            var inCall = 0;
            while (await call.ResponseStream.MoveNext(CancellationToken.None).ConfigureAwait(false))
            {
                inCall++;
            }

            if (inCall != request.ResponseParameters.Count || call.GetStatus().StatusCode != StatusCode.OK)
            {
                throw new BenchmarkFailedException($"StreamingOutputCall returned {inCall} messages with {call.GetStatus()}, expected {request.ResponseParameters.Count} and OK.");
            }

            messages += inCall;
        }

        return messages;
    }
}
