using Interop.Grpc;

namespace Interop.Federation.Client.Internal;

/// <summary>A client call that is either started, or will start once its access token has arrived.</summary>
internal sealed class DeferredCall<TCall>
    where TCall : class
{
    private readonly TCall? _started;
    private readonly Task<TCall> _pending;
    private readonly CancellationTokenSource _disposed = new();

    private DeferredCall(TCall? started, Task<TCall> pending)
    {
        _started = started;
        _pending = pending;
    }

    public static DeferredCall<TCall> Started(TCall call) => new(call, Task.FromResult(call));

    public static DeferredCall<TCall> Deferred(Task<TCall> pending) => new(null, pending);

    public bool IsStarted(out TCall call)
    {
        call = _started!;
        return _started is not null;
    }

    /// <summary>A task that follows the call once it has started.</summary>
    public async Task<T> Then<T>(Func<TCall, Task<T>> next) => await next(await _pending.ConfigureAwait(false)).ConfigureAwait(false);

    public AsyncCallState State(Func<TCall, Task<Metadata>> headers, Func<TCall, Status> status, Func<TCall, Metadata> trailers, Action<TCall> dispose) => new(
        Then(headers),
        () => _pending.IsCompletedSuccessfully ? status(_pending.Result) : FailedStatus(),
        () => _pending.IsCompletedSuccessfully ? trailers(_pending.Result) : Metadata.Empty,
        () =>
        {
            if (_pending.IsCompletedSuccessfully)
            {
                dispose(_pending.Result);
            }
            else
            {
                // Disposed before the token came: dispose the call as soon as it starts.
                _ = _pending.ContinueWith(t => dispose(t.Result), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            }
        });

    private Status FailedStatus() => _pending.Exception?.InnerException is RpcException rpc
        ? rpc.Status
        : throw new InvalidOperationException("The call has not finished yet.");
}
