using System.Runtime.CompilerServices;

namespace Interop.Grpc;

/// <summary>A running client-streaming call.</summary>
public sealed class AsyncClientStreamingCall<TRequest, TResponse> : IDisposable
{
    private readonly AsyncCallState _state;

    /// <summary>Wraps a running call.</summary>
    public AsyncClientStreamingCall(IClientStreamWriter<TRequest> requestStream, Task<TResponse> responseAsync, AsyncCallState state)
    {
        RequestStream = requestStream;
        ResponseAsync = responseAsync;
        _state = state;
    }

    /// <summary>The requests; call <see cref="IClientStreamWriter{T}.CompleteAsync"/> when done.</summary>
    public IClientStreamWriter<TRequest> RequestStream { get; }

    /// <summary>Completes with the response, or fails with <see cref="RpcException"/>.</summary>
    public Task<TResponse> ResponseAsync { get; }

    /// <summary>Completes with the response headers.</summary>
    public Task<Metadata> ResponseHeadersAsync => _state.ResponseHeadersAsync;

    /// <summary>The status, once the call has ended.</summary>
    public Status GetStatus() => _state.GetStatus();

    /// <summary>The trailers, once the call has ended.</summary>
    public Metadata GetTrailers() => _state.GetTrailers();

    /// <summary>Lets the call be awaited directly.</summary>
    public TaskAwaiter<TResponse> GetAwaiter() => ResponseAsync.GetAwaiter();

    /// <summary>Cancels the call if it is still running.</summary>
    public void Dispose() => _state.Dispose();
}
