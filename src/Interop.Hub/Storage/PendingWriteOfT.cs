namespace Interop.Hub.Storage;

/// <summary>A queued operation with a result of type <typeparamref name="T"/>.</summary>
internal sealed class PendingWrite<T> : PendingWrite
{
    private readonly Func<HubWriteContext, Task<T>> _write;
    private readonly CancellationToken _cancellationToken;
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;
    private Exception? _error;

    public PendingWrite(Func<HubWriteContext, Task<T>> write, CancellationToken cancellationToken)
    {
        _write = write;
        _cancellationToken = cancellationToken;
    }

    public Task<T> Task => _completion.Task;

    public override bool IsCancelled
    {
        get
        {
            if (!_cancellationToken.IsCancellationRequested)
            {
                return false;
            }

            _completion.TrySetCanceled(_cancellationToken);
            return true;
        }
    }

    public override async Task<bool> RunAsync(HubWriteContext context)
    {
        try
        {
            _result = await _write(context).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex)
        {
            _error = ex;
            return false;
        }
    }

    public override void Complete()
    {
        if (_error is not null)
        {
            _completion.TrySetException(_error);
        }
        else
        {
            _completion.TrySetResult(_result!);
        }
    }

    public override void Fail(Exception exception) => _completion.TrySetException(exception);
}
