using System.Data;
using System.Data.Common;
using Dapper;
using Interop.ProcessingLog;
using Interop.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Interop.Hub.Storage;

/// <summary>
/// The hub's tables in a PostgreSQL database shared by every hub node. Each write transaction first takes the
/// processing log's advisory lock, which serialises writers across nodes: the chain cannot fork and event cursors
/// increase in commit order. Nothing is kept in process memory that another node would need.
/// </summary>
internal sealed class PostgreSqlHubDatabase : HubDatabase
{
    /// <summary>
    /// The most connections a node opens for the hub's tables unless the connection string sets <c>Maximum Pool
    /// Size</c>: <see cref="WriterConnections"/> for the writer (and migrations), the rest for concurrent reads; more
    /// concurrent reads wait for one. With the registry's and the processing log's, a node opens at most 36 (see
    /// <see cref="PostgreSqlDataSources.Create"/>).
    /// </summary>
    public const int DefaultMaxConnections = 24;

    /// <summary>The writer's share of <see cref="DefaultMaxConnections"/>: its own connection, and one to migrate with.</summary>
    public const int WriterConnections = 2;

    private readonly NpgsqlDataSource _dataSource;

    // Reads run on connections of their own, read-only for the whole session: a read that would write is refused.
    private readonly NpgsqlDataSource _readers;

    public PostgreSqlHubDatabase(string connectionString, TimeProvider time, IHubEventSignal signal, ILogger<PostgreSqlHubDatabase> logger, int maxBatch)
        : base(time, signal, logger, maxBatch)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _dataSource = PostgreSqlDataSources.Create(connectionString, WriterConnections);
        _readers = PostgreSqlDataSources.CreateReadOnly(connectionString, DefaultMaxConnections - WriterConnections);
    }

    public override HubStorageProvider Provider => HubStorageProvider.PostgreSql;

    // Every statement is a round trip to the server: one command releases an operation's savepoint and opens the next.
    protected override bool ReleasesSavepointWithTheNext => true;

    // Every record insert would be a round trip of its own: all of a transaction's go in one batch at its commit.
    protected override bool BuffersProcessingRecords => true;

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    protected override async Task MigrateAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var npgsql = (NpgsqlConnection)connection;
        await PostgreSqlMigrator.MigrateAsync(npgsql, HubSchema.Scripts, HubSchema.PostgreSqlMigrationLockKey, cancellationToken).ConfigureAwait(false);
        await ProcessingLogTransaction.MigrateAsync(npgsql, cancellationToken).ConfigureAwait(false);
    }

    protected override async Task<DbConnection> RentReadConnectionAsync(CancellationToken cancellationToken)
    {
        // Migrated through a writer's connection: a reader's cannot create tables.
        await EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        return await _readers.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    // One snapshot per read, as on SQLite: every statement of a status answer sees the same committed state, whatever
    // other nodes commit meanwhile. Npgsql sends the BEGIN with the read's first command rather than on its own, so
    // it costs no round trip; the transaction is ended by the COMMIT below (Npgsql follows the server's transaction
    // state). COMMIT ends a transaction that a failed statement aborted too (PostgreSQL then rolls it back), so the
    // connection goes back to the pool clean.
    protected override async Task BeginReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await ((NpgsqlConnection)connection).BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);

    protected override Task EndReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ExecuteRawAsync(connection, null, "COMMIT", cancellationToken);

    protected override async ValueTask DisposeConnectionsAsync()
    {
        await _readers.DisposeAsync().ConfigureAwait(false);
        await _dataSource.DisposeAsync().ConfigureAwait(false);
    }

    protected override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(@key)", new { key = ProcessingLogTransaction.PostgreSqlAppendLockKey }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return transaction;
    }
}
