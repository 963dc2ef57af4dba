using Interop.ProcessingLog.Storage;
using Interop.ProcessingLog.Storage.Internal;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Interop.ProcessingLog.Tests.Storage;

/// <summary>The storage contract (<see cref="ProcessingLogStoreTests"/>) on a SQLite file of its own per test.</summary>
public sealed partial class SqliteProcessingLogTests : ProcessingLogStoreTests
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "interop-plog-" + Guid.NewGuid().ToString("N") + ".db");

    [Fact]
    public async Task Migrations_RunOnce_InTheLogsOwnVersionTable()
    {
        var log = new SqliteProcessingLog(_path);
        Assert.Equal(MigrationScripts.All[^1].Version, await log.GetSchemaVersionAsync().WaitAsync(Timeout));
        Assert.Equal(MigrationScripts.All[^1].Version, await new SqliteProcessingLog(_path).GetSchemaVersionAsync().WaitAsync(Timeout));
        Assert.Equal(MigrationScripts.All.Count, await ScalarAsync($"SELECT COUNT(*) FROM {MigrationScripts.VersionTable}"));
    }

    [Fact]
    public async Task Registration_ServesLogAndVerifier()
    {
        await using var services = new ServiceCollection().AddInteropProcessingLogSqlite(_path).BuildServiceProvider();
        Assert.Same(services.GetRequiredService<SqliteProcessingLog>(), services.GetRequiredService<IProcessingLog>());
        Assert.True((await services.GetRequiredService<ProcessingLogVerifier>().VerifyAsync().WaitAsync(Timeout)).IsValid);
    }

    [Fact]
    public async Task Append_DatabaseUnwritable_Throws()
    {
        // A failed log write must fail the caller's operation: the exception reaches it.
        await Log.AppendAsync(Infrastructure.Records.Read()).WaitAsync(Timeout);
        await ExecuteSqlAsync("DROP TABLE processing_record");
        await Assert.ThrowsAsync<SqliteException>(() => Log.AppendAsync(Infrastructure.Records.Read()).WaitAsync(Timeout));
    }

    protected override Task CreateDatabaseAsync() => Task.CompletedTask;

    protected override IProcessingLog OpenNode() => new SqliteProcessingLog(_path);

    protected override async Task<int> ExecuteSqlAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    protected override Task DropDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }

        return Task.CompletedTask;
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
