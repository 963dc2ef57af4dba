namespace Interop.Testing.PostgreSql;

/// <summary>A database of its own on a <see cref="PostgreSqlCluster"/>; disposing it drops it.</summary>
public sealed class PostgreSqlDatabase : IAsyncDisposable
{
    private readonly PostgreSqlCluster _cluster;

    internal PostgreSqlDatabase(PostgreSqlCluster cluster, string name)
    {
        _cluster = cluster;
        Name = name;
        ConnectionString = cluster.ConnectionString(name);
    }

    /// <summary>The database name (random).</summary>
    public string Name { get; }

    /// <summary>An Npgsql connection string for the superuser to this database.</summary>
    public string ConnectionString { get; }

    /// <summary>Drops the database, ending any connection still open to it.</summary>
    public async ValueTask DisposeAsync()
    {
        // WITH (FORCE), PostgreSQL 13+: pooled connections of the code under test must not keep the database alive.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _cluster.ExecuteAdminAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", timeout.Token);
    }
}
