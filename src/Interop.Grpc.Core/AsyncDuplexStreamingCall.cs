namespace Interop.Grpc;

/// <summary>A running duplex-streaming call.</summary>
public sealed class AsyncDuplexStreamingCall<TRequest, TResponse> : IDisposable
{
    private readonly AsyncCallState _state;

    /// <summary>Wraps a running call.</summary>
    public AsyncDuplexStreamingCall(IClientStreamWriter<TRequest> requestStream, IAsyncStreamReader<TResponse> responseStream, AsyncCallState state)
    {
        RequestStream = requestStream;
        ResponseStream = responseStream;
        _state = state;
    }

    /// <summary>The requests; call <see cref="IClientStreamWriter{T}.CompleteAsync"/> when done.</summary>
    public IClientStreamWriter<TRequest> RequestStream { get; }

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
