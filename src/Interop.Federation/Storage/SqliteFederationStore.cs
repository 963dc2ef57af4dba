using Interop.Federation.Keys;
using Interop.Federation.Registry;
using Interop.Federation.Storage.Internal;
using Interop.Storage;
using Microsoft.Data.Sqlite;

namespace Interop.Federation.Storage;

/// <summary>
/// The embedded default store: the partner registry and the hub's signing keys in one SQLite file. The schema is
/// created and upgraded by versioned migrations on first use. Up to <see cref="MaxIdleConnections"/> connections stay
/// open between calls with their statements prepared (the directory and the token endpoint read the registry on every
/// call), and at most <see cref="MaxConnections"/> are in use at once (more concurrent calls wait for one); dispose the
/// store to close them.
/// </summary>
public sealed partial class SqliteFederationStore : IPartnerStore, ISigningKeyStore, IAsyncDisposable, IDisposable
{
    /// <summary>The configuration key of the database path, shared by the hub and the admin tool.</summary>
    public const string DatabasePathConfigurationKey = "Interop:Federation:DatabasePath";

    /// <summary>
    /// The database file used when <see cref="DatabasePathConfigurationKey"/> is not set: one fixed place per user
    /// (~/.local/share/interop/interop-hub.db on Linux), so the hub and interop-admin find the same file wherever
    /// they are started from.
    /// </summary>
    public static string DefaultDatabasePath { get; } =
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "interop", "interop-hub.db");

    /// <summary>How many idle connections the store keeps open, each with its prepared statements.</summary>
    public const int MaxIdleConnections = 8;

    /// <summary>How many connections the store uses at most at once; further calls wait for one (up to 30 s).</summary>
    public const int MaxConnections = 16;

    private readonly PreparedSqliteConnectionPool _connections;

    /// <summary>Opens (and on first use creates) the database file at <paramref name="databasePath"/>.</summary>
    public SqliteFederationStore(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
            // Another hub node or the admin tool may hold the write lock briefly: wait instead of failing.
            DefaultTimeout = 30,
        }.ToString();
        _connections = new PreparedSqliteConnectionPool(connectionString, MaxIdleConnections, FederationMigrations.Sqlite, MaxConnections);
    }

    /// <summary>The schema version the database is at after migration (the highest applied script).</summary>
    public async Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var lease = await _connections.LeaseAsync(cancellationToken).ConfigureAwait(false);
        await using var command = lease.Connection.CreateCommand();
        command.CommandText = FederationMigrations.Sqlite.SchemaVersionSql;
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Closes the idle connections.</summary>
    public ValueTask DisposeAsync() => _connections.DisposeAsync();

    /// <inheritdoc cref="DisposeAsync"/>
    public void Dispose() => _connections.Dispose();

    private static long ToUnix(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    private static DateTimeOffset FromUnix(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);
}
