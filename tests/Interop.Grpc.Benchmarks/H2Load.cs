using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Interop.Grpc.Benchmarks;

/// <summary>
/// Runs Debian's h2load (nghttp2-client) as an independent load generator: one thread (-t 1) and one connection unless
/// told otherwise (-c), h2c with prior knowledge (its default for http://), -m concurrent streams per connection,
/// posting a prebuilt gRPC request body (-d) to
/// <c>target</c> (the method's full URL) with any extra header lines ("name: value"). Also linked into the hub
/// benchmark (tests/Interop.Hub.Benchmarks).
/// </summary>
internal static partial class H2Load
{
    public static async Task<H2LoadResult> RunAsync(Uri target, string bodyFile, int requests, int streams, IReadOnlyList<string>? headers = null, int connections = 1)
    {
        var start = new ProcessStartInfo("h2load")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments(target, bodyFile, requests, streams, headers, connections))
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new BenchmarkFailedException($"h2load could not be started ({ex.Message}); install Debian's nghttp2-client.");
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(10)).ConfigureAwait(false);
            var output = await stdout.ConfigureAwait(false);
            return Parse(output + await stderr.ConfigureAwait(false), requests);
        }
    }

    /// <summary>The command line, also printed in the report so the run can be repeated by hand.</summary>
    public static IEnumerable<string> Arguments(Uri target, string bodyFile, int requests, int streams, IReadOnlyList<string>? headers = null, int connections = 1) =>
    [
        "-n", requests.ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture), "-t", "1",
        "-m", streams.ToString(CultureInfo.InvariantCulture), "-d", bodyFile,
        "-H", "content-type: application/grpc", "-H", "te: trailers",
        .. (headers ?? []).SelectMany(header => new[] { "-H", header }),
        target.ToString(),
    ];

    private static H2LoadResult Parse(string output, int requests)
    {
        var finished = FinishedRegex().Match(output);
        var counts = RequestsRegex().Match(output);
        var codes = StatusCodesRegex().Match(output);
        var latency = LatencyRegex().Match(output);
        var data = DataRegex().Match(output);
        if (!finished.Success || !counts.Success || !codes.Success || !data.Success)
        {
            throw new BenchmarkFailedException($"Could not read h2load's summary:\n{output}");
        }

        var result = new H2LoadResult(
            double.Parse(finished.Groups[1].Value, CultureInfo.InvariantCulture),
            long.Parse(counts.Groups[1].Value, CultureInfo.InvariantCulture),
            long.Parse(codes.Groups[1].Value, CultureInfo.InvariantCulture),
            latency.Success ? latency.Groups[1].Value : "?",
            long.Parse(data.Groups[1].Value, CultureInfo.InvariantCulture));
        if (result.Succeeded != requests || result.Status2xx != requests)
        {
            throw new BenchmarkFailedException($"h2load: {result.Succeeded} of {requests} requests succeeded, {result.Status2xx} with 2xx:\n{output}");
        }

        return result;
    }

    [GeneratedRegex(@"finished in [\d.]+m?s, ([\d.]+) req/s")]
    private static partial Regex FinishedRegex();

    [GeneratedRegex(@"requests: \d+ total, \d+ started, \d+ done, (\d+) succeeded")]
    private static partial Regex RequestsRegex();

    [GeneratedRegex(@"status codes: (\d+) 2xx")]
    private static partial Regex StatusCodesRegex();

    // "traffic: 2.29MB (2400450) total, 51.34KB (52574) headers (space savings 95.63%), 1.14MB (1200000) data".
    [GeneratedRegex(@"\((\d+)\) data")]
    private static partial Regex DataRegex();

    // "time for request:   min   max   mean   sd   +/- sd": the mean.
    [GeneratedRegex(@"time for request:\s+\S+\s+\S+\s+(\S+)")]
    private static partial Regex LatencyRegex();
}
