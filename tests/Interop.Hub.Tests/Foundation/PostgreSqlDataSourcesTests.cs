using Interop.Hub.Tests.Infrastructure;
using Interop.Storage;
using Npgsql;

namespace Interop.Hub.Tests.Foundation;

/// <summary>
/// The data source every PostgreSQL store of the hub opens: statements are prepared on the server and the pool is
/// bounded by the store's share unless the connection string says otherwise; a read-only one refuses every write.
/// </summary>
public sealed class PostgreSqlDataSourcesTests
{
    private const string Base = "Host=127.0.0.1;Username=postgres;Database=hub";

    [Fact]
    public void Create_NothingSaid_PreparesUpToTheDefault()
    {
        using var source = PostgreSqlDataSources.Create(Base, 7);
        Assert.Equal(PostgreSqlDataSources.DefaultMaxAutoPrepare, new NpgsqlConnectionStringBuilder(source.ConnectionString).MaxAutoPrepare);
    }

    [Theory]
    [InlineData("Max Auto Prepare=0", 0)]
    [InlineData("max auto prepare=8", 8)]
    [InlineData("Max Auto Prepare = 200", 200)]
    public void Create_ConnectionStringSetsIt_ItsValueKept(string setting, int expected)
    {
        using var source = PostgreSqlDataSources.Create($"{Base};{setting}", 7);
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(source.ConnectionString).MaxAutoPrepare);
    }

    [Fact]
    public void Create_NothingSaid_PoolBoundedByTheStoresShare()
    {
        using var source = PostgreSqlDataSources.Create(Base, 7);
        Assert.Equal(7, new NpgsqlConnectionStringBuilder(source.ConnectionString).MaxPoolSize);
    }

    [Theory]
    [InlineData("Maximum Pool Size=50", 50)]
    [InlineData("maximum pool size=3", 3)]
    [InlineData("MaxPoolSize = 200", 200)]
    public void Create_ConnectionStringSetsThePoolSize_ItsValueKept(string setting, int expected)
    {
        using var source = PostgreSqlDataSources.Create($"{Base};{setting}", 7);
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(source.ConnectionString).MaxPoolSize);
    }

    [Fact]
    public void Create_ShareBelowOne_ArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PostgreSqlDataSources.Create(Base, 0));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Host=127.0.0.1;Nonsense Keyword=1")]
    public void Create_EmptyOrMalformed_ArgumentException(string connectionString)
    {
        Assert.ThrowsAny<ArgumentException>(() => PostgreSqlDataSources.Create(connectionString, 7));
    }

    [Fact]
    public async Task Create_AStatementRunRepeatedly_IsPreparedOnTheServer()
    {
        await using var database = await SharedPostgreSql.CreateDatabaseAsync();
        await using var source = PostgreSqlDataSources.Create(database.ConnectionString, 7);
        await using var connection = await source.OpenConnectionAsync();
        // Npgsql prepares a statement from its fifth run (Auto Prepare Min Usages).
        for (var i = 0; i < 6; i++)
        {
            await using var command = new NpgsqlCommand("SELECT @n + 1", connection);
            command.Parameters.AddWithValue("n", i);
            await command.ExecuteScalarAsync();
        }

        await using var prepared = new NpgsqlCommand("SELECT COUNT(*) FROM pg_prepared_statements WHERE statement LIKE 'SELECT $1 + 1%'", connection);
        Assert.Equal(1L, await prepared.ExecuteScalarAsync());
    }

    [Fact]
    public void CreateReadOnly_OptionsInTheConnectionString_KeptWithTheReadOnlyDefault()
    {
        using var source = PostgreSqlDataSources.CreateReadOnly($"{Base};Options=-c search_path=hub", 7);
        var builder = new NpgsqlConnectionStringBuilder(source.ConnectionString);
        Assert.Equal("-c search_path=hub -c default_transaction_read_only=on", builder.Options);
        Assert.Equal(7, builder.MaxPoolSize);
        Assert.Equal(PostgreSqlDataSources.DefaultMaxAutoPrepare, builder.MaxAutoPrepare);
    }

    [Fact]
    public async Task CreateReadOnly_AWrite_IsRefusedInsideATransactionOrNot_AndAReadWorks()
    {
        await using var database = await SharedPostgreSql.CreateDatabaseAsync();
        await using (var setup = new NpgsqlConnection(database.ConnectionString))
        {
            await setup.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE TABLE item (id int PRIMARY KEY)", setup);
            await create.ExecuteNonQueryAsync();
        }

        await using var source = PostgreSqlDataSources.CreateReadOnly(database.ConnectionString, 7);
        await using var connection = await source.OpenConnectionAsync();
        await using (var insert = new NpgsqlCommand("INSERT INTO item (id) VALUES (1)", connection))
        {
            var outside = await Assert.ThrowsAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());
            Assert.Equal(PostgresErrorCodes.ReadOnlySqlTransaction, outside.SqlState);
        }

        await using (var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead))
        {
            await using var delete = new NpgsqlCommand("DELETE FROM item", connection, transaction);
            var inside = await Assert.ThrowsAsync<PostgresException>(() => delete.ExecuteNonQueryAsync());
            Assert.Equal(PostgresErrorCodes.ReadOnlySqlTransaction, inside.SqlState);
        }

        await using var count = new NpgsqlCommand("SELECT COUNT(*) FROM item", connection);
        Assert.Equal(0L, await count.ExecuteScalarAsync());
    }
}
