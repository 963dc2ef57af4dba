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
/// <see cref="RentAsync"/> hands out an idle connection or opens a new one; with a bound on connections in use, a
/// renter beyond it waits for one to come back (up to the connection string's <c>Default Timeout</c>, then
/// <see cref="TimeoutException"/>), so many concurrent callers share a bounded number of connections instead of
/// opening one each (each SQLite connection has a page cache of its own). A caller
/// must therefore not rent a second connection of the same pool while it holds one. <see cref="ReturnAsync"/> keeps at
/// most the configured number idle and closes the rest. A connection is only kept when it is open and outside any
/// transaction, so a caller that failed half-way (a transaction left open, a broken connection) never passes its state
/// on to the next.
/// </remarks>
public sealed class PreparedSqliteConnectionPool : IAsyncDisposable, IDisposable
{
    private readonly ConcurrentQueue<PreparedSqliteConnection> _idle = new();
    private readonly string _connectionString;
    private readonly int _maxIdle;
    private readonly int _maxInUse;
    private readonly MigrationScriptSet? _schema;
    private readonly MigrationGate _migration = new();
    private readonly SemaphoreSlim? _inUse;
    private readonly TimeSpan _waitTimeout;
    private readonly TimeProvider _time;
    private int _idleCount;
    private volatile bool _disposed;

    /// <summary>A pool of connections opened with <paramref name="connectionString"/>, at most <paramref name="maxIdle"/> kept idle.</summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string.</param>
    /// <param name="maxIdle">How many idle connections are kept open (0: none, every connection is closed when returned).</param>
    /// <param name="schema">
    /// The store's migrations, applied (<see cref="SqliteMigrator"/>) on the first connection the pool opens, before
    /// any caller gets one; null when the owner migrates itself.
    /// </param>
    /// <param name="maxInUse">
    /// How many connections may be rented at once (null: no bound). A renter beyond it waits for a connection to be
    /// returned, at most the connection string's <c>Default Timeout</c>.
    /// </param>
    /// <param name="time">The clock the wait for a connection is timed on (the system's when null).</param>
    public PreparedSqliteConnectionPool(string connectionString, int maxIdle, MigrationScriptSet? schema = null, int? maxInUse = null, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentOutOfRangeException.ThrowIfNegative(maxIdle);
        if (maxInUse is { } max)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max, nameof(maxInUse));
            _inUse = new SemaphoreSlim(max, max);
            _maxInUse = max;
        }

        _connectionString = connectionString;
        _maxIdle = maxIdle;
        _schema = schema;
        // As for a busy database: Default Timeout seconds, 0 waiting as long as it takes.
        var seconds = new SqliteConnectionStringBuilder(connectionString).DefaultTimeout;
        _waitTimeout = seconds > 0 ? TimeSpan.FromSeconds(seconds) : Timeout.InfiniteTimeSpan;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>How many open connections wait idle in the pool now.</summary>
    public int IdleCount => Volatile.Read(ref _idleCount);

    /// <summary>How many connections are rented now (counted only when the pool bounds them; 0 otherwise).</summary>
    public int InUseCount => _inUse is { } inUse ? _maxInUse - inUse.CurrentCount : 0;

    /// <summary>
    /// An open connection: an idle one of the pool, or a new one (with the schema migrated, when the pool has one).
    /// Give it back with <see cref="ReturnAsync"/>, exactly once.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The pool is disposed.</exception>
    /// <exception cref="TimeoutException">The pool bounds connections in use, and none came back in time.</exception>
    public async ValueTask<PreparedSqliteConnection> RentAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Disposed while this renter waited: it gets nothing.
            ObjectDisposedException.ThrowIf(_disposed, this);
            return await TakeOrOpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _inUse?.Release();
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
            _inUse?.Release();
            return DiscardAsync(connection);
        }

        if (Interlocked.Increment(ref _idleCount) > _maxIdle)
        {
            Interlocked.Decrement(ref _idleCount);
            _inUse?.Release();
            return connection.DisposeAsync();
        }

        // Idle before its slot is free, so a renter woken by the slot finds it instead of opening another.
        _idle.Enqueue(connection);
        _inUse?.Release();

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

    // Takes a place among the connections in use, waiting (timed) for one when the pool bounds them and all are taken.
    private async ValueTask EnterAsync(CancellationToken cancellationToken)
    {
        if (_inUse is not { } inUse || inUse.Wait(0, CancellationToken.None))
        {
            return;
        }

        if (_waitTimeout == Timeout.InfiniteTimeSpan)
        {
            await inUse.WaitAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        using var timeout = new CancellationTokenSource(_waitTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await inUse.WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"All {_maxInUse} connections to the SQLite database were in use for {_waitTimeout.TotalSeconds:0.#} s.");
        }
    }

    private async ValueTask<PreparedSqliteConnection> TakeOrOpenAsync(CancellationToken cancellationToken)
    {
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
