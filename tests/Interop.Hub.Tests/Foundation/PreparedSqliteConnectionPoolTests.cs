using Dapper;
using Interop.Hub.Storage;
using Interop.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Interop.Hub.Tests.Foundation;

/// <summary>
/// The pool of open prepared SQLite connections: an idle connection is handed out again with its statements, at most
/// the configured number stay idle, and a connection that comes back in a transaction, closed, or marked unusable is
/// closed instead of passing its state on; disposal closes what is idle and what comes back later. A bounded pool
/// hands out at most its bound at once: a renter beyond it waits for a returned connection, up to the connection
/// string's Default Timeout, and a renter that failed, timed out or was cancelled takes no place.
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

    [Fact]
    public async Task A_renter_beyond_the_bound_waits_for_a_returned_connection_and_gets_that_one()
    {
        await using var pool = Bounded(maxInUse: 2, out _);
        var first = await pool.RentAsync();
        var second = await pool.RentAsync();
        Assert.Equal(2, pool.InUseCount);

        var third = pool.RentAsync().AsTask();
        Assert.False(third.IsCompleted);

        await pool.ReturnAsync(first);
        Assert.Same(first, await third.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(2, pool.InUseCount);
        await pool.ReturnAsync(second);
        await pool.ReturnAsync(first);
        Assert.Equal(0, pool.InUseCount);
    }

    [Fact]
    public async Task A_renter_waiting_longer_than_the_default_timeout_gets_a_TimeoutException_and_takes_no_place()
    {
        await using var pool = Bounded(maxInUse: 1, out var time);
        var held = await pool.RentAsync();

        var waiting = pool.RentAsync().AsTask();
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.False(waiting.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("1 connections", timeout.Message, StringComparison.Ordinal);

        await pool.ReturnAsync(held);
        Assert.Equal(0, pool.InUseCount);
        await using var lease = await pool.LeaseAsync();
        Assert.Same(held, lease.Connection);
    }

    [Fact]
    public async Task A_cancelled_renter_gets_a_cancellation_not_a_timeout_and_takes_no_place()
    {
        await using var pool = Bounded(maxInUse: 1, out _);
        var held = await pool.RentAsync();
        using var cancel = new CancellationTokenSource();

        var waiting = pool.RentAsync(cancel.Token).AsTask();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(10)));

        await pool.ReturnAsync(held);
        Assert.Equal(0, pool.InUseCount);
    }

    [Fact]
    public async Task A_connection_that_fails_to_open_or_comes_back_unusable_frees_its_place()
    {
        // A file in a folder that does not exist cannot be opened: every rent fails, none of them holds a place.
        var missing = Path.Combine(_directory, "no-such-folder", "t.db");
        await using var broken = new PreparedSqliteConnectionPool($"Data Source={missing};Default Timeout=5", maxIdle: 1, maxInUse: 1, time: new FakeTimeProvider());
        await Assert.ThrowsAsync<SqliteException>(async () => await broken.RentAsync());
        await Assert.ThrowsAsync<SqliteException>(async () => await broken.RentAsync());
        Assert.Equal(0, broken.InUseCount);

        await using var pool = Bounded(maxInUse: 1, out _);
        var unusable = await pool.RentAsync();
        await pool.ReturnAsync(unusable, reusable: false);
        Assert.Equal(0, pool.InUseCount);
        await using var lease = await pool.LeaseAsync();
        Assert.NotSame(unusable, lease.Connection);
    }

    [Fact]
    public async Task A_renter_still_waiting_when_the_pool_is_disposed_gets_nothing()
    {
        var pool = Bounded(maxInUse: 1, out _);
        var held = await pool.RentAsync();
        var waiting = pool.RentAsync().AsTask();

        await pool.DisposeAsync();
        await pool.ReturnAsync(held);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(System.Data.ConnectionState.Closed, held.State);
        Assert.Equal(0, pool.InUseCount);
    }

    private PreparedSqliteConnectionPool Bounded(int maxInUse, out FakeTimeProvider time)
    {
        time = new FakeTimeProvider();
        return new PreparedSqliteConnectionPool($"Data Source={Path.Combine(_directory, "t.db")};Default Timeout=5", maxIdle: maxInUse, maxInUse: maxInUse, time: time);
    }
}
