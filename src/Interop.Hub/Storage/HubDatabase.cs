using System.Data.Common;
using System.Threading.Channels;
using Interop.ProcessingLog;
using Interop.Storage;
using Microsoft.Extensions.Logging;

namespace Interop.Hub.Storage;

/// <summary>
/// The provider-independent part of <see cref="IHubDatabase"/>: the write queue. One loop per node drains the queue
/// into transactions of up to <see cref="HubStorageOptions.MaxWriteBatch"/> operations, each in a savepoint, and
/// commits once: on SQLite one fsync (WAL, synchronous=FULL) per batch instead of per call, on PostgreSQL one lock
/// round trip and one commit.
/// </summary>
internal abstract partial class HubDatabase : IHubDatabase, IAsyncDisposable
{
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly MigrationGate _migration = new();
    private readonly TimeProvider _time;
    private readonly IHubEventSignal _signal;
    private readonly ILogger _logger;
    private readonly int _maxBatch;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lazy<Task> _writer;

    protected HubDatabase(TimeProvider time, IHubEventSignal signal, ILogger logger, int maxBatch)
    {
        _time = time;
        _signal = signal;
        _logger = logger;
        _maxBatch = Math.Max(1, maxBatch);
        _writer = new Lazy<Task>(() => Task.Run(WriteLoopAsync), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <inheritdoc />
    public abstract HubStorageProvider Provider { get; }

    /// <inheritdoc />
    public async Task<T> ReadAsync<T>(Func<DbConnection, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        var connection = await RentReadConnectionAsync(cancellationToken).ConfigureAwait(false);
        var reusable = false;
        try
        {
            await BeginReadAsync(connection, cancellationToken).ConfigureAwait(false);
            try
            {
                return await read(connection, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                // Also after a read that threw (NOT_FOUND, say): the connection is clean again and can be reused.
                await EndReadAsync(connection, CancellationToken.None).ConfigureAwait(false);
                reusable = true;
            }
        }
        finally
        {
            // A connection whose read could not be ended cleanly is closed rather than reused.
            await ReturnReadConnectionAsync(connection, reusable).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<T> WriteAsync<T>(Func<HubWriteContext, Task<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        cancellationToken.ThrowIfCancellationRequested();
        _ = _writer.Value;
        var pending = new PendingWrite<T>(write, cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(HubDatabase), "The hub is stopping.");
        }

        return await pending.Task.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<TResult> ReadThenWriteAsync<TRead, TResult>(
        Func<DbConnection, DbTransaction?, CancellationToken, Task<TRead>> read,
        Func<HubWriteContext, TRead, Task<TResult>> write,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(write);
        if (ReadsInWriter)
        {
            return await WriteAsync(
                async ctx => await write(ctx, await read(ctx.Connection, ctx.Transaction, ctx.CancellationToken).ConfigureAwait(false)).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }

        var result = await ReadAsync((connection, ct) => read(connection, null, ct), cancellationToken).ConfigureAwait(false);
        return await WriteAsync(ctx => write(ctx, result), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<TRead> ReadThenRecordAsync<TRead>(
        Func<DbConnection, DbTransaction?, CancellationToken, Task<TRead>> read,
        Func<TRead, bool> hasSomethingToRecord,
        Func<HubWriteContext, TRead, Task> record,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(hasSomethingToRecord);
        ArgumentNullException.ThrowIfNull(record);
        async Task<TRead> RecordIfAnyAsync(HubWriteContext ctx, TRead found)
        {
            if (hasSomethingToRecord(found))
            {
                await record(ctx, found).ConfigureAwait(false);
            }

            return found;
        }

        if (ReadsInWriter)
        {
            return await ReadThenWriteAsync(read, RecordIfAnyAsync, cancellationToken).ConfigureAwait(false);
        }

        // Read first; only a read that found something queues a write.
        var result = await ReadAsync((connection, ct) => read(connection, null, ct), cancellationToken).ConfigureAwait(false);
        if (hasSomethingToRecord(result))
        {
            await WriteAsync(
                async ctx =>
                {
                    await record(ctx, result).ConfigureAwait(false);
                    return true;
                },
                cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>Ensures the schema (the hub's and the processing log's) is in place; called before serving.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenMigratedAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_writer.IsValueCreated)
        {
            try
            {
                await _writer.Value.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                await _stopping.CancelAsync().ConfigureAwait(false);
            }
        }

        await DisposeConnectionsAsync().ConfigureAwait(false);
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The name of each write operation's savepoint (one at a time: released or rolled back before the next opens).</summary>
    protected const string SavepointName = "hub_write";

    /// <summary>Whether <see cref="ReadThenWriteAsync"/> runs its read in the writer's operation (see there).</summary>
    protected virtual bool ReadsInWriter => false;

    /// <summary>
    /// Whether an operation's savepoint is released in the command that opens the next one's (and the last one's by
    /// the commit) rather than in a statement of its own: fewer round trips where each is one (PostgreSQL). On SQLite the
    /// combined command was not faster (slower on average in six interleaved pairs, docs/benchmarks.md).
    /// </summary>
    protected virtual bool ReleasesSavepointWithTheNext => false;

    /// <summary>
    /// Whether the processing records of a write transaction are inserted all at once when it commits (one round trip
    /// where each statement is one: PostgreSQL) rather than each when appended.
    /// </summary>
    protected virtual bool BuffersProcessingRecords => false;

    /// <summary>Opens a new (pooled) connection.</summary>
    protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>A connection for one read: a new (pooled) one unless the provider keeps its own.</summary>
    protected virtual Task<DbConnection> RentReadConnectionAsync(CancellationToken cancellationToken) => OpenMigratedAsync(cancellationToken);

    /// <summary>Takes back a connection of <see cref="RentReadConnectionAsync"/>; <paramref name="reusable"/> is false when it could not be ended cleanly.</summary>
    protected virtual ValueTask ReturnReadConnectionAsync(DbConnection connection, bool reusable) => connection.DisposeAsync();

    /// <summary>Starts what a read runs in (on SQLite one read transaction: one snapshot, one lock, one cache check).</summary>
    protected virtual Task BeginReadAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Ends what <see cref="BeginReadAsync"/> started, whether the read completed or threw.</summary>
    protected virtual Task EndReadAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Closes the connections (and pools) the provider keeps, when the hub stops and the writer has ended.</summary>
    protected virtual ValueTask DisposeConnectionsAsync() => ValueTask.CompletedTask;

    /// <summary>Creates or upgrades the hub's tables and the processing log's on <paramref name="connection"/>.</summary>
    protected abstract Task MigrateAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Sets up the writer's connection once, when the write loop opens it (per-connection settings).</summary>
    protected virtual Task PrepareWriterAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Opens the savepoint of the next operation in a write transaction (<see cref="SavepointName"/>); with
    /// <paramref name="releasePrevious"/>, first releases the previous operation's (see <see cref="ReleasesSavepointWithTheNext"/>).
    /// </summary>
    protected virtual Task OpenSavepointAsync(DbConnection connection, DbTransaction transaction, bool releasePrevious) =>
        ExecuteRawAsync(connection, transaction, releasePrevious ? "RELEASE SAVEPOINT " + SavepointName + "; SAVEPOINT " + SavepointName : "SAVEPOINT " + SavepointName);

    /// <summary>Undoes what the current operation wrote since its savepoint was opened.</summary>
    protected virtual Task RollBackToSavepointAsync(DbConnection connection, DbTransaction transaction) =>
        ExecuteRawAsync(connection, transaction, "ROLLBACK TO SAVEPOINT " + SavepointName);

    /// <summary>Releases the current operation's savepoint: its writes become part of the transaction.</summary>
    protected virtual Task ReleaseSavepointAsync(DbConnection connection, DbTransaction transaction) =>
        ExecuteRawAsync(connection, transaction, "RELEASE SAVEPOINT " + SavepointName);

    /// <summary>Begins a write transaction holding the write lock and the processing log's append lock.</summary>
    protected abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Migrates the database through a connection of <see cref="OpenConnectionAsync"/> unless that was done already (opened only then).</summary>
    protected ValueTask EnsureMigratedAsync(CancellationToken cancellationToken) =>
        _migration.EnsureAsync(this, static async (database, ct) =>
        {
            var connection = await database.OpenConnectionAsync(ct).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                await database.MigrateAsync(connection, ct).ConfigureAwait(false);
            }
        }, cancellationToken);

    /// <summary>Migrates the database through <paramref name="connection"/> unless that was done already (once per instance).</summary>
    protected ValueTask EnsureMigratedAsync(DbConnection connection, CancellationToken cancellationToken) =>
        _migration.EnsureAsync((this, connection), static (s, ct) => s.Item1.MigrateAsync(s.connection, ct), cancellationToken);

    private async Task<DbConnection> OpenMigratedAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureMigratedAsync(connection, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingWrite>(_maxBatch);
        DbConnection? connection = null;
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(_stopping.Token).ConfigureAwait(false))
            {
                batch.Clear();
                while (batch.Count < _maxBatch && reader.TryRead(out var next))
                {
                    if (!next.IsCancelled)
                    {
                        batch.Add(next);
                    }
                }

                if (batch.Count == 0)
                {
                    continue;
                }

                try
                {
                    if (connection is null)
                    {
                        connection = await OpenMigratedAsync(_stopping.Token).ConfigureAwait(false);
                        await PrepareWriterAsync(connection, _stopping.Token).ConfigureAwait(false);
                    }

                    await CommitBatchAsync(connection, batch).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    // The transaction failed as a whole (lock timeout, disk full, lost connection): every operation in
                    // it fails, and the connection is replaced.
                    Log.WriteBatchFailed(_logger, batch.Count, ex);
                    foreach (var pending in batch)
                    {
                        pending.Fail(ex);
                    }

                    if (connection is not null)
                    {
                        await connection.DisposeAsync().ConfigureAwait(false);
                        connection = null;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        finally
        {
            while (reader.TryRead(out var left))
            {
                left.Fail(new ObjectDisposedException(nameof(HubDatabase), "The hub is stopping."));
            }

            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task CommitBatchAsync(DbConnection connection, List<PendingWrite> batch)
    {
        var recipients = new List<string>();
        await using (var transaction = await BeginWriteAsync(connection, _stopping.Token).ConfigureAwait(false))
        {
            // The chain head is read once per transaction (the transaction holds the append lock) and kept. Where a
            // statement is a round trip, the records are inserted in one batch when the transaction commits.
            var log = BuffersProcessingRecords
                ? ProcessingLogTransaction.CreateBufferedAppender(connection, transaction)
                : ProcessingLogTransaction.CreateAppender(connection, transaction);
            for (var i = 0; i < batch.Count; i++)
            {
                var mark = recipients.Count;
                var head = log.Position;
                // Each operation runs in its own savepoint. Where a statement is a round trip (PostgreSQL), the previous
                // one is released in the same command that opens the next, and the last is left to the commit, which
                // releases it.
                await OpenSavepointAsync(connection, transaction, releasePrevious: i > 0 && ReleasesSavepointWithTheNext).ConfigureAwait(false);
                var context = new HubWriteContext(connection, transaction, log, _time.GetUtcNow(), recipients, _stopping.Token);
                if (!await batch[i].RunAsync(context).ConfigureAwait(false))
                {
                    await RollBackToSavepointAsync(connection, transaction).ConfigureAwait(false);
                    recipients.RemoveRange(mark, recipients.Count - mark);
                    log.RewindTo(head);
                }

                if (!ReleasesSavepointWithTheNext)
                {
                    await ReleaseSavepointAsync(connection, transaction).ConfigureAwait(false);
                }
            }

            // Through the appender: a buffered one inserts its records first (a failure fails the whole batch, as a
            // failed commit does).
            await log.CommitAsync(_stopping.Token).ConfigureAwait(false);
        }

        foreach (var pending in batch)
        {
            pending.Complete();
        }

        if (recipients.Count > 0)
        {
            _signal.Publish(recipients.Distinct(StringComparer.Ordinal).ToList());
        }
    }

    /// <summary>Runs one statement without parameters or results (transaction control, savepoints).</summary>
    protected static async Task ExecuteRawAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "A write transaction of {Count} operations failed; each of them fails.")]
        public static partial void WriteBatchFailed(ILogger logger, int count, Exception exception);
    }
}
