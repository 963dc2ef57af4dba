using Interop.Grpc.Benchmarks;

return await BenchmarkProgram.RunAsync(args).ConfigureAwait(false);
