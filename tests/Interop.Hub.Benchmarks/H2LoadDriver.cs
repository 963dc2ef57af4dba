using System.Buffers.Binary;
using Google.Protobuf;
using Interop.Federation.Benchmarks;
using Interop.Grpc.Benchmarks;

namespace Interop.Hub.Benchmarks;

/// <summary>
/// Drives one hub method with Debian's h2load (nghttp2-client, run by <see cref="H2Load"/> of the gRPC runtime
/// benchmark) instead of the C# client: an independent C load generator that costs a few µs per request, so nearly
/// all of the two cores are left to the hub. One connection (or --connections), the callers spread over them as
/// concurrent streams, the same prebuilt gRPC request with the caller's bearer token on every request. h2load only sees
/// HTTP statuses (a gRPC error is HTTP 200 too), so each run is checked by what came back and what the hub did: the
/// response data received must be exactly one OK answer of the probed size per request (<c>responseFrameBytes</c>, when
/// the answer's size is fixed), and/or a count kept by the hub must grow by exactly the number of requests (for status
/// queries: the processing records, one per answered query).
/// </summary>
internal static class H2LoadDriver
{
    public static async Task MeasureAsync(
        string title, string address, string path, IMessage request, string token, int callers, int connections, int requests,
        int? responseFrameBytes, Func<Task<long>>? count, Func<TimeSpan> hubProcessorTime)
    {
        if (connections < 1 || callers % connections != 0)
        {
            throw new BenchmarkFailedException($"--connections must divide --callers ({callers}) evenly.");
        }

        var streams = callers / connections;
        Console.WriteLine();
        Console.WriteLine($"## {title} (h2load, {connections} connection(s), {streams} streams each)");
        var body = Path.GetTempFileName();
        try
        {
            var message = request.ToByteArray();
            var frame = new byte[5 + message.Length];
            BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)message.Length);
            message.CopyTo(frame, 5);
            await File.WriteAllBytesAsync(body, frame);

            var target = new Uri(address + path);
            string[] headers = ["authorization: Bearer " + token];

            // Warm-up: a fifth of the requests, discarded (JIT tiers, SQLite page cache, connection pools).
            await RunAsync(target, body, headers, streams, connections, Math.Max(callers, requests / 5), responseFrameBytes, count);
            var cpuBefore = hubProcessorTime();
            var (result, check) = await RunAsync(target, body, headers, streams, connections, requests, responseFrameBytes, count);
            var cpu = hubProcessorTime() - cpuBefore;
            var seconds = requests / result.RequestsPerSecond;
            Console.WriteLine($"- calls: {requests} in {seconds:F1} s = {result.RequestsPerSecond:F0} calls/s");
            Console.WriteLine($"- hub CPU: {cpu.TotalMicroseconds / requests:F0} µs per call, {cpu.TotalSeconds / seconds:F2} cores on average (the hub-side checks included)");
            Console.WriteLine($"- latency: mean {result.MeanLatency} (h2load's time for request)");
            Console.WriteLine($"- check: every request answered OK ({check})");
            Console.WriteLine($"- load average after: {MachineInfo.LoadAverage()}");
            Console.WriteLine($"- command: h2load -n {requests} -c {connections} -t 1 -m {streams} -d <request> -H 'content-type: application/grpc' -H 'te: trailers' -H 'authorization: Bearer <token>' {target}");
        }
        finally
        {
            File.Delete(body);
        }
    }

    /// <summary>One h2load run (every request HTTP 2xx, checked by <see cref="H2Load"/>), then the hub-side checks.</summary>
    private static async Task<(H2LoadResult Result, string Check)> RunAsync(
        Uri target, string body, string[] headers, int streams, int connections, int requests, int? responseFrameBytes, Func<Task<long>>? count)
    {
        var before = count is null ? 0 : await count();
        var result = await H2Load.RunAsync(target, body, requests, streams, headers, connections);

        var checks = new List<string>();
        if (responseFrameBytes is { } frame)
        {
            var expected = (long)frame * requests;
            if (result.DataBytes != expected)
            {
                throw new BenchmarkFailedException($"h2load received {result.DataBytes} bytes of response data, not {requests} OK answers of {frame} bytes ({expected}).");
            }

            checks.Add($"{expected} bytes of response data = {requests} answers of {frame} bytes");
        }

        if (count is not null)
        {
            var counted = await count() - before;
            if (counted != requests)
            {
                throw new BenchmarkFailedException($"h2load sent {requests} requests but the hub counted {counted}: some were not answered OK.");
            }

            checks.Add($"{counted} new processing records");
        }

        return (result, string.Join("; ", checks));
    }
}
