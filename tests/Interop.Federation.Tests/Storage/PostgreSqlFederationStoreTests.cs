using Interop.Federation.Keys;
using Interop.Federation.Registry;
using Interop.Federation.Storage.Internal;
using Interop.Federation.Storage.PostgreSql;
using Interop.Federation.Tests.Infrastructure;
using Interop.Testing.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Interop.Federation.Tests.Storage;

/// <summary>
/// The storage contract (<see cref="FederationStoreTests{TStore}"/>) on a real PostgreSQL server, started once for the
/// test run by the collection fixture; every test gets a database of its own, dropped afterwards.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlFederationStoreTests : FederationStoreTests<PostgreSqlFederationStore>
{
    private readonly PostgreSqlCluster _cluster;
    private readonly List<PostgreSqlFederationStore> _nodes = [];
    private PostgreSqlDatabase? _database;

    public PostgreSqlFederationStoreTests(PostgreSqlCluster cluster)
    {
        _cluster = cluster;
    }

    protected override IReadOnlyList<(int Version, string Name)> Scripts { get; } =
        FederationMigrations.PostgreSql.Scripts.Select(s => (s.Version, s.Name)).ToList();

    [Fact]
    public void Migrations_MirrorTheSqliteScripts()
    {
        // Every schema change is written for both providers, under the same version and name.
        Assert.Equal(FederationMigrations.Sqlite.Scripts.Select(s => (s.Version, s.Name)), Scripts);
    }

    [Fact]
    public async Task Registration_OneStoreServesBothInterfaces()
    {
        await using var services = new ServiceCollection().AddInteropFederationPostgreSql(_database!.ConnectionString).BuildServiceProvider();
        var partners = services.GetRequiredService<IPartnerStore>();
        Assert.Same(services.GetRequiredService<PostgreSqlFederationStore>(), partners);
        Assert.Same(partners, services.GetRequiredService<ISigningKeyStore>());
        await Seed.GemeenteAsync(partners).WaitAsync(Timeout);
        Assert.Equal(Seed.GemeenteClient, Assert.Single(await Store.ListClientsAsync().WaitAsync(Timeout)).ClientId);
    }

    protected override async Task CreateDatabaseAsync() => _database = await _cluster.CreateDatabaseAsync();

    protected override PostgreSqlFederationStore OpenNode()
    {
        var store = new PostgreSqlFederationStore(_database!.ConnectionString);
        _nodes.Add(store);
        return store;
    }

    protected override Task<int> GetSchemaVersionAsync(PostgreSqlFederationStore store) => store.GetSchemaVersionAsync();

    protected override async Task<long> CountAppliedMigrationsAsync()
    {
        await using var connection = new NpgsqlConnection(_database!.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM schema_version", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    protected override string ScriptSql(int version) => FederationMigrations.PostgreSql.Scripts.Single(s => s.Version == version).Sql;

    protected override async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database!.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    protected override async Task DropDatabaseAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
