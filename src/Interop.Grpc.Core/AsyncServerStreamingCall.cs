namespace Interop.Grpc;

/// <summary>A running server-streaming call.</summary>
public sealed class AsyncServerStreamingCall<TResponse> : IDisposable
{
    private readonly AsyncCallState _state;

    /// <summary>Wraps a running call.</summary>
    public AsyncServerStreamingCall(IAsyncStreamReader<TResponse> responseStream, AsyncCallState state)
    {
        ResponseStream = responseStream;
        _state = state;
    }

    /// <summary>The responses.</summary>
    public IAsyncStreamReader<TResponse> ResponseStream { get; }

    /// <summary>Completes with the response headers.</summary>
    public Task<Metadata> ResponseHeadersAsync => _state.ResponseHeadersAsync;

    /// <summary>The status, once the call has ended.</summary>
    public Status GetStatus() => _state.GetStatus();

    /// <summary>The trailers, once the call has ended.</summary>
    public Metadata GetTrailers() => _state.GetTrailers();

    /// <summary>Cancels the call if it is still running.</summary>
    public void Dispose() => _state.Dispose();
}
