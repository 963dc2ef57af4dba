namespace Interop.Grpc.Benchmarks;

/// <summary>Reads the command line and runs one benchmark, or all of them in turn.</summary>
internal static class BenchmarkProgram
{
    public static async Task<int> RunAsync(string[] args)
    {
        var errors = new List<string>();
        var arguments = BenchmarkArguments.Parse(args, errors);
        if (errors.Count > 0)
        {
            errors.ForEach(Console.Error.WriteLine);
            Console.Error.WriteLine(BenchmarkArguments.Usage);
            return 2;
        }

        if (arguments.Command == "server")
        {
            return await ServerProcess.RunChildAsync().ConfigureAwait(false);
        }

        Report.Environment();
        try
        {
            if (arguments.Command is "unary" or "all")
            {
                await UnaryBenchmark.RunAsync(arguments).ConfigureAwait(false);
            }

            if (arguments.Command is "streaming" or "all")
            {
                await StreamingBenchmark.RunAsync(arguments).ConfigureAwait(false);
            }

            if (arguments.Command is "h2load" or "all")
            {
                await H2LoadBenchmark.RunAsync(arguments, allocations: false).ConfigureAwait(false);
            }

            if (arguments.Command is "allocations" or "all")
            {
                await H2LoadBenchmark.RunAsync(arguments, allocations: true).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is BenchmarkFailedException or RpcException)
        {
            Console.Error.WriteLine($"BENCHMARK FAILED: {ex.Message}");
            return 1;
        }

        Report.Line(string.Empty);
        Report.Line($"Load average at end: {Report.LoadAverage()}");
        return 0;
    }
}
