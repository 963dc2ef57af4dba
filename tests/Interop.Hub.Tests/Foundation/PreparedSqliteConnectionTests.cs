using Dapper;
using Interop.Storage;
using Microsoft.Data.Sqlite;

namespace Interop.Hub.Tests.Foundation;

/// <summary>
/// The SQLite connection that keeps its statements prepared: the same SQL reuses one statement, parameters never carry
/// over from one execution to the next, a statement in use is not shared, a failed one is not kept, transactions work
/// as on a plain connection.
/// </summary>
public sealed class PreparedSqliteConnectionTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("interop-prepared-").FullName;
    private PreparedSqliteConnection _connection = null!;

    public async Task InitializeAsync()
    {
        var inner = new SqliteConnection($"Data Source={Path.Combine(_directory, "t.db")}");
        await inner.OpenAsync();
        _connection = new PreparedSqliteConnection(inner);
        await _connection.ExecuteAsync("CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)");
        await _connection.ExecuteAsync("INSERT INTO item (id, name) VALUES (1, 'a'), (2, 'b'), (3, 'c')");
    }

    public async Task DisposeAsync()
    {
        await _connection.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task The_same_sql_runs_on_one_kept_statement_with_each_call_s_own_parameters()
    {
        const string Sql = "SELECT name FROM item WHERE id = @id";
        var before = _connection.StatementCount;
        Assert.Equal("a", await _connection.ExecuteScalarAsync<string>(Sql, new { id = 1 }));
        Assert.Equal("c", await _connection.ExecuteScalarAsync<string>(Sql, new { id = 3 }));
        Assert.Equal("b", await _connection.QuerySingleAsync<string>(Sql, new { id = 2 }));
        Assert.Equal(before + 1, _connection.StatementCount);

        // Parameters of an earlier execution are gone: a call without them is refused, not run with stale values.
        await Assert.ThrowsAsync<InvalidOperationException>(() => _connection.ExecuteScalarAsync<string>(Sql));
        Assert.Equal("a", await _connection.ExecuteScalarAsync<string>(Sql, new { id = 1 }));
    }

    [Fact]
    public async Task A_statement_still_reading_is_not_given_to_a_nested_command_with_the_same_sql()
    {
        const string Sql = "SELECT id FROM item WHERE id >= @from ORDER BY id";
        var pairs = new List<(long Outer, long Inner)>();
        await using (var outer = _connection.CreateCommand())
        {
            outer.CommandText = Sql;
            var p = outer.CreateParameter();
            p.ParameterName = "@from";
            p.Value = 2;
            outer.Parameters.Add(p);
            await using var reader = await outer.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var inner = await _connection.QueryAsync<long>(Sql, new { from = reader.GetInt64(0) });
                pairs.AddRange(inner.Select(i => (reader.GetInt64(0), i)));
            }
        }

        Assert.Equal([(2L, 2L), (2L, 3L), (3L, 3L)], pairs);
        Assert.Equal([1L, 2L, 3L], await _connection.QueryAsync<long>(Sql, new { from = 1 }));
    }

    [Fact]
    public async Task A_failed_statement_is_not_kept_and_the_next_run_of_its_sql_works()
    {
        const string Sql = "INSERT INTO item (id, name) VALUES (@id, @name)";
        await Assert.ThrowsAsync<SqliteException>(() => _connection.ExecuteAsync(Sql, new { id = 4, name = "a" }));
        Assert.Equal(1, await _connection.ExecuteAsync(Sql, new { id = 4, name = "d" }));
        Assert.Equal(4, await _connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM item"));
    }

    [Fact]
    public async Task Commands_run_in_the_connection_s_transaction_and_roll_back_with_it()
    {
        const string Sql = "INSERT INTO item (id, name) VALUES (@id, @name)";
        await using (var transaction = await _connection.BeginTransactionAsync())
        {
            await _connection.ExecuteAsync(Sql, new { id = 5, name = "e" }, transaction);
            Assert.Equal(4, await _connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM item", transaction: transaction));
            await transaction.RollbackAsync();
        }

        Assert.Equal(3, await _connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM item"));

        // The kept statement works outside a transaction again (its transaction object was cleared).
        Assert.Equal(1, await _connection.ExecuteAsync(Sql, new { id = 5, name = "e" }));
        Assert.Equal(4, await _connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM item"));
    }

    [Fact]
    public async Task Parameter_names_without_a_prefix_are_bound_as_at_names_and_prefixed_names_are_kept()
    {
        const string Sql = "SELECT name FROM item WHERE id = @id OR name = @name";

        // Dapper's names carry no prefix; ones given with "@" (as DynamicParameters may) bind the same.
        Assert.Equal("b", await _connection.QuerySingleAsync<string>(Sql, new { id = 2, name = "zz" }));
        var parameters = new DynamicParameters();
        parameters.Add("@id", 3);
        parameters.Add("name", "zz");
        Assert.Equal("c", await _connection.QuerySingleAsync<string>(Sql, parameters));
    }

    [Fact]
    public async Task A_statement_naming_its_parameters_otherwise_than_at_fails_loudly_instead_of_running_without_them()
    {
        // The convention is "@name": a "$name" statement gets no value for "$id", and Microsoft.Data.Sqlite refuses to
        // run it (rather than binding NULL and finding nothing).
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => _connection.QuerySingleOrDefaultAsync<string>("SELECT name FROM item WHERE id = $id", new { id = 1 }));
        Assert.Contains("$id", error.Message, StringComparison.Ordinal);
    }
}
