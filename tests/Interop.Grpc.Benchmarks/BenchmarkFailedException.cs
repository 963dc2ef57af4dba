namespace Interop.Grpc.Benchmarks;

/// <summary>A benchmark could not produce an honest figure (a failed call, a missing tool); the program exits 1.</summary>
internal sealed class BenchmarkFailedException(string message) : Exception(message);
