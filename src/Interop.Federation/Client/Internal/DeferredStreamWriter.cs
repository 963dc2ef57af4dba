using Interop.Grpc;

namespace Interop.Federation.Client.Internal;

/// <summary>A request stream that waits for its call to start before writing.</summary>
internal sealed class DeferredStreamWriter<T>(Task<IClientStreamWriter<T>> inner) : IClientStreamWriter<T>
{
    private WriteOptions? _writeOptions;

    public WriteOptions? WriteOptions
    {
        get => _writeOptions;
        set
        {
            _writeOptions = value;
            if (inner.IsCompletedSuccessfully)
            {
                inner.Result.WriteOptions = value;
            }
        }
    }

    public Task WriteAsync(T message) => WriteAsync(message, CancellationToken.None);

    public async Task WriteAsync(T message, CancellationToken cancellationToken)
    {
        var writer = await StartedAsync(cancellationToken).ConfigureAwait(false);
        await writer.WriteAsync(message, cancellationToken).ConfigureAwait(false);
    }

    public async Task CompleteAsync() => await (await StartedAsync(CancellationToken.None).ConfigureAwait(false)).CompleteAsync().ConfigureAwait(false);

    private async Task<IClientStreamWriter<T>> StartedAsync(CancellationToken cancellationToken)
    {
        var writer = await inner.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (_writeOptions is not null)
        {
            writer.WriteOptions = _writeOptions;
        }

        return writer;
    }
}
