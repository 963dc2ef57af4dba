using System.Globalization;
using Dapper;
using Npgsql;

namespace Interop.Federation.Storage.PostgreSql.Internal;

/// <summary>
/// Applies the embedded, numbered PostgreSQL scripts (NNNN_name.sql) in order, each in its own transaction, recording
/// each in schema_version so a script runs exactly once per database, however many hub nodes start at once.
/// </summary>
internal static class PostgreSqlMigrator
{
    /// <summary>
    /// The pg_advisory_xact_lock key ("InteropF" in ASCII). Advisory locks are scoped to the current database, so this
    /// serialises the migrations of one hub database across all its nodes and nothing else.
    /// </summary>
    internal const long MigrationLockKey = 0x496E7465726F7046;

    private const string ResourcePrefix = "Interop.Federation.PostgreSql.Migrations.";

    private const string CreateVersionTable =
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, name VARCHAR(200) NOT NULL, applied_at BIGINT NOT NULL)";

    public static IReadOnlyList<(int Version, string Name, string Sql)> Scripts { get; } = LoadScripts();

    public static async Task MigrateAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        foreach (var (version, name, sql) in Scripts)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

            // The transaction-scoped advisory lock is taken before anything is read: a second node waits here until
            // the first commits, then finds the version recorded. COMMIT, ROLLBACK or a dropped connection releases
            // it, so a node that dies mid-migration never leaves the lock held. CREATE TABLE IF NOT EXISTS is under
            // the lock too, because two concurrent ones can both fail on the catalog's unique index.
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_xact_lock(@key)", new { key = MigrationLockKey }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(CreateVersionTable, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            var applied = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM schema_version WHERE version = @version", new { version }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (applied == 0)
            {
                // PostgreSQL DDL is transactional: a script that fails leaves nothing behind.
                await connection.ExecuteAsync(new CommandDefinition(sql, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO schema_version (version, name, applied_at) VALUES (@version, @name, @at)",
                    new { version, name, at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() },
                    transaction,
                    cancellationToken: cancellationToken)).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static IReadOnlyList<(int, string, string)> LoadScripts()
    {
        var assembly = typeof(PostgreSqlMigrator).Assembly;
        var scripts = new List<(int, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var name = resource[ResourcePrefix.Length..];
            var version = int.Parse(name.AsSpan(0, name.IndexOf('_', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            scripts.Add((version, name, reader.ReadToEnd()));
        }

        scripts.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return scripts;
    }
}
