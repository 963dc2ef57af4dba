using Interop.Testing.PostgreSql;

namespace Interop.Hub.Tests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL cluster for the whole test run, started by the first test that needs it and stopped when
/// the test process exits, so hub fixtures in any collection (running in parallel) share it; each hub gets a fresh
/// database.
/// </summary>
public static class SharedPostgreSql
{
    private static readonly Lazy<Task<PostgreSqlCluster>> Cluster = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A new, empty database on the shared cluster.</summary>
    public static async Task<PostgreSqlDatabase> CreateDatabaseAsync()
    {
        var cluster = await Cluster.Value;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await cluster.CreateDatabaseAsync(timeout.Token);
    }

    private static async Task<PostgreSqlCluster> StartAsync()
    {
        var cluster = new PostgreSqlCluster();
        await cluster.InitializeAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.DisposeAsync().GetAwaiter().GetResult();
        return cluster;
    }
}
