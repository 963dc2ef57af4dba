using Interop.Federation.Benchmarks;

// dotnet run -c Release --project tests/Interop.Federation.Benchmarks -- validate|tokens|authz|all [options]
// Everything listens on 127.0.0.1 only; see docs/benchmarks-federation.md for the commands and figures.
var options = BenchmarkArguments.Parse(args);
Console.WriteLine("Machine:");
MachineInfo.Print();
Console.WriteLine();
switch (options.Command)
{
    case "tokens":
        await TokenBenchmark.RunAsync(options);
        break;
    case "authz":
        await AuthzBenchmark.RunAsync(options);
        break;
    case "validate":
        await ValidatorBenchmark.RunAsync(options);
        break;
    case "all":
        await ValidatorBenchmark.RunAsync(options);
        await TokenBenchmark.RunAsync(options);
        await AuthzBenchmark.RunAsync(options);
        break;
    default:
        Console.Error.WriteLine($"Unknown command '{options.Command}': use validate, tokens, authz or all.");
        return 2;
}

return 0;
