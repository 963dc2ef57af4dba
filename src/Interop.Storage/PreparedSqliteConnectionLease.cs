namespace Interop.Storage;

/// <summary>
/// A connection rented from a <see cref="PreparedSqliteConnectionPool"/> for one use: disposing the lease gives it
/// back (<c>await using var lease = await pool.LeaseAsync(); var connection = lease.Connection;</c>).
/// </summary>
public readonly struct PreparedSqliteConnectionLease : IAsyncDisposable
{
    private readonly PreparedSqliteConnectionPool _pool;

    internal PreparedSqliteConnectionLease(PreparedSqliteConnectionPool pool, PreparedSqliteConnection connection)
    {
        _pool = pool;
        Connection = connection;
    }

    /// <summary>The rented connection; not to be used after the lease is disposed.</summary>
    public PreparedSqliteConnection Connection { get; }

    /// <summary>Returns the connection to its pool (which closes it instead when it is left in a transaction or broken).</summary>
    public ValueTask DisposeAsync() => _pool?.ReturnAsync(Connection) ?? ValueTask.CompletedTask;
}
