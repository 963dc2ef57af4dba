using System.Runtime.CompilerServices;

namespace Interop.Grpc;

/// <summary>A running unary call. Await it for the response.</summary>
public sealed class AsyncUnaryCall<TResponse> : IDisposable
{
    private readonly AsyncCallState _state;

    /// <summary>Wraps a running call.</summary>
    public AsyncUnaryCall(Task<TResponse> responseAsync, AsyncCallState state)
    {
        ResponseAsync = responseAsync;
        _state = state;
    }

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
