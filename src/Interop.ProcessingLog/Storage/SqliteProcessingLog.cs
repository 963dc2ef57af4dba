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
/// instead of retrying on SQLITE_BUSY. The schema is created and upgraded by versioned migrations on first use.
/// </summary>
public sealed class SqliteProcessingLog : IProcessingLog
{
    private readonly string _connectionString;
    private readonly MigrationGate _migration = new();
    private readonly SemaphoreSlim _appendLock = new(1, 1);

    /// <summary>Opens (and on first use creates) the database file at <paramref name="databasePath"/>.</summary>
    public SqliteProcessingLog(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            // Another node or process may hold the write lock while it appends: wait instead of failing.
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <inheritdoc />
    public async Task<ProcessingLogRecord> AppendAsync(ProcessingLogRecord record, CancellationToken cancellationToken = default)
    {
        var normalised = RecordValidator.Normalise(record);
        await _appendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            // deferred: false is BEGIN IMMEDIATE: the write lock is taken before the head is read, so no other
            // writer can read the same head (SQLite lang_transaction.html).
            await using var transaction = connection.BeginTransaction(deferred: false);
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
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ChainCommands.ListAsync(connection, "data_subject_ref", dataSubjectRef, leaveOutConfidential: true, page, filter, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<ProcessingLogPage> ListByOrganisationAsync(string oin, ProcessingLogPageRequest page, CancellationToken cancellationToken = default) =>
        ListByOrganisationAsync(oin, page, null, cancellationToken);

    /// <inheritdoc />
    public async Task<ProcessingLogPage> ListByOrganisationAsync(string oin, ProcessingLogPageRequest page, ProcessingLogFilter? filter, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(oin);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ChainCommands.ListAsync(connection, "requesting_oin", oin, leaveOutConfidential: false, page, filter, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ProcessingLogRecord>> ReadChainAsync(long afterSequence, int maxCount, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ChainCommands.ReadChainAsync(connection, afterSequence, maxCount, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The schema version of the log after migration (the highest applied script).</summary>
    public async Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = MigrationScripts.Set.SchemaVersionSql;
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await _migration.EnsureAsync(connection, static (c, ct) => SqliteMigrator.MigrateAsync(c, MigrationScripts.Set, ct), cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
