using Xunit;

namespace Interop.Testing.PostgreSql;

/// <summary>
/// One fresh database per test class (an xunit class fixture): created before the class's first test on the
/// collection's <see cref="PostgreSqlCluster"/>, dropped after its last. Tests that each need an empty database call
/// <see cref="PostgreSqlCluster.CreateDatabaseAsync"/> themselves instead.
/// </summary>
public sealed class PostgreSqlDatabaseFixture : IAsyncLifetime
{
    private readonly PostgreSqlCluster _cluster;
    private PostgreSqlDatabase? _database;

    /// <summary>xunit passes the collection fixture in.</summary>
    public PostgreSqlDatabaseFixture(PostgreSqlCluster cluster)
    {
        _cluster = cluster;
    }

    /// <summary>The class's database.</summary>
    public PostgreSqlDatabase Database => _database ?? throw new InvalidOperationException("The database is created in InitializeAsync.");

    /// <summary>An Npgsql connection string to the class's database.</summary>
    public string ConnectionString => Database.ConnectionString;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        _database = await _cluster.CreateDatabaseAsync(timeout.Token);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
