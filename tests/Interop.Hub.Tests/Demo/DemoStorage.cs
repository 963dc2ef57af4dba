using Interop.Federation.Registry;
using Interop.Federation.Storage;
using Interop.Federation.Storage.PostgreSql;
using Interop.Hub.Tests.Infrastructure;
using Interop.Testing.PostgreSql;

namespace Interop.Hub.Tests.Demo;

/// <summary>
/// A hub database that outlives hub processes, so a hub can be restarted on it: a temp folder (the SQLite file, and the
/// demo keys next to it, as the hub places them by default) and, on PostgreSQL, a database of the shared cluster.
/// </summary>
public sealed class DemoStorage : IAsyncDisposable
{
    private readonly PostgreSqlDatabase? _postgreSql;
    private readonly IPartnerStore _registry;

    private DemoStorage(string directory, PostgreSqlDatabase? postgreSql)
    {
        Directory = directory;
        _postgreSql = postgreSql;
        _registry = postgreSql is null ? new SqliteFederationStore(DatabasePath) : new PostgreSqlFederationStore(postgreSql.ConnectionString);
    }

    /// <summary>The folder of the SQLite file (also on PostgreSQL: the demo keys go next to where it would be).</summary>
    public string Directory { get; }

    /// <summary>The SQLite file.</summary>
    public string DatabasePath => Path.Combine(Directory, "hub.db");

    /// <summary>Where the hub writes the demo keys by default.</summary>
    public string KeyDirectory => Path.Combine(Directory, "demo-keys");

    /// <summary>The registry in this database, read and written directly.</summary>
    public IPartnerStore Registry => _registry;

    /// <summary>Creates the storage on <paramref name="provider"/>.</summary>
    public static async Task<DemoStorage> CreateAsync(StorageProvider provider)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("interop-demo-test-").FullName;
        return new DemoStorage(directory, provider == StorageProvider.PostgreSql ? await SharedPostgreSql.CreateDatabaseAsync() : null);
    }

    /// <summary>Starts a hub on this database with the demo seed on, plus <paramref name="extraSettings"/>.</summary>
    public Task<HubProcess> StartHubAsync(params string[] extraSettings)
    {
        // Later command-line settings override HubProcess's own: the database is this one, not the process's temp one.
        string[] storage = _postgreSql is null
            ? [$"--Interop:Federation:DatabasePath={DatabasePath}"]
            : [$"--Interop:Federation:DatabasePath={DatabasePath}", "--Interop:Storage:Provider=PostgreSql", $"--Interop:Storage:ConnectionString={_postgreSql.ConnectionString}"];
        return HubProcess.StartAsync(StorageProvider.Sqlite, [.. storage, "--Interop:Demo:SeedWhenEmpty=true", .. extraSettings]);
    }

    public async ValueTask DisposeAsync()
    {
        (_registry as IDisposable)?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
        if (_postgreSql is not null)
        {
            await _postgreSql.DisposeAsync();
        }
    }
}
