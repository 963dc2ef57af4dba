using System.Data.Common;
using Interop.ProcessingLog.Internal;
using Interop.ProcessingLog.Storage.Internal;
using Interop.ProcessingLog.Storage.PostgreSql;
using Interop.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Interop.ProcessingLog;

/// <summary>
/// Appends processing records inside a caller's own database transaction, so that an operation and the record of it
/// commit together or not at all (a failed log write fails the operation, and a failed operation leaves no record).
/// The log's tables must live in the caller's database; the caller must hold the append lock for the whole
/// transaction: on SQLite a BEGIN IMMEDIATE transaction, on PostgreSQL <c>pg_advisory_xact_lock(</c><see cref="PostgreSqlAppendLockKey"/><c>)</c>
/// taken before the first append.
/// </summary>
public static class ProcessingLogTransaction
{
    /// <summary>The advisory lock key every PostgreSQL appender takes (the same as <see cref="PostgreSqlProcessingLog"/>'s).</summary>
    public const long PostgreSqlAppendLockKey = PostgreSqlProcessingLog.AppendLockKey;

    /// <summary>Creates or upgrades the log's tables in a SQLite database (idempotent).</summary>
    public static Task MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken = default) =>
        SqliteMigrator.MigrateAsync(connection, MigrationScripts.Set, cancellationToken);

    /// <summary>Creates or upgrades the log's tables in a PostgreSQL database (idempotent, safe across nodes).</summary>
    public static Task MigrateAsync(NpgsqlConnection connection, CancellationToken cancellationToken = default) =>
        PostgreSqlMigrator.MigrateAsync(connection, MigrationScripts.Set, MigrationScripts.PostgreSqlLockKey, cancellationToken);

    /// <summary>
    /// An appender for the records of <paramref name="transaction"/>: reads the chain head once, then keeps it (cheaper
    /// than <see cref="AppendAsync"/> for several records in one transaction).
    /// </summary>
    public static ProcessingLogAppender CreateAppender(DbConnection connection, DbTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(transaction);
        return new ProcessingLogAppender(connection, transaction, buffered: false);
    }

    /// <summary>
    /// As <see cref="CreateAppender"/>, but the records are inserted only when the transaction is committed through
    /// <see cref="ProcessingLogAppender.CommitAsync"/>, all at once (one round trip on PostgreSQL). After a rollback
    /// to a savepoint, <see cref="ProcessingLogAppender.RewindTo"/> drops the rolled-back records; a transaction
    /// committed another way loses the buffered records, so it must not be.
    /// </summary>
    public static ProcessingLogAppender CreateBufferedAppender(DbConnection connection, DbTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(transaction);
        return new ProcessingLogAppender(connection, transaction, buffered: true);
    }

    /// <summary>
    /// Validates <paramref name="record"/>, links it to the chain head as seen in <paramref name="transaction"/> and
    /// inserts it there. Returns the record with its sequence and hashes.
    /// </summary>
    /// <exception cref="ProcessingLogValidationException">A field is missing or malformed.</exception>
    public static Task<ProcessingLogRecord> AppendAsync(DbConnection connection, DbTransaction transaction, ProcessingLogRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(transaction);
        return ChainCommands.AppendAsync(connection, transaction, RecordValidator.Normalise(record), cancellationToken);
    }
}
