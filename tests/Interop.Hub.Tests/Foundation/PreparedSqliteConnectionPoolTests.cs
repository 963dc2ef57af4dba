using Dapper;
using Interop.Hub.Storage;
using Interop.Storage;
using Microsoft.Data.Sqlite;

namespace Interop.Hub.Tests.Foundation;

/// <summary>
/// The pool of open prepared SQLite connections: an idle connection is handed out again with its statements, at most
/// the configured number stay idle, and a connection that comes back in a transaction, closed, or marked unusable is
/// closed instead of passing its state on; disposal closes what is idle and what comes back later.
/// </summary>
public sealed class PreparedSqliteConnectionPoolTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("interop-pool-").FullName;
    private PreparedSqliteConnectionPool _pool = null!;

    public async Task InitializeAsync()
    {
        _pool = new PreparedSqliteConnectionPool($"Data Source={Path.Combine(_directory, "t.db")}", maxIdle: 2);
        await using var lease = await _pool.LeaseAsync();
        await lease.Connection.ExecuteAsync("CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
        await lease.Connection.ExecuteAsync("INSERT INTO item (id, name) VALUES (1, 'a')");
    }

    public async Task DisposeAsync()
    {
        await _pool.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_returned_connection_is_handed_out_again_with_its_prepared_statements()
    {
        var first = await _pool.RentAsync();
        Assert.Equal("a", await first.ExecuteScalarAsync<string>("SELECT name FROM item WHERE id = @id", new { id = 1 }));
        var statements = first.StatementCount;
        await _pool.ReturnAsync(first);
        Assert.Equal(1, _pool.IdleCount);

        var second = await _pool.RentAsync();
        Assert.Same(first, second);
        Assert.Equal(statements, second.StatementCount);
        Assert.Equal(0, _pool.IdleCount);
        await _pool.ReturnAsync(second);
    }

    [Fact]
    public async Task At_most_max_idle_connections_stay_open_and_the_others_are_closed()
    {
        var rented = new[] { await _pool.RentAsync(), await _pool.RentAsync(), await _pool.RentAsync() };
        Assert.Equal(3, rented.Distinct().Count());
        foreach (var connection in rented)
        {
            await _pool.ReturnAsync(connection);
        }

        Assert.Equal(2, _pool.IdleCount);
        Assert.Equal(System.Data.ConnectionState.Closed, rented[2].State);
    }

    [Fact]
    public async Task A_connection_returned_inside_a_transaction_is_closed_so_its_uncommitted_write_goes_nowhere()
    {
        var connection = await _pool.RentAsync();
        await connection.ExecuteAsync("BEGIN IMMEDIATE");
        await connection.ExecuteAsync("INSERT INTO item (id, name) VALUES (2, 'b')");
        await _pool.ReturnAsync(connection);

        Assert.Equal(0, _pool.IdleCount);
        Assert.Equal(System.Data.ConnectionState.Closed, connection.State);
        await using var lease = await _pool.LeaseAsync();
        Assert.NotSame(connection, lease.Connection);
        Assert.Equal(1, await lease.Connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM item"));

        // And the write lock went with it: a new write is not blocked.
        Assert.Equal(1, await lease.Connection.ExecuteAsync("INSERT INTO item (id, name) VALUES (3, 'c')"));
    }

    [Fact]
    public async Task A_connection_marked_unusable_or_closed_by_its_user_is_not_kept()
    {
        var unusable = await _pool.RentAsync();
        await _pool.ReturnAsync(unusable, reusable: false);
        Assert.Equal(System.Data.ConnectionState.Closed, unusable.State);

        var closed = await _pool.RentAsync();
        closed.Close();
        await _pool.ReturnAsync(closed);

        Assert.Equal(0, _pool.IdleCount);
        await using var lease = await _pool.LeaseAsync();
        Assert.NotSame(unusable, lease.Connection);
        Assert.NotSame(closed, lease.Connection);
    }

    [Fact]
    public async Task Disposal_closes_idle_connections_and_those_returned_later_and_refuses_new_rents()
    {
        var idle = await _pool.RentAsync();
        var stillRented = await _pool.RentAsync();
        await _pool.ReturnAsync(idle);

        await _pool.DisposeAsync();
        Assert.Equal(System.Data.ConnectionState.Closed, idle.State);
        await _pool.ReturnAsync(stillRented);
        Assert.Equal(System.Data.ConnectionState.Closed, stillRented.State);
        Assert.Equal(0, _pool.IdleCount);
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await _pool.RentAsync());
    }

    [Fact]
    public async Task A_pool_with_a_schema_migrates_it_before_handing_out_its_first_connection()
    {
        await using var pool = new PreparedSqliteConnectionPool($"Data Source={Path.Combine(_directory, "schema.db")}", maxIdle: 2, HubSchema.Scripts);
        var first = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ => await pool.RentAsync()));
        foreach (var connection in first)
        {
            // Every connection, including those opened while the first migrated, sees the whole schema.
            Assert.Equal(HubSchema.Scripts.Scripts.Count, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM hub_schema_version"));
            await pool.ReturnAsync(connection);
        }
    }
}
