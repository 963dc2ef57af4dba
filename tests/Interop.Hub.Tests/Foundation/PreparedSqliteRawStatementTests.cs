using Dapper;
using Interop.Storage;
using Microsoft.Data.Sqlite;

namespace Interop.Hub.Tests.Foundation;

/// <summary>
/// Raw statements of the prepared SQLite connection (prepared once on its handle, bound by index): several statements
/// read as result sets, each bound only with the parameters it names, values as Microsoft.Data.Sqlite reads them,
/// nothing carried over between executions, a statement in use never shared, failures and transactions as with
/// commands.
/// </summary>
public sealed class PreparedSqliteRawStatementTests : IAsyncLifetime
{
    private const string Insert = "INSERT INTO item (id, name, score, data) VALUES (@id, @name, @score, @data)";

    private readonly string _directory = Directory.CreateTempSubdirectory("interop-raw-").FullName;
    private PreparedSqliteConnection _connection = null!;

    public async Task InitializeAsync()
    {
        var inner = new SqliteConnection($"Data Source={Path.Combine(_directory, "t.db")}");
        await inner.OpenAsync();
        _connection = new PreparedSqliteConnection(inner);
        await _connection.ExecuteAsync("CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, score REAL, data BLOB)");
        await _connection.ExecuteAsync("INSERT INTO item (id, name, score) VALUES (1, 'a', 1.5), (2, 'b', NULL), (3, 'c', 3.25)");
    }

    public async Task DisposeAsync()
    {
        await _connection.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Statements_are_read_as_result_sets_each_bound_with_only_the_parameters_it_names()
    {
        string[] statements =
        [
            "SELECT id, name FROM item WHERE id >= @from ORDER BY id",
            "SELECT COUNT(*) FROM item WHERE name <> @name",
            "SELECT name FROM item WHERE id = @id AND name = @name",
        ];

        // Given out of the statements' order, with one no statement names.
        await using var reader = _connection.ExecuteStatements(statements, [new("@name", "c"), new("unused", 42L), new("id", 3), new("from", 2L)]);
        var first = new List<(long, string)>();
        while (await reader.ReadAsync())
        {
            first.Add((reader.GetInt64(0), reader.GetString(1)));
        }

        Assert.Equal([(2L, "b"), (3L, "c")], first);
        Assert.False(await reader.ReadAsync());
        Assert.True(await reader.NextResultAsync());
        Assert.True(await reader.ReadAsync());
        Assert.Equal(2, reader.GetInt32(0));
        Assert.True(await reader.NextResultAsync());
        Assert.True(await reader.ReadAsync());
        Assert.Equal("c", reader.GetString(0));
        Assert.Equal("name", reader.GetName(0));
        Assert.False(await reader.ReadAsync());
        Assert.False(await reader.NextResultAsync());
    }

    [Fact]
    public void Values_read_as_Microsoft_Data_Sqlite_reads_them()
    {
        _connection.ExecuteStatement(Insert, [new("id", 4L), new("name", "d"), new("score", null), new("data", new byte[] { 1, 2, 3 })]);
        _connection.ExecuteStatement(Insert, [new("id", long.MaxValue), new("name", "Zoë ✓"), new("score", 2.5), new("data", DBNull.Value)]);

        using var reader = _connection.ExecuteStatements(["SELECT id, name, score, data FROM item WHERE id >= @id ORDER BY id"], [new("id", 4)]);
        Assert.True(reader.Read());
        Assert.Equal(4, reader.GetInt16(0));
        Assert.True(reader.IsDBNull(2));
        Assert.Equal(DBNull.Value, reader.GetValue(2));
        Assert.Throws<InvalidCastException>(() => reader.GetDouble(2));
        Assert.Equal(new byte[] { 1, 2, 3 }, reader.GetValue(3));
        Assert.Equal(typeof(byte[]), reader.GetFieldType(3));
        Assert.True(reader.Read());
        Assert.Equal(long.MaxValue, reader.GetValue(0));
        Assert.Throws<OverflowException>(() => reader.GetInt32(0));
        Assert.Equal("Zoë ✓", reader.GetString(reader.GetOrdinal("NAME")));
        Assert.Equal(2.5, reader.GetDouble(2));
        Assert.True(reader.IsDBNull(3));
        Assert.Throws<InvalidCastException>(() => reader.GetString(3));
        Assert.False(reader.Read());
        Assert.Throws<InvalidOperationException>(() => reader.GetInt64(0));
    }

    [Fact]
    public async Task A_statement_is_prepared_once_and_keeps_no_values_from_its_last_execution()
    {
        const string Sql = "SELECT name FROM item WHERE id = @id";
        var before = _connection.StatementCount;
        Assert.Equal("a", ReadScalar(Sql, [new("id", 1)]));
        Assert.Equal("c", ReadScalar(Sql, [new("id", 3)]));
        Assert.Equal(before + 1, _connection.StatementCount);

        var missing = Assert.Throws<InvalidOperationException>(() => ReadScalar(Sql, []));
        Assert.Contains("@id", missing.Message, StringComparison.Ordinal);

        // Commands with the same SQL are prepared apart and unaffected.
        Assert.Equal("b", await _connection.ExecuteScalarAsync<string>(Sql, new { id = 2 }));
        Assert.Equal("b", ReadScalar(Sql, [new("id", 2)]));
    }

    [Fact]
    public void A_statement_still_read_is_not_handed_out_again_until_its_reader_is_disposed()
    {
        const string Sql = "SELECT id FROM item ORDER BY id";
        var reader = _connection.ExecuteStatements([Sql], []);
        Assert.True(reader.Read());
        Assert.Throws<InvalidOperationException>(() => _connection.ExecuteStatements([Sql], []));
        reader.Dispose();

        using var again = _connection.ExecuteStatements([Sql], []);
        Assert.True(again.Read());
        Assert.Equal(1L, again.GetInt64(0));
    }

    [Fact]
    public void Only_one_statement_naming_its_parameters_at_name_is_accepted()
    {
        Assert.Throws<ArgumentException>(() => _connection.ExecuteStatement("DELETE FROM item WHERE id = 1; DELETE FROM item WHERE id = 2"));
        Assert.Throws<ArgumentException>(() => _connection.ExecuteStatement("DELETE FROM item WHERE id = $id", [new("id", 1)]));
        Assert.Throws<ArgumentException>(() => _connection.ExecuteStatement("DELETE FROM item WHERE id = ?", [new("id", 1)]));
        Assert.Throws<SqliteException>(() => _connection.ExecuteStatement("DELETE FROM nothing"));
        Assert.Equal(3L, ReadScalar("SELECT COUNT(*) FROM item", []));
    }

    [Fact]
    public void A_failing_execution_throws_the_SQLite_error_and_the_statement_runs_again_after()
    {
        var error = Assert.Throws<SqliteException>(() => _connection.ExecuteStatement(Insert, [new("id", 9), new("name", "a"), new("score", null), new("data", null)]));
        Assert.Equal(19, error.SqliteErrorCode); // SQLITE_CONSTRAINT: the name is taken.
        Assert.Equal(1, _connection.ExecuteStatement(Insert, [new("id", 9), new("name", "i"), new("score", null), new("data", null)]));
        Assert.Equal("i", ReadScalar("SELECT name FROM item WHERE id = @id", [new("id", 9)]));
        Assert.Throws<NotSupportedException>(() => _connection.ExecuteStatement(Insert, [new("id", 10), new("name", "j"), new("score", 1m), new("data", null)]));
    }

    [Fact]
    public async Task Raw_statements_run_in_the_connection_s_transaction_and_roll_back_with_it_savepoints_too()
    {
        await using (var transaction = await _connection.BeginTransactionAsync())
        {
            _connection.ExecuteStatement("SAVEPOINT op");
            _connection.ExecuteStatement(Insert, [new("id", 5), new("name", "e"), new("score", null), new("data", null)]);
            _connection.ExecuteStatement("ROLLBACK TO SAVEPOINT op");
            _connection.ExecuteStatement("RELEASE SAVEPOINT op");
            _connection.ExecuteStatement(Insert, [new("id", 6), new("name", "f"), new("score", null), new("data", null)]);
            Assert.Equal(4L, ReadScalar("SELECT COUNT(*) FROM item", []));
            Assert.Equal(0L, ReadScalar("SELECT COUNT(*) FROM item WHERE id = @id", [new("id", 5)]));
            await transaction.RollbackAsync();
        }

        Assert.Equal(3L, ReadScalar("SELECT COUNT(*) FROM item", []));
    }

    [Fact]
    public async Task Closing_the_connection_finalizes_its_raw_statements_and_reopening_prepares_them_anew()
    {
        Assert.Equal("a", ReadScalar("SELECT name FROM item WHERE id = @id", [new("id", 1)]));
        Assert.True(_connection.StatementCount > 0);
        await _connection.CloseAsync();
        Assert.Equal(0, _connection.StatementCount);
        await _connection.OpenAsync();
        Assert.Equal("a", ReadScalar("SELECT name FROM item WHERE id = @id", [new("id", 1)]));
    }

    private object? ReadScalar(string sql, KeyValuePair<string, object?>[] parameters)
    {
        using var reader = _connection.ExecuteStatements([sql], parameters);
        return reader.Read() ? reader.GetValue(0) : null;
    }
}
