using Interop.Federation.Storage;
using Interop.Federation.Storage.Internal;
using Interop.Federation.Tests.Infrastructure;
using Interop.Federation.Tests.Storage;
using Microsoft.Data.Sqlite;

namespace Interop.Federation.Tests.Registry;

/// <summary>The storage contract (<see cref="FederationStoreTests{TStore}"/>) on the embedded SQLite store.</summary>
public sealed class SqliteFederationStoreTests : FederationStoreTests<SqliteFederationStore>
{
    private TempDatabase? _db;

    protected override IReadOnlyList<(int Version, string Name)> Scripts { get; } =
        FederationMigrations.Sqlite.Scripts.Select(s => (s.Version, s.Name)).ToList();

    protected override Task CreateDatabaseAsync()
    {
        _db = new TempDatabase();
        return Task.CompletedTask;
    }

    protected override SqliteFederationStore OpenNode() => new(_db!.Path);

    protected override Task<int> GetSchemaVersionAsync(SqliteFederationStore store) => store.GetSchemaVersionAsync();

    protected override async Task<long> CountAppliedMigrationsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_db!.Path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM schema_version";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    protected override string ScriptSql(int version) => FederationMigrations.Sqlite.Scripts.Single(s => s.Version == version).Sql;

    protected override async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_db!.Path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    protected override Task DropDatabaseAsync()
    {
        _db?.Dispose();
        return Task.CompletedTask;
    }
}
