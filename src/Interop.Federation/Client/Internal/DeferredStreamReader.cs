using Interop.Grpc;

namespace Interop.Federation.Client.Internal;

/// <summary>A response stream that waits for its call to start.</summary>
internal sealed class DeferredStreamReader<T>(Task<IAsyncStreamReader<T>> inner) : IAsyncStreamReader<T>
{
    private IAsyncStreamReader<T>? _reader;

    public T Current => _reader is null ? throw new InvalidOperationException("MoveNext has not been called.") : _reader.Current;

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        _reader ??= await inner.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await _reader.MoveNext(cancellationToken).ConfigureAwait(false);
    }
}
