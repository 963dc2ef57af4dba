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
    /// <summary>
    /// The most reader connections in use at once; more concurrent reads wait for one (up to 30 s, then UNAVAILABLE).
    /// Each connection has a page cache of its own, and 256 concurrent callers opened 256 of them before (and closed all
    /// but 16 after each burst). All of them stay open between reads, with their prepared statements. Submits at 256
    /// callers (each reads once before its write) measured the same with 16, 32 and 64 within this VM's noise.
    /// </summary>
    public const int MaxReaders = 32;

    private const string OpenSavepoint = "SAVEPOINT " + SavepointName;
    private const string RollBackToSavepoint = "ROLLBACK TO SAVEPOINT " + SavepointName;
    private const string ReleaseSavepoint = "RELEASE SAVEPOINT " + SavepointName;

    private readonly PreparedSqliteConnectionPool _readers;
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
        _readers = new PreparedSqliteConnectionPool(_connectionString, maxIdle: MaxReaders, maxInUse: MaxReaders, time: time);
    }

    public override HubStorageProvider Provider => HubStorageProvider.Sqlite;

    // Every commit of the writer makes each reader connection drop its whole page cache at its next read (WAL), and
    // re-read each page it touches; the writer's own cache survives its commits. A read that is logged anyway (a
    // status query) costs about a third less in the writer than on a reader, even though it then runs serially.
    protected override bool ReadsInWriter => true;

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return new PreparedSqliteConnection(connection);
    }

    // One read transaction per read: all its statements see one snapshot, and the lock, the check for other
    // connections' commits and the page cache refill happen once instead of per statement. Plain BEGIN/COMMIT (not a
    // SqliteTransaction), so the read's commands need no transaction object; deferred, so it takes no write lock.
    protected override Task BeginReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ExecuteRawAsync(connection, null, "BEGIN DEFERRED", cancellationToken);

    protected override Task EndReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ExecuteRawAsync(connection, null, "COMMIT", cancellationToken);

    protected override async Task<DbConnection> RentReadConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = await _readers.RentAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureMigratedAsync(connection, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await _readers.ReturnAsync(connection, reusable: false).ConfigureAwait(false);
            throw;
        }
    }

    protected override ValueTask ReturnReadConnectionAsync(DbConnection connection, bool reusable) =>
        _readers.ReturnAsync((PreparedSqliteConnection)connection, reusable);

    protected override ValueTask DisposeConnectionsAsync() => _readers.DisposeAsync();

    protected override async Task MigrateAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var sqlite = ((PreparedSqliteConnection)connection).Inner;
        await SqliteMigrator.MigrateAsync(sqlite, HubSchema.Scripts, cancellationToken).ConfigureAwait(false);
        await ProcessingLogTransaction.MigrateAsync(sqlite, cancellationToken).ConfigureAwait(false);
    }

    // synchronous is a setting of the connection: set once on the writer's, which makes every commit.
    protected override Task PrepareWriterAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(_synchronousPragma, cancellationToken: cancellationToken));

    // The statements around each operation run as raw statements, prepared once on the writer's connection: through
    // commands they cost the single writer 5-10 µs per operation (docs/benchmarks.md) for no parameters and no rows.
    protected override Task OpenSavepointAsync(DbConnection connection, DbTransaction transaction, bool releasePrevious)
    {
        var writer = (PreparedSqliteConnection)connection;
        if (releasePrevious)
        {
            writer.ExecuteStatement(ReleaseSavepoint);
        }

        writer.ExecuteStatement(OpenSavepoint);
        return Task.CompletedTask;
    }

    protected override Task RollBackToSavepointAsync(DbConnection connection, DbTransaction transaction)
    {
        ((PreparedSqliteConnection)connection).ExecuteStatement(RollBackToSavepoint);
        return Task.CompletedTask;
    }

    protected override Task ReleaseSavepointAsync(DbConnection connection, DbTransaction transaction)
    {
        ((PreparedSqliteConnection)connection).ExecuteStatement(ReleaseSavepoint);
        return Task.CompletedTask;
    }

    protected override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // BEGIN IMMEDIATE: the write lock is taken before anything is read, so no other process (interop-admin, a
        // second hub on the same file by mistake) can interleave with the chain head or the event cursor.
        return Task.FromResult<DbTransaction>(((PreparedSqliteConnection)connection).Inner.BeginTransaction(deferred: false));
    }
}
