using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Google.Protobuf;
using Interop.Federation.Benchmarks;

namespace Interop.Hub.Benchmarks;

/// <summary>
/// Drives one hub method with Debian's h2load (nghttp2-client) instead of the C# client: an independent C load
/// generator that costs a few µs per request, so nearly all of the two cores are left to the hub. One connection
/// (-c 1, -t 1), h2c with prior knowledge, -m concurrent streams, the same prebuilt gRPC request (-d) with the caller's
/// bearer token on every request. h2load only sees HTTP statuses (a gRPC error is HTTP 200 too), so each run is
/// checked by what came back and what the hub did: the response data received must be exactly one OK answer of the
/// probed size per request (<paramref name="responseFrameBytes"/>, when the answer's size is fixed), and/or a count
/// kept by the hub must grow by exactly the number of requests (for status queries: the processing records, one per
/// answered query).
/// </summary>
internal static partial class H2LoadDriver
{
    public static async Task MeasureAsync(
        string title, string address, string path, IMessage request, string token, int streams, int requests,
        int? responseFrameBytes, Func<Task<long>>? count)
    {
        Console.WriteLine();
        Console.WriteLine($"## {title} (h2load, 1 connection, {streams} streams)");
        var body = Path.GetTempFileName();
        try
        {
            var message = request.ToByteArray();
            var frame = new byte[5 + message.Length];
            BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)message.Length);
            message.CopyTo(frame, 5);
            await File.WriteAllBytesAsync(body, frame);

            // Warm-up: a fifth of the requests, discarded (JIT tiers, SQLite page cache, connection pools).
            await RunAsync(address + path, body, token, streams, Math.Max(streams, requests / 5), responseFrameBytes, count);
            var result = await RunAsync(address + path, body, token, streams, requests, responseFrameBytes, count);
            Console.WriteLine($"- calls: {requests} in {result.Seconds:F1} s = {result.RequestsPerSecond:F0} calls/s");
            Console.WriteLine($"- latency: mean {result.MeanLatency} (h2load's time for request)");
            Console.WriteLine($"- check: every request answered OK ({result.Check})");
            Console.WriteLine($"- load average after: {MachineInfo.LoadAverage()}");
            Console.WriteLine($"- command: h2load -n {requests} -c 1 -t 1 -m {streams} -d <request> -H 'content-type: application/grpc' -H 'te: trailers' -H 'authorization: Bearer <token>' {address}{path}");
        }
        finally
        {
            File.Delete(body);
        }
    }

    private static async Task<Result> RunAsync(
        string url, string body, string token, int streams, int requests, int? responseFrameBytes, Func<Task<long>>? count)
    {
        var before = count is null ? 0 : await count();
        var start = new ProcessStartInfo("h2load") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "-n", requests.ToString(CultureInfo.InvariantCulture), "-c", "1", "-t", "1",
            "-m", streams.ToString(CultureInfo.InvariantCulture), "-d", body,
            "-H", "content-type: application/grpc", "-H", "te: trailers", "-H", "authorization: Bearer " + token,
            url,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("h2load did not start; install Debian's nghttp2-client.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(10));
        var output = await stdout + await stderr;

        var finished = FinishedRegex().Match(output);
        var succeeded = SucceededRegex().Match(output);
        var latency = LatencyRegex().Match(output);
        if (!finished.Success || !succeeded.Success || long.Parse(succeeded.Groups[1].Value, CultureInfo.InvariantCulture) != requests)
        {
            throw new InvalidOperationException($"h2load: not every request succeeded:\n{output}");
        }

        var checks = new List<string>();
        if (responseFrameBytes is { } frame)
        {
            var data = DataRegex().Match(output);
            var expected = (long)frame * requests;
            if (!data.Success || long.Parse(data.Groups[1].Value, CultureInfo.InvariantCulture) != expected)
            {
                throw new InvalidOperationException($"h2load received other response data than {requests} OK answers of {frame} bytes ({expected}):\n{output}");
            }

            checks.Add($"{expected} bytes of response data = {requests} answers of {frame} bytes");
        }

        if (count is not null)
        {
            var counted = await count() - before;
            if (counted != requests)
            {
                throw new InvalidOperationException($"h2load sent {requests} requests but the hub counted {counted}: some were not answered OK.");
            }

            checks.Add($"{counted} new processing records");
        }

        var seconds = FinishedSeconds(finished.Groups[1].Value);
        return new Result(requests / seconds, seconds, latency.Success ? latency.Groups[1].Value : "?", string.Join("; ", checks));
    }

    private static double FinishedSeconds(string text) => text.EndsWith("ms", StringComparison.Ordinal)
        ? double.Parse(text[..^2], CultureInfo.InvariantCulture) / 1000
        : double.Parse(text[..^1], CultureInfo.InvariantCulture);

    private sealed record Result(double RequestsPerSecond, double Seconds, string MeanLatency, string Check);

    [GeneratedRegex(@"finished in ([\d.]+m?s), [\d.]+ req/s")]
    private static partial Regex FinishedRegex();

    // "requests: N total, N started, N done, N succeeded, N failed, N errored": succeeded means a 2xx HTTP status.
    [GeneratedRegex(@"requests: \d+ total, \d+ started, \d+ done, (\d+) succeeded")]
    private static partial Regex SucceededRegex();

    // "traffic: 2.29MB (2400450) total, 51.34KB (52574) headers (space savings 95.63%), 1.14MB (1200000) data".
    [GeneratedRegex(@"\((\d+)\) data")]
    private static partial Regex DataRegex();

    // "time for request:   min   max   mean   sd   +/- sd": the mean.
    [GeneratedRegex(@"time for request:\s+\S+\s+\S+\s+(\S+)")]
    private static partial Regex LatencyRegex();
}
