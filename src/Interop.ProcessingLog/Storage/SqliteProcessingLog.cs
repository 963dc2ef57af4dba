using System.Globalization;
using Interop.ProcessingLog.Internal;
using Interop.ProcessingLog.Storage.Internal;
using Interop.Storage;
using Microsoft.Data.Sqlite;

namespace Interop.ProcessingLog.Storage;

/// <summary>
/// The embedded default: the processing log in a SQLite file (it may be the hub's own database file). Appends are
/// serialised by a BEGIN IMMEDIATE transaction that reads the chain head and inserts, so writers in other processes
/// on the same file cannot fork the chain; within one instance a semaphore queues them first, so they wait in order
/// instead of retrying on SQLITE_BUSY. The schema is created and upgraded by versioned migrations on first use. Up to
/// <see cref="MaxIdleConnections"/> connections stay open between calls with their statements prepared (inzage and
/// organisation queries, the anchor publisher's reads), and at most <see cref="MaxConnections"/> are in use at once
/// (more concurrent calls wait for one); dispose the log to close them.
/// </summary>
public sealed class SqliteProcessingLog : IProcessingLog, IAsyncDisposable, IDisposable
{
    /// <summary>How many idle connections the log keeps open, each with its prepared statements.</summary>
    public const int MaxIdleConnections = 4;

    /// <summary>How many connections the log uses at most at once; further calls wait for one (up to 30 s).</summary>
    public const int MaxConnections = 8;

    private readonly PreparedSqliteConnectionPool _connections;
    private readonly SemaphoreSlim _appendLock = new(1, 1);

    /// <summary>Opens (and on first use creates) the database file at <paramref name="databasePath"/>.</summary>
    public SqliteProcessingLog(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            // Another node or process may hold the write lock while it appends: wait instead of failing.
            DefaultTimeout = 30,
        }.ToString();
        _connections = new PreparedSqliteConnectionPool(connectionString, MaxIdleConnections, MigrationScripts.Set, MaxConnections);
    }

    /// <inheritdoc />
    public async Task<ProcessingLogRecord> AppendAsync(ProcessingLogRecord record, CancellationToken cancellationToken = default)
    {
        var normalised = RecordValidator.Normalise(record);
        await _appendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var lease = await _connections.LeaseAsync(cancellationToken).ConfigureAwait(false);
            var connection = lease.Connection;
            // deferred: false is BEGIN IMMEDIATE: the write lock is taken before the head is read, so no other
            // writer can read the same head (SQLite lang_transaction.html).
            await using var transaction = connection.Inner.BeginTransaction(deferred: false);
            var stored = await ChainCommands.AppendAsync(connection, transaction, normalised, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return stored;
        }
        finally
        {
            _appendLock.Release();
        }
    }

    /// <inheritdoc />
    public Task<ProcessingLogPage> ListBySubjectAsync(string dataSubjectRef, ProcessingLogPageRequest page, CancellationToken cancellationToken = default) =>
        ListBySubjectAsync(dataSubjectRef, page, null, cancellationToken);

    /// <inheritdoc />
    public async Task<ProcessingLogPage> ListBySubjectAsync(string dataSubjectRef, ProcessingLogPageRequest page, ProcessingLogFilter? filter, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataSubjectRef);
        await using var lease = await _connections.LeaseAsync(cancellationToken).ConfigureAwait(false);
        return await ChainCommands.ListAsync(lease.Connection, "data_subject_ref", dataSubjectRef, leaveOutConfidential: true, page, filter, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<ProcessingLogPage> ListByOrganisationAsync(string oin, ProcessingLogPageRequest page, CancellationToken cancellationToken = default) =>
        ListByOrganisationAsync(oin, page, null, cancellationToken);

    /// <inheritdoc />
    public async Task<ProcessingLogPage> ListByOrganisationAsync(string oin, ProcessingLogPageRequest page, ProcessingLogFilter? filter, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(oin);
        await using var lease = await _connections.LeaseAsync(cancellationToken).ConfigureAwait(false);
        return await ChainCommands.ListAsync(lease.Connection, "requesting_oin", oin, leaveOutConfidential: false, page, filter, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ProcessingLogRecord>> ReadChainAsync(long afterSequence, int maxCount, CancellationToken cancellationToken = default)
    {
        await using var lease = await _connections.LeaseAsync(cancellationToken).ConfigureAwait(false);
        return await ChainCommands.ReadChainAsync(lease.Connection, afterSequence, maxCount, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The schema version of the log after migration (the highest applied script).</summary>
    public async Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var lease = await _connections.LeaseAsync(cancellationToken).ConfigureAwait(false);
        await using var command = lease.Connection.CreateCommand();
        command.CommandText = MigrationScripts.Set.SchemaVersionSql;
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>Closes the idle connections.</summary>
    public ValueTask DisposeAsync() => _connections.DisposeAsync();

    /// <inheritdoc cref="DisposeAsync"/>
    public void Dispose() => _connections.Dispose();
}
