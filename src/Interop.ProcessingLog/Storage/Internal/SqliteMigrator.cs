using Dapper;
using Microsoft.Data.Sqlite;

namespace Interop.ProcessingLog.Storage.Internal;

/// <summary>Applies <see cref="MigrationScripts"/> in order on SQLite, each once, each in its own transaction.</summary>
internal static class SqliteMigrator
{
    public static async Task MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(MigrationScripts.CreateVersionTable, cancellationToken: cancellationToken)).ConfigureAwait(false);
        foreach (var (version, name, sql) in MigrationScripts.All)
        {
            // BEGIN IMMEDIATE takes the write lock first, so two processes starting at once cannot both apply a script.
            using var transaction = connection.BeginTransaction(deferred: false);
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

            transaction.Commit();
        }
    }
}
