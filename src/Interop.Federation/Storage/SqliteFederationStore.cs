using Interop.Federation.Keys;
using Interop.Federation.Registry;
using Interop.Federation.Storage.Internal;
using Interop.Storage;
using Microsoft.Data.Sqlite;

namespace Interop.Federation.Storage;

/// <summary>
/// The embedded default store: the partner registry and the hub's signing keys in one SQLite file. The schema is
/// created and upgraded by versioned migrations on first use.
/// </summary>
public sealed partial class SqliteFederationStore : IPartnerStore, ISigningKeyStore
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

    private readonly string _connectionString;
    private readonly MigrationGate _migration = new();

    /// <summary>Opens (and on first use creates) the database file at <paramref name="databasePath"/>.</summary>
    public SqliteFederationStore(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
            // Another hub node or the admin tool may hold the write lock briefly: wait instead of failing.
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>The schema version the database is at after migration (the highest applied script).</summary>
    public async Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = FederationMigrations.Sqlite.SchemaVersionSql;
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await _migration.EnsureAsync(connection, static (c, ct) => SqliteMigrator.MigrateAsync(c, FederationMigrations.Sqlite, ct), cancellationToken).ConfigureAwait(false);
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
