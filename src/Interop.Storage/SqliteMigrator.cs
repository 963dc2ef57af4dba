using Dapper;
using Microsoft.Data.Sqlite;

namespace Interop.Storage;

/// <summary>Applies a <see cref="MigrationScriptSet"/> on SQLite: each script once, each in its own transaction.</summary>
public static class SqliteMigrator
{
    /// <summary>Switches the file to WAL, then applies every script not yet recorded.</summary>
    public static async Task MigrateAsync(SqliteConnection connection, MigrationScriptSet scripts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(scripts);

        // WAL (a property of the file, kept once set) lets readers - hub nodes, inzage, the log verifier - go on while
        // one writer (an append, the admin tool) holds the write lock.
        await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode=WAL", cancellationToken: cancellationToken)).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(scripts.CreateVersionTableSql, cancellationToken: cancellationToken)).ConfigureAwait(false);
        foreach (var script in scripts.Scripts)
        {
            // BEGIN IMMEDIATE takes the write lock first, so two processes starting at once cannot both apply a script.
            using var transaction = connection.BeginTransaction(deferred: false);
            var applied = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                scripts.IsAppliedSql, new { version = script.Version }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (applied == 0)
            {
                await connection.ExecuteAsync(new CommandDefinition(script.Sql, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                await connection.ExecuteAsync(new CommandDefinition(
                    scripts.RecordSql,
                    new { version = script.Version, name = script.Name, at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() },
                    transaction,
                    cancellationToken: cancellationToken)).ConfigureAwait(false);
            }

            transaction.Commit();
        }
    }
}
