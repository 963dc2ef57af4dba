using System.CommandLine;
using Interop.Federation.Keys;
using Interop.Federation.Registry;
using Interop.Federation.Storage;
using Interop.Federation.Storage.PostgreSql;
using Interop.ProcessingLog;
using Interop.ProcessingLog.Storage;
using Interop.ProcessingLog.Storage.PostgreSql;
using Microsoft.Extensions.Configuration;

namespace Interop.Admin;

/// <summary>
/// The hub's database, chosen as the hub chooses it: --postgres or --database on the command line, else
/// <c>Interop:Storage:Provider</c> (Sqlite | PostgreSql) with <c>Interop:Storage:ConnectionString</c>, else the SQLite
/// file <c>Interop:Federation:DatabasePath</c>, else the per-user default; settings come from appsettings.json in the
/// current folder and from environment variables (INTEROP__STORAGE__PROVIDER, INTEROP__STORAGE__CONNECTIONSTRING).
/// </summary>
/// <param name="SqlitePath">The SQLite file, or null on PostgreSQL.</param>
/// <param name="PostgreSqlConnectionString">The Npgsql connection string, or null on SQLite.</param>
internal sealed record HubStorageTarget(string? SqlitePath, string? PostgreSqlConnectionString)
{
    /// <summary>The configuration key of the provider, shared with the hub.</summary>
    public const string ProviderKey = "Interop:Storage:Provider";

    /// <summary>The configuration key of the PostgreSQL connection string, shared with the hub.</summary>
    public const string ConnectionStringKey = "Interop:Storage:ConnectionString";

    /// <summary>Where this invocation works. Throws <see cref="AdminException"/> for a choice that cannot work.</summary>
    public static HubStorageTarget Resolve(ParseResult result)
    {
        var database = result.GetValue(AdminCli.Database);
        var postgres = result.GetValue(AdminCli.Postgres);
        if (database is { Length: > 0 } && postgres is { Length: > 0 })
        {
            throw new AdminException("--database and --postgres name two different databases: give one.");
        }

        if (postgres is { Length: > 0 })
        {
            return new HubStorageTarget(null, postgres);
        }

        if (database is { Length: > 0 })
        {
            return new HubStorageTarget(database, null);
        }

        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var provider = configuration[ProviderKey];
        if (string.Equals(provider, "PostgreSql", StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = configuration[ConnectionStringKey];
            return string.IsNullOrWhiteSpace(connectionString)
                ? throw new AdminException($"{ConnectionStringKey} is required with {ProviderKey}=PostgreSql (or give --postgres).")
                : new HubStorageTarget(null, connectionString);
        }

        if (!string.IsNullOrEmpty(provider) && !string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new AdminException($"{ProviderKey} must be Sqlite or PostgreSql, not '{provider}'.");
        }

        var resolved = Path.GetFullPath(configuration[SqliteFederationStore.DatabasePathConfigurationKey] ?? SqliteFederationStore.DefaultDatabasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(resolved)!);
        return new HubStorageTarget(resolved, null);
    }

    /// <summary>What to name in messages: the SQLite file, or "PostgreSQL database &lt;name&gt; on &lt;host&gt;" (never the password).</summary>
    public string Description
    {
        get
        {
            if (SqlitePath is not null)
            {
                return SqlitePath;
            }

            var builder = new Npgsql.NpgsqlConnectionStringBuilder(PostgreSqlConnectionString);
            return $"PostgreSQL database {builder.Database} on {builder.Host}";
        }
    }

    /// <summary>Opens the registry and signing key store (one object on either provider); dispose it.</summary>
    public RegistryStore OpenRegistry()
    {
        if (SqlitePath is not null)
        {
            var sqlite = new SqliteFederationStore(SqlitePath);
            return new RegistryStore(sqlite, sqlite, sqlite);
        }

        var postgreSql = CreatePostgreSqlStore(PostgreSqlConnectionString!);
        return new RegistryStore(postgreSql, postgreSql, postgreSql);
    }

    /// <summary>Opens the processing log, or returns null when the SQLite file does not exist (nothing to verify).</summary>
    public IProcessingLog? OpenProcessingLog() => SqlitePath is not null
        ? File.Exists(SqlitePath) ? new SqliteProcessingLog(SqlitePath) : null
        : new PostgreSqlProcessingLog(PostgreSqlConnectionString!);

    private static PostgreSqlFederationStore CreatePostgreSqlStore(string connectionString)
    {
        try
        {
            return new PostgreSqlFederationStore(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new AdminException("--postgres / " + ConnectionStringKey + " is not a valid connection string: " + ex.Message);
        }
    }
}
