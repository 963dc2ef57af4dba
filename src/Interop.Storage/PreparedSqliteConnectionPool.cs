using System.Collections.Concurrent;
using System.Data;
using Microsoft.Data.Sqlite;

namespace Interop.Storage;

/// <summary>
/// Open <see cref="PreparedSqliteConnection"/>s to one SQLite file, kept between uses so that their prepared
/// statements are too. Microsoft.Data.Sqlite's own pooling keeps the database handle but finalizes a connection's
/// statements when it is closed, so a store that opens a pooled connection per call parses and plans its SQL on every
/// call. Thread-safe.
/// </summary>
/// <remarks>
/// <see cref="RentAsync"/> hands out an idle connection or opens a new one (there is no upper bound on connections in
/// use: SQLite's own locking decides who waits); <see cref="ReturnAsync"/> keeps at most the configured number idle and
/// closes the rest. A connection is only kept when it is open and outside any transaction, so a caller that failed
/// half-way (a transaction left open, a broken connection) never passes its state on to the next.
/// </remarks>
public sealed class PreparedSqliteConnectionPool : IAsyncDisposable, IDisposable
{
    private readonly ConcurrentQueue<PreparedSqliteConnection> _idle = new();
    private readonly string _connectionString;
    private readonly int _maxIdle;
    private readonly MigrationScriptSet? _schema;
    private readonly MigrationGate _migration = new();
    private int _idleCount;
    private volatile bool _disposed;

    /// <summary>A pool of connections opened with <paramref name="connectionString"/>, at most <paramref name="maxIdle"/> kept idle.</summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string.</param>
    /// <param name="maxIdle">How many idle connections are kept open (0: none, every connection is closed when returned).</param>
    /// <param name="schema">
    /// The store's migrations, applied (<see cref="SqliteMigrator"/>) on the first connection the pool opens, before
    /// any caller gets one; null when the owner migrates itself.
    /// </param>
    public PreparedSqliteConnectionPool(string connectionString, int maxIdle, MigrationScriptSet? schema = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentOutOfRangeException.ThrowIfNegative(maxIdle);
        _connectionString = connectionString;
        _maxIdle = maxIdle;
        _schema = schema;
    }

    /// <summary>How many open connections wait idle in the pool now.</summary>
    public int IdleCount => Volatile.Read(ref _idleCount);

    /// <summary>
    /// An open connection: an idle one of the pool, or a new one (with the schema migrated, when the pool has one).
    /// Give it back with <see cref="ReturnAsync"/>.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The pool is disposed.</exception>
    public async ValueTask<PreparedSqliteConnection> RentAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_idle.TryDequeue(out var idle))
        {
            Interlocked.Decrement(ref _idleCount);
            return idle;
        }

        // Only a new connection can be the first: an idle one was handed out, so migrated, before.
        var connection = new PreparedSqliteConnection(new SqliteConnection(_connectionString));
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (_schema is { } schema)
            {
                await _migration.EnsureAsync((connection.Inner, schema), static (s, ct) => SqliteMigrator.MigrateAsync(s.Inner, s.schema, ct), cancellationToken).ConfigureAwait(false);
            }

            return connection;
        }
        catch
        {
            await DiscardAsync(connection).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A connection of <see cref="RentAsync"/> that goes back to the pool when the lease is disposed.</summary>
    /// <exception cref="ObjectDisposedException">The pool is disposed.</exception>
    public async ValueTask<PreparedSqliteConnectionLease> LeaseAsync(CancellationToken cancellationToken = default) =>
        new(this, await RentAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Takes back a connection of <see cref="RentAsync"/>: kept for the next caller when it is reusable, open, outside
    /// any transaction and the pool has room; closed otherwise.
    /// </summary>
    /// <param name="connection">The connection.</param>
    /// <param name="reusable">False when the caller knows the connection is in no state to be reused.</param>
    public ValueTask ReturnAsync(PreparedSqliteConnection connection, bool reusable = true)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!reusable || _disposed || !IsIdleAndOpen(connection))
        {
            return DiscardAsync(connection);
        }

        if (Interlocked.Increment(ref _idleCount) > _maxIdle)
        {
            Interlocked.Decrement(ref _idleCount);
            return connection.DisposeAsync();
        }

        _idle.Enqueue(connection);

        // Returned while the pool was being disposed: close what the disposal may have missed.
        return _disposed ? CloseIdleAsync() : ValueTask.CompletedTask;
    }

    /// <summary>Closes the idle connections; connections still rented are closed when they are returned.</summary>
    public ValueTask DisposeAsync()
    {
        _disposed = true;
        return CloseIdleAsync();
    }

    /// <inheritdoc cref="DisposeAsync"/>
    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryDequeue(out var connection))
        {
            Interlocked.Decrement(ref _idleCount);
            connection.Dispose();
        }
    }

    // sqlite3_get_autocommit is 0 while a transaction is open on the connection (also one begun with raw SQL).
    private static bool IsIdleAndOpen(PreparedSqliteConnection connection) =>
        connection.State == ConnectionState.Open && SQLitePCL.raw.sqlite3_get_autocommit(connection.Inner.Handle) != 0;

    // Microsoft.Data.Sqlite puts the handle of a closed connection in its own pool as it is: a transaction begun with
    // SQL (BEGIN ...) and not ended would be handed, with its uncommitted writes and its locks, to the next connection
    // opened. Clearing that pool makes it close this handle for real, which rolls the transaction back.
    private static ValueTask DiscardAsync(PreparedSqliteConnection connection)
    {
        if (connection.State == ConnectionState.Open && SQLitePCL.raw.sqlite3_get_autocommit(connection.Inner.Handle) == 0)
        {
            SqliteConnection.ClearPool(connection.Inner);
        }

        return connection.DisposeAsync();
    }

    private async ValueTask CloseIdleAsync()
    {
        while (_idle.TryDequeue(out var connection))
        {
            Interlocked.Decrement(ref _idleCount);
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
