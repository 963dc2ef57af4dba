namespace Interop.Grpc.Benchmarks;

/// <summary>
/// The result of one h2load run, parsed from its summary; MeanLatency is h2load's own text ("1.13ms"), DataBytes the
/// response DATA received (gRPC frames, headers and trailers not counted).
/// </summary>
internal sealed record H2LoadResult(double RequestsPerSecond, long Succeeded, long Status2xx, string MeanLatency, long DataBytes);
