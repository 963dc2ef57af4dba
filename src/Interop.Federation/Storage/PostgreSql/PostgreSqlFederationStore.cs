using System.Globalization;
using Interop.Federation.Keys;
using Interop.Federation.Registry;
using Interop.Federation.Storage.Internal;
using Interop.Storage;
using Npgsql;

namespace Interop.Federation.Storage.PostgreSql;

/// <summary>
/// The PostgreSQL store: the partner registry and the hub's signing keys in one PostgreSQL database, shared by every
/// hub node. Behaves as <see cref="SqliteFederationStore"/> does for every interface method. The schema is created and
/// upgraded by versioned migrations on first use, under an advisory lock so nodes starting together migrate once.
/// Times are stored as BIGINT Unix milliseconds, as in the SQLite schema.
/// </summary>
public sealed partial class PostgreSqlFederationStore : IPartnerStore, ISigningKeyStore, IAsyncDisposable, IDisposable
{
    /// <summary>The most connections the registry store opens unless the connection string sets <c>Maximum Pool Size</c>: its reads are short and the hub caches them (see <see cref="PostgreSqlDataSources.Create"/>).</summary>
    public const int DefaultMaxConnections = 6;

    private readonly NpgsqlDataSource _dataSource;
    private readonly MigrationGate _migration = new();

    /// <summary>Uses the database named by <paramref name="connectionString"/> (an Npgsql connection string).</summary>
    /// <exception cref="ArgumentException">The connection string is empty or not a valid Npgsql connection string.</exception>
    public PostgreSqlFederationStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        // Parsed here, so a malformed connection string fails at start rather than on the first request.
        _dataSource = PostgreSqlDataSources.Create(connectionString, DefaultMaxConnections);
    }

    /// <summary>The schema version the database is at after migration (the highest applied script).</summary>
    public async Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = FederationMigrations.PostgreSql.SchemaVersionSql;
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>Closes the pooled connections.</summary>
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>Closes the pooled connections.</summary>
    public void Dispose() => _dataSource.Dispose();

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _migration.EnsureAsync(
                connection,
                static (c, ct) => PostgreSqlMigrator.MigrateAsync(c, FederationMigrations.PostgreSql, FederationMigrations.PostgreSqlLockKey, ct),
                cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static long ToUnix(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    private static DateTimeOffset FromUnix(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);
}
