using System.Diagnostics;

namespace Interop.Grpc.Benchmarks;

/// <summary>
/// h2load against our gRPC server and against the bare Kestrel echo, both in this process, alternating rounds. Each
/// run also measures the bytes this process allocated: h2load is another process, so everything allocated here
/// during a run is the server's (Kestrel, for the gRPC server also our layer and the service).
/// </summary>
internal static class H2LoadBenchmark
{
    /// <summary>The target of the issue: our server reaches this share of the bare-Kestrel ceiling in requests/s.</summary>
    private const double TargetRatio = 0.85;

    public static async Task RunAsync(BenchmarkArguments arguments, bool allocations)
    {
        await using var servers = await BenchmarkServers.StartAsync().ConfigureAwait(false);
        var body = Payloads.FramedUnaryRequest(arguments.PayloadSize);
        var bodyFile = Path.Combine(Path.GetTempPath(), $"interop-grpc-bench-{Environment.ProcessId}.bin");
        await File.WriteAllBytesAsync(bodyFile, body).ConfigureAwait(false);
        try
        {
            Report.Header($"{(allocations ? "Server allocations per unary call" : "h2load: our gRPC server vs bare Kestrel echo")}, {arguments.PayloadSize}-byte payloads ({body.Length}-byte request body), {arguments.Requests} requests per run, 1 connection, {arguments.H2LoadStreams} streams");
            Report.Line(await GrpcProbe.VerifyAsync(servers.GrpcAddress, body, arguments.PayloadSize, isGrpcServer: true).ConfigureAwait(false));
            Report.Line(await GrpcProbe.VerifyAsync(servers.EchoAddress, body, arguments.PayloadSize, isGrpcServer: false).ConfigureAwait(false));
            Report.Line("h2load " + string.Join(' ', H2Load.Arguments(new Uri(servers.GrpcAddress, BenchmarkServers.UnaryPath), bodyFile, arguments.Requests, arguments.H2LoadStreams).Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"'{a}'" : a)));
            Report.Line($"Warm-up: at least {arguments.Warmup.TotalSeconds:0} s of h2load runs per target, not counted.");
            Report.Line(string.Empty);

            await WarmUpAsync(servers.GrpcAddress, bodyFile, arguments, isGrpc: true).ConfigureAwait(false);
            await WarmUpAsync(servers.EchoAddress, bodyFile, arguments, isGrpc: false).ConfigureAwait(false);

            var grpcRuns = new List<TargetRun>();
            var echoRuns = new List<TargetRun>();
            Report.Row("round", "target", "req/s", "mean latency", "server CPU µs/call", "bytes allocated/call", "gen0 GCs", "load avg");
            for (var round = 1; round <= arguments.Rounds; round++)
            {
                foreach (var isGrpc in new[] { true, false })
                {
                    var load = Report.LoadAverage();
                    var address = isGrpc ? servers.GrpcAddress : servers.EchoAddress;
                    var run = await MeasureAsync(address, bodyFile, arguments.Requests, arguments.H2LoadStreams, isGrpc).ConfigureAwait(false);
                    (isGrpc ? grpcRuns : echoRuns).Add(run);
                    Report.Row(round, isGrpc ? "our gRPC server" : "bare Kestrel echo", run.Result.RequestsPerSecond.ToString("#,0", Report.Culture), run.Result.MeanLatency, run.CpuMicrosecondsPerCall.ToString("0.0", Report.Culture), run.BytesPerCall.ToString("#,0", Report.Culture), run.Gen0Collections, load);
                }
            }

            await SummarizeAsync(grpcRuns, echoRuns, allocations, isGrpc => SampleTypesAsync(isGrpc ? servers.GrpcAddress : servers.EchoAddress, bodyFile, arguments, isGrpc)).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(bodyFile);
        }
    }

    private static async Task SummarizeAsync(List<TargetRun> grpcRuns, List<TargetRun> echoRuns, bool allocations, Func<bool, Task> sampleAsync)
    {
        Report.Line(string.Empty);
        var grpcBytes = Median(grpcRuns.Select(r => r.BytesPerCall));
        var echoBytes = Median(echoRuns.Select(r => r.BytesPerCall));
        if (allocations)
        {
            var idle = await IdleAllocationRateAsync().ConfigureAwait(false);
            Report.Line($"Median bytes allocated per call: our gRPC server {grpcBytes:#,0}, bare Kestrel echo {echoBytes:#,0}, difference (our gRPC layer + service) {grpcBytes - echoBytes:#,0}.");
            Report.Line($"Idle allocation rate of this process (timers, h2load not running): {idle:#,0} bytes/s.");
            await sampleAsync(true).ConfigureAwait(false);
            await sampleAsync(false).ConfigureAwait(false);
            return;
        }

        var grpcRate = Median(grpcRuns.Select(r => r.Result.RequestsPerSecond));
        var echoRate = Median(echoRuns.Select(r => r.Result.RequestsPerSecond));
        var ratio = grpcRate / echoRate;
        Report.Line($"Median req/s: our gRPC server {grpcRate:#,0}, bare Kestrel echo {echoRate:#,0}; ratio {ratio:P1} (target {TargetRatio:P0}: {(ratio >= TargetRatio ? "met" : "NOT met")}).");
        Report.Line($"Median bytes allocated per call: our gRPC server {grpcBytes:#,0}, bare Kestrel echo {echoBytes:#,0}.");
        var grpcCpu = Median(grpcRuns.Select(r => r.CpuMicrosecondsPerCall));
        var echoCpu = Median(echoRuns.Select(r => r.CpuMicrosecondsPerCall));
        Report.Line($"Median server CPU per call: our gRPC server {grpcCpu:0.0} µs, bare Kestrel echo {echoCpu:0.0} µs; echo/gRPC {echoCpu / grpcCpu:P1} (the throughput ratio if the server alone were CPU-bound).");
    }

    /// <summary>
    /// h2load runs until the target has had the warm-up time: tiered compilation (tier 0, instrumented, tier 1) needs
    /// a few seconds of traffic before the code is final, and a cold first run understates a server by half.
    /// </summary>
    private static async Task WarmUpAsync(Uri address, string bodyFile, BenchmarkArguments arguments, bool isGrpc)
    {
        var start = Stopwatch.GetTimestamp();
        do
        {
            await MeasureAsync(address, bodyFile, Math.Min(arguments.Requests, 50_000), arguments.H2LoadStreams, isGrpc).ConfigureAwait(false);
        }
        while (Stopwatch.GetElapsedTime(start) < arguments.Warmup);
    }

    private static async Task<TargetRun> MeasureAsync(Uri address, string bodyFile, int requests, int streams, bool isGrpc)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var callsBefore = BenchmarkService.UnaryCalls;
        var gen0Before = GC.CollectionCount(0);
        var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpuBefore = ProcessorTime();
        var result = await H2Load.RunAsync(new Uri(address, BenchmarkServers.UnaryPath), bodyFile, requests, streams).ConfigureAwait(false);
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - bytesBefore;
        var gen0 = GC.CollectionCount(0) - gen0Before;
        var cpu = ProcessorTime() - cpuBefore;

        // h2load sees HTTP 200 only; every request must also have reached the handler and returned normally (OK).
        var calls = BenchmarkService.UnaryCalls - callsBefore;
        if (isGrpc && calls != requests)
        {
            throw new BenchmarkFailedException($"h2load reported {requests} successes but the service completed {calls} calls.");
        }

        return new TargetRun(result, (double)bytes / requests, gen0, cpu.TotalMicroseconds / requests);
    }

    /// <summary>One extra, unmeasured run with <see cref="AllocationSampler"/> listening: the types behind the bytes.</summary>
    private static async Task SampleTypesAsync(Uri address, string bodyFile, BenchmarkArguments arguments, bool isGrpc)
    {
        using var sampler = new AllocationSampler();
        await MeasureAsync(address, bodyFile, arguments.Requests, arguments.H2LoadStreams, isGrpc).ConfigureAwait(false);
        sampler.Dispose();
        Report.Header($"Sampled allocations by type, {(isGrpc ? "our gRPC server" : "bare Kestrel echo")} ({arguments.Requests} calls, GC AllocationTick events)");
        Report.Row("type", "sampled bytes/call", "share");
        var total = sampler.TotalBytes;
        foreach (var (type, bytes) in sampler.Top(15))
        {
            Report.Row(type, ((double)bytes / arguments.Requests).ToString("#,0", Report.Culture), ((double)bytes / total).ToString("P0", Report.Culture));
        }
    }

    private static async Task<double> IdleAllocationRateAsync()
    {
        var period = TimeSpan.FromSeconds(2);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        await Task.Delay(period, TimeProvider.System).ConfigureAwait(false);
        return (GC.GetTotalAllocatedBytes(precise: true) - before) / period.TotalSeconds;
    }

    /// <summary>CPU time of this process (user + system, all threads): the servers' cost, h2load being another process.</summary>
    private static TimeSpan ProcessorTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private sealed record TargetRun(H2LoadResult Result, double BytesPerCall, int Gen0Collections, double CpuMicrosecondsPerCall);
}
