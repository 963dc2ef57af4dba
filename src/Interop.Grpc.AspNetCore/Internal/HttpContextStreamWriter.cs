namespace Interop.Grpc.AspNetCore.Internal;

/// <summary>The response stream of a server-streaming or duplex call. One write at a time, none after the handler returned.</summary>
internal sealed class HttpContextStreamWriter<T>(HttpContextServerCallContext context, Marshaller<T> marshaller) : IServerStreamWriter<T>
    where T : class
{
    private Task _lastWrite = Task.CompletedTask;
    private bool _completed;

    /// <summary>Shares the call's write options, as grpc-dotnet does: setting either affects both.</summary>
    public WriteOptions? WriteOptions
    {
        get => context.WriteOptions;
        set => context.WriteOptions = value;
    }

    public Task WriteAsync(T message) => WriteAsync(message, CancellationToken.None);

    public Task WriteAsync(T message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_completed)
        {
            return Task.FromException(new InvalidOperationException("Cannot write to the response stream after the call has ended."));
        }

        if (!_lastWrite.IsCompleted)
        {
            return Task.FromException(new InvalidOperationException("Only one write can be pending at a time."));
        }

        var callToken = context.CancellationToken;
        if (callToken.IsCancellationRequested)
        {
            return Task.FromCanceled(callToken);
        }

        _lastWrite = cancellationToken.CanBeCanceled && cancellationToken != callToken
            ? WriteLinkedAsync(message, cancellationToken, callToken)
            : context.WriteMessageAsync(message, marshaller, flush: true, callToken);
        return _lastWrite;
    }

    public void Complete() => _completed = true;

    private async Task WriteLinkedAsync(T message, CancellationToken cancellationToken, CancellationToken callToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, callToken);
        await context.WriteMessageAsync(message, marshaller, flush: true, linked.Token).ConfigureAwait(false);
    }
}
