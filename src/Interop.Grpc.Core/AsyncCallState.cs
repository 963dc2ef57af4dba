namespace Interop.Grpc;

/// <summary>The parts of a running client call that every call type exposes.</summary>
/// <param name="ResponseHeadersAsync">Completes with the response headers.</param>
/// <param name="GetStatus">The status; valid once the call has ended.</param>
/// <param name="GetTrailers">The trailers; valid once the call has ended.</param>
/// <param name="Dispose">Cancels the call if it is still running and frees its resources.</param>
public sealed record AsyncCallState(
    Task<Metadata> ResponseHeadersAsync,
    Func<Status> GetStatus,
    Func<Metadata> GetTrailers,
    Action Dispose);
