using System.Data.Common;

namespace Interop.Hub.Storage;

/// <summary>
/// The hub's case database (SQLite or PostgreSQL behind one interface). Reads run on pooled connections, concurrently.
/// Writes go through one queue per node that commits many operations per transaction (group commit), each operation
/// in its own savepoint: an operation that throws is rolled back alone and its caller gets the exception; the others
/// commit. A write completes only after its transaction committed durably. Every write transaction holds the
/// processing log's append lock, so the operation and its processing records commit together (see
/// <see cref="HubWriteContext"/>). SQL given to both methods must be portable: TEXT, BIGINT, SMALLINT only;
/// times as BIGINT microseconds since the Unix epoch (<see cref="HubTime"/>).
/// </summary>
internal interface IHubDatabase
{
    /// <summary>Which provider this is.</summary>
    HubStorageProvider Provider { get; }

    /// <summary>
    /// Runs <paramref name="read"/> on an open connection inside one snapshot: all its statements see the same
    /// committed state (pass no transaction to them; the provider started it). A read must not write: PostgreSQL
    /// refuses it (READ ONLY); SQLite does not check.
    /// </summary>
    Task<T> ReadAsync<T>(Func<DbConnection, CancellationToken, Task<T>> read, CancellationToken cancellationToken);

    /// <summary>
    /// Queues <paramref name="write"/> and completes when its transaction committed (or with the exception it threw,
    /// after its savepoint was rolled back). Do validation, encryption and other CPU work before calling: the
    /// delegate runs on the single writer and should only talk to the database.
    /// </summary>
    Task<T> WriteAsync<T>(Func<HubWriteContext, Task<T>> write, CancellationToken cancellationToken);

    /// <summary>
    /// A read that must be recorded: runs <paramref name="read"/> on one snapshot (pass the transaction it is given to
    /// every command; it may be null), then <paramref name="write"/> with its result, and completes when the write
    /// committed. If the read throws, nothing is written. Where the read runs is the provider's choice: SQLite runs
    /// both in one operation of the writer (its connection's page cache survives its own commits, where a reader's
    /// is dropped by every commit of the writer); PostgreSQL reads on a reader first, so the processing log's append
    /// lock, which every write transaction holds across all nodes, is not held during the read. Either way the write
    /// sees at least what the read saw.
    /// </summary>
    Task<TResult> ReadThenWriteAsync<TRead, TResult>(
        Func<DbConnection, DbTransaction?, CancellationToken, Task<TRead>> read,
        Func<HubWriteContext, TRead, Task<TResult>> write,
        CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="ReadThenWriteAsync"/> for a read whose result is the answer and whose records depend on what was
    /// found: <paramref name="record"/> runs only when <paramref name="hasSomethingToRecord"/> says so, so a read that
    /// found nothing (an empty page, say) costs no write transaction where reads run outside the writer.
    /// </summary>
    Task<TRead> ReadThenRecordAsync<TRead>(
        Func<DbConnection, DbTransaction?, CancellationToken, Task<TRead>> read,
        Func<TRead, bool> hasSomethingToRecord,
        Func<HubWriteContext, TRead, Task> record,
        CancellationToken cancellationToken);
}
