using Dapper;
using Interop.ProcessingLog.Storage.Internal;
using Npgsql;

namespace Interop.ProcessingLog.Storage.PostgreSql.Internal;

/// <summary>
/// Applies <see cref="MigrationScripts"/> in order on PostgreSQL, each once, each in its own transaction under a
/// transaction-scoped advisory lock, however many hub nodes start at once.
/// </summary>
internal static class PostgreSqlMigrator
{
    /// <summary>The pg_advisory_xact_lock key of migrations ("IopPLogM" in ASCII), distinct from the append lock.</summary>
    internal const long MigrationLockKey = 0x496F70504C6F674D;

    public static async Task MigrateAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        foreach (var (version, name, sql) in MigrationScripts.All)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

            // The lock comes before anything is read: a second node waits until the first commits, then finds the
            // version recorded. CREATE TABLE IF NOT EXISTS is under the lock too: two concurrent ones can both fail
            // on the catalog's unique index. COMMIT, ROLLBACK or a dropped connection releases the lock.
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_xact_lock(@key)", new { key = MigrationLockKey }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(MigrationScripts.CreateVersionTable, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            var applied = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                $"SELECT COUNT(*) FROM {MigrationScripts.VersionTable} WHERE version = @version", new { version }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (applied == 0)
            {
                await connection.ExecuteAsync(new CommandDefinition(sql, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                await connection.ExecuteAsync(new CommandDefinition(
                    $"INSERT INTO {MigrationScripts.VersionTable} (version, name, applied_at) VALUES (@version, @name, @at)",
                    new { version, name, at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() },
                    transaction,
                    cancellationToken: cancellationToken)).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
