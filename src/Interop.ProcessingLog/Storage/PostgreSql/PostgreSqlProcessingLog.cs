using System.Globalization;
using Dapper;
using Interop.ProcessingLog.Internal;
using Interop.ProcessingLog.Storage.Internal;
using Interop.Storage;
using Npgsql;

namespace Interop.ProcessingLog.Storage.PostgreSql;

/// <summary>
/// The processing log in a PostgreSQL database shared by every hub node; behaves as <see cref="SqliteProcessingLog"/>
/// does. Appends take a transaction-scoped advisory lock before reading the chain head, so appenders on every node
/// queue on one lock and the chain cannot fork. The schema is migrated on first use under another advisory lock.
/// </summary>
public sealed class PostgreSqlProcessingLog : IProcessingLog, IAsyncDisposable, IDisposable
{
    /// <summary>
    /// The pg_advisory_xact_lock key of appends ("IopPLogA" in ASCII). Advisory locks are per database, so this
    /// serialises the appenders of one hub database and nothing else.
    /// </summary>
    internal const long AppendLockKey = 0x496F70504C6F6741;

    /// <summary>The most connections the processing log opens for its own queries and appends unless the connection string sets <c>Maximum Pool Size</c> (see <see cref="PostgreSqlDataSources.Create"/>).</summary>
    public const int DefaultMaxConnections = 6;

    private readonly NpgsqlDataSource _dataSource;
    private readonly MigrationGate _migration = new();

    /// <summary>Uses the database named by <paramref name="connectionString"/> (an Npgsql connection string).</summary>
    /// <exception cref="ArgumentException">The connection string is empty or not a valid Npgsql connection string.</exception>
    public PostgreSqlProcessingLog(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        // Parsed here, so a malformed connection string fails at start rather than on the first append.
        _dataSource = PostgreSqlDataSources.Create(connectionString, DefaultMaxConnections);
    }

    /// <inheritdoc />
    public async Task<ProcessingLogRecord> AppendAsync(ProcessingLogRecord record, CancellationToken cancellationToken = default)
    {
        var normalised = RecordValidator.Normalise(record);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // READ COMMITTED takes a new snapshot per statement, so the head read after the lock is granted sees the
        // previous holder's committed insert.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(@key)", new { key = AppendLockKey }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var stored = await ChainCommands.AppendAsync(connection, transaction, normalised, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return stored;
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

    /// <summary>Closes the pooled connections.</summary>
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>Closes the pooled connections.</summary>
    public void Dispose() => _dataSource.Dispose();

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _migration.EnsureAsync(
                connection,
                static (c, ct) => PostgreSqlMigrator.MigrateAsync(c, MigrationScripts.Set, MigrationScripts.PostgreSqlLockKey, ct),
                cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
