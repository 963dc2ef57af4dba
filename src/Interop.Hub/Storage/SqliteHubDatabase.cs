using System.Data.Common;
using Dapper;
using Interop.ProcessingLog;
using Interop.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Interop.Hub.Storage;

/// <summary>
/// The embedded default: the hub's tables in its SQLite file, next to the registry and the processing log. The file
/// is in WAL mode, so reads run while the single writer commits; commits are synchronous=FULL by default (durable on
/// power loss), made affordable by group commit; <see cref="SqliteSynchronous.Normal"/> trades that for speed.
/// </summary>
internal sealed class SqliteHubDatabase : HubDatabase
{
    private readonly string _connectionString;
    private readonly string _synchronousPragma;

    public SqliteHubDatabase(string databasePath, TimeProvider time, IHubEventSignal signal, ILogger<SqliteHubDatabase> logger, int maxBatch, SqliteSynchronous synchronous = SqliteSynchronous.Full)
        : base(time, signal, logger, maxBatch)
    {
        _synchronousPragma = synchronous == SqliteSynchronous.Normal ? "PRAGMA synchronous=NORMAL" : "PRAGMA synchronous=FULL";
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            // interop-admin or the log verifier may hold the write lock for a moment: wait instead of failing.
            DefaultTimeout = 30,
        }.ToString();
    }

    public override HubStorageProvider Provider => HubStorageProvider.Sqlite;

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    protected override async Task MigrateAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var sqlite = (SqliteConnection)connection;
        await SqliteMigrator.MigrateAsync(sqlite, HubSchema.Scripts, cancellationToken).ConfigureAwait(false);
        await ProcessingLogTransaction.MigrateAsync(sqlite, cancellationToken).ConfigureAwait(false);
    }

    // synchronous is a setting of the connection: set once on the writer's, which makes every commit.
    protected override Task PrepareWriterAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(_synchronousPragma, cancellationToken: cancellationToken));

    protected override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // BEGIN IMMEDIATE: the write lock is taken before anything is read, so no other process (interop-admin, a
        // second hub on the same file by mistake) can interleave with the chain head or the event cursor.
        return Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));
    }
}
