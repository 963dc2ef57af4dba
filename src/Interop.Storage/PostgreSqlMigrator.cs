using Dapper;
using Npgsql;

namespace Interop.Storage;

/// <summary>
/// Applies a <see cref="MigrationScriptSet"/> on PostgreSQL: each script once, each in its own transaction under a
/// transaction-scoped advisory lock, however many hub nodes start at once.
/// </summary>
public static class PostgreSqlMigrator
{
    /// <summary>
    /// Applies every script not yet recorded. <paramref name="lockKey"/> is the component's pg_advisory_xact_lock key:
    /// advisory locks are scoped to the database, so it serialises that component's migrations across all nodes and
    /// nothing else.
    /// </summary>
    public static async Task MigrateAsync(NpgsqlConnection connection, MigrationScriptSet scripts, long lockKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(scripts);
        foreach (var script in scripts.Scripts)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

            // The lock is taken before anything is read: a second node waits here until the first commits, then finds
            // the version recorded. COMMIT, ROLLBACK or a dropped connection releases it, so a node that dies
            // mid-migration never leaves it held. CREATE TABLE IF NOT EXISTS is under the lock too, because two
            // concurrent ones can both fail on the catalog's unique index.
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_xact_lock(@key)", new { key = lockKey }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(scripts.CreateVersionTableSql, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            var applied = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                scripts.IsAppliedSql, new { version = script.Version }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (applied == 0)
            {
                // PostgreSQL DDL is transactional: a script that fails leaves nothing behind.
                await connection.ExecuteAsync(new CommandDefinition(script.Sql, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                await connection.ExecuteAsync(new CommandDefinition(
                    scripts.RecordSql,
                    new { version = script.Version, name = script.Name, at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() },
                    transaction,
                    cancellationToken: cancellationToken)).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
