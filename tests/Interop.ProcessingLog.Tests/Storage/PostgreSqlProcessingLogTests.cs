using Interop.ProcessingLog.Storage.Internal;
using Interop.ProcessingLog.Storage.PostgreSql;
using Interop.ProcessingLog.Tests.Infrastructure;
using Interop.Testing.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Interop.ProcessingLog.Tests.Storage;

/// <summary>
/// The storage contract (<see cref="ProcessingLogStoreTests"/>) on a real PostgreSQL server, started once for the
/// test run by the collection fixture; every test gets a database of its own, dropped afterwards.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlProcessingLogTests : ProcessingLogStoreTests
{
    private readonly PostgreSqlCluster _cluster;
    private readonly List<PostgreSqlProcessingLog> _nodes = [];
    private PostgreSqlDatabase? _database;

    public PostgreSqlProcessingLogTests(PostgreSqlCluster cluster)
    {
        _cluster = cluster;
    }

    [Fact]
    public async Task Migrations_NodesStartingTogether_ApplyEachScriptOnce()
    {
        var nodes = Enumerable.Range(0, 3).Select(_ => (PostgreSqlProcessingLog)OpenNode()).ToList();
        var versions = await Task.WhenAll(nodes.Select(n => Task.Run(() => n.GetSchemaVersionAsync()))).WaitAsync(Timeout);
        Assert.All(versions, v => Assert.Equal(MigrationScripts.All[^1].Version, v));
        await using var connection = new NpgsqlConnection(_database!.ConnectionString);
        await connection.OpenAsync().WaitAsync(Timeout);
        await using var command = new NpgsqlCommand($"SELECT COUNT(*) FROM {MigrationScripts.VersionTable}", connection);
        Assert.Equal((long)MigrationScripts.All.Count, (long)(await command.ExecuteScalarAsync().WaitAsync(Timeout))!);
    }

    [Fact]
    public async Task Registration_ServesLogAndVerifier()
    {
        await using var services = new ServiceCollection().AddInteropProcessingLogPostgreSql(_database!.ConnectionString).BuildServiceProvider();
        Assert.Same(services.GetRequiredService<PostgreSqlProcessingLog>(), services.GetRequiredService<IProcessingLog>());
        await services.GetRequiredService<IProcessingLog>().AppendAsync(Records.Read()).WaitAsync(Timeout);
        Assert.Equal(1, (await services.GetRequiredService<ProcessingLogVerifier>().VerifyAsync().WaitAsync(Timeout)).VerifiedCount);
    }

    [Fact]
    public async Task Append_DatabaseUnwritable_Throws()
    {
        await Log.AppendAsync(Records.Read()).WaitAsync(Timeout);
        await ExecuteSqlAsync("DROP TABLE processing_record");
        await Assert.ThrowsAsync<PostgresException>(() => Log.AppendAsync(Records.Read()).WaitAsync(Timeout));
    }

    [Fact]
    public async Task BufferedAppender_RecordsInsertedInOneBatchAtCommit_RolledBackOnesLeftOut_ChainVerifies()
    {
        await Log.AppendAsync(Records.Read(n: 1)).WaitAsync(Timeout);
        await using (var connection = new NpgsqlConnection(_database!.ConnectionString))
        {
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({ProcessingLogTransaction.PostgreSqlAppendLockKey})", connection, transaction))
            {
                await lockCommand.ExecuteNonQueryAsync();
            }

            var appender = ProcessingLogTransaction.CreateBufferedAppender(connection, transaction);
            for (var i = 2; i <= 4; i++)
            {
                await appender.AppendAsync(Records.Read(n: i));
            }

            var mark = appender.Position;
            await transaction.SaveAsync("op");
            await appender.AppendAsync(Records.Read(n: 5));
            await transaction.RollbackAsync("op");
            appender.RewindTo(mark);
            await appender.AppendAsync(Records.Read(n: 6));
            await appender.CommitAsync();
        }

        var page = await Log.ListByOrganisationAsync(Records.GemeenteOin, new ProcessingLogPageRequest(50)).WaitAsync(Timeout);
        Assert.Equal(["consent-6", "consent-4", "consent-3", "consent-2", "consent-1"], page.Records.Select(r => r.LegalBasis.Value));
        var result = await new ProcessingLogVerifier(Log).VerifyAsync().WaitAsync(Timeout);
        Assert.True(result.IsValid);
        Assert.Equal(5, result.VerifiedCount);
    }

    protected override async Task CreateDatabaseAsync() => _database = await _cluster.CreateDatabaseAsync();

    protected override IProcessingLog OpenNode()
    {
        var node = new PostgreSqlProcessingLog(_database!.ConnectionString);
        _nodes.Add(node);
        return node;
    }

    protected override async Task<int> ExecuteSqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database!.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
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
