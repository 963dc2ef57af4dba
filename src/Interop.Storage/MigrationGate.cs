namespace Interop.Storage;

/// <summary>
/// Runs a store's migration once per store instance, on the first connection it opens; later opens pay one volatile
/// read. Concurrent first callers wait for the one migrating; a failed migration is tried again by the next caller.
/// </summary>
public sealed class MigrationGate
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private volatile bool _done;

    /// <summary>Runs <paramref name="migrate"/> on <paramref name="state"/> unless a call already completed it.</summary>
    public async ValueTask EnsureAsync<TState>(TState state, Func<TState, CancellationToken, Task> migrate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(migrate);
        if (_done)
        {
            return;
        }

        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_done)
            {
                await migrate(state, cancellationToken).ConfigureAwait(false);
                _done = true;
            }
        }
        finally
        {
            _lock.Release();
        }
    }
}
