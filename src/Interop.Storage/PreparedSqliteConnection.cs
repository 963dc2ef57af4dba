using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace Interop.Storage;

/// <summary>
/// A long-lived SQLite connection that keeps every statement it ran prepared, keyed by its SQL text, and reuses it the
/// next time the same SQL runs. Microsoft.Data.Sqlite prepares each new command anew (there is no cross-command
/// statement cache, dotnet/efcore#14044), which costs about as much as running a small indexed query; Dapper creates a
/// new command per call. Commands created here (<see cref="DbConnection.CreateCommand"/>, so Dapper's too) borrow the
/// cached <see cref="SqliteCommand"/> for their SQL while they execute. Like any ADO.NET connection it serves one
/// caller at a time. Several of them to one file: <see cref="PreparedSqliteConnectionPool"/>.
/// </summary>
public sealed class PreparedSqliteConnection : DbConnection
{
    // Enough for every statement text the hub runs; list queries with optional filters add a few variants each.
    private const int MaxStatements = 512;

    private readonly Dictionary<string, SqliteCommand> _statements = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RawSqliteStatement> _raw = new(StringComparer.Ordinal);

    /// <summary>Wraps <paramref name="inner"/>, which this connection then owns (disposes).</summary>
    public PreparedSqliteConnection(SqliteConnection inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        Inner = inner;
    }

    /// <summary>The underlying connection (for migrations and transactions).</summary>
    public SqliteConnection Inner { get; }

    /// <summary>How many prepared statements this connection holds (commands' and raw ones).</summary>
    public int StatementCount => _statements.Count + _raw.Count;

    /// <summary>
    /// Runs <paramref name="statements"/> (each one SQL statement naming its parameters <c>@name</c>) one after the
    /// other as the result sets of the returned reader, each bound from <paramref name="parameters"/> (a name the
    /// statement does not use is skipped; one it uses but is not given fails). Each statement is prepared on the
    /// connection's handle once and bound by index, which spares the per-name look-ups and conversions of a
    /// Microsoft.Data.Sqlite command (for a hot multi-statement read). A statement is stepped only when the reader
    /// reaches it; it runs in whatever transaction the connection is in. Not retried on SQLITE_BUSY: for a connection
    /// that holds the write lock or reads in WAL mode. Until the reader is disposed its statements are held: running one
    /// of the same SQL texts again meanwhile fails.
    /// </summary>
    public DbDataReader ExecuteStatements(IReadOnlyList<string> statements, IReadOnlyList<KeyValuePair<string, object?>> parameters)
    {
        ArgumentNullException.ThrowIfNull(statements);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfZero(statements.Count);
        var held = new RawSqliteStatement[statements.Count];
        var count = 0;
        try
        {
            for (; count < held.Length; count++)
            {
                held[count] = Take(statements[count]);
            }

            return new RawSqliteStatementReader(held, parameters);
        }
        catch
        {
            for (var i = 0; i < count; i++)
            {
                held[i].Clear();
            }

            throw;
        }
    }

    /// <summary>
    /// Runs one statement without results (see <see cref="ExecuteStatements"/>) to its end; returns the rows an INSERT,
    /// UPDATE or DELETE changed (for other statements the number means nothing).
    /// </summary>
    public int ExecuteStatement(string sql, IReadOnlyList<KeyValuePair<string, object?>>? parameters = null)
    {
        var statement = Take(sql);
        try
        {
            statement.Bind(parameters ?? []);
            while (statement.Step())
            {
            }

            return SQLitePCL.raw.sqlite3_changes(Inner.Handle);
        }
        finally
        {
            statement.Clear();
        }
    }

    /// <inheritdoc />
    [AllowNull]
    public override string ConnectionString
    {
        get => Inner.ConnectionString;
        set => Inner.ConnectionString = value;
    }

    /// <inheritdoc />
    public override string Database => Inner.Database;

    /// <inheritdoc />
    public override string DataSource => Inner.DataSource;

    /// <inheritdoc />
    public override string ServerVersion => Inner.ServerVersion;

    /// <inheritdoc />
    public override ConnectionState State => Inner.State;

    /// <inheritdoc />
    public override void ChangeDatabase(string databaseName) => Inner.ChangeDatabase(databaseName);

    /// <inheritdoc />
    public override void Open() => Inner.Open();

    /// <inheritdoc />
    public override Task OpenAsync(CancellationToken cancellationToken) => Inner.OpenAsync(cancellationToken);

    /// <inheritdoc />
    public override void Close()
    {
        DisposeStatements();
        Inner.Close();
    }

    // The raw statement of sql, prepared now if it is new, marked in use.
    private RawSqliteStatement Take(string sql)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        if (!_raw.TryGetValue(sql, out var statement))
        {
            var handle = Inner.Handle ?? throw new InvalidOperationException("The connection is not open.");
            if (_raw.Count >= MaxStatements)
            {
                throw new InvalidOperationException($"More than {MaxStatements} distinct raw statements on one connection: raw statements are for fixed SQL texts.");
            }

            statement = RawSqliteStatement.Prepare(handle, sql);
            _raw.Add(sql, statement);
        }

        if (statement.InUse)
        {
            throw new InvalidOperationException("This raw statement is still in use on the connection (a reader not yet disposed).");
        }

        statement.InUse = true;
        return statement;
    }

    /// <summary>The cached command for <paramref name="sql"/> (or a new one), for one execution; give it back with <see cref="Return"/>.</summary>
    internal SqliteCommand Rent(string sql)
    {
        // Taken out while in use: a nested command with the same SQL (a reader still open) gets a fresh one.
        if (_statements.Remove(sql, out var command))
        {
            return command;
        }

        command = Inner.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    /// <summary>Takes back a command from <see cref="Rent"/>; it stays prepared for the next execution of its SQL.</summary>
    internal void Return(SqliteCommand command, bool reusable)
    {
        command.Parameters.Clear();
        command.Transaction = null;
        if (reusable && Inner.State == ConnectionState.Open && _statements.Count < MaxStatements && _statements.TryAdd(command.CommandText, command))
        {
            return;
        }

        command.Dispose();
    }

    /// <inheritdoc />
    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => Inner.BeginTransaction(isolationLevel);

    /// <inheritdoc />
    protected override DbCommand CreateDbCommand() => new PreparedSqliteCommand(this);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            DisposeStatements();
            Inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void DisposeStatements()
    {
        foreach (var command in _statements.Values)
        {
            command.Dispose();
        }

        _statements.Clear();
        foreach (var statement in _raw.Values)
        {
            statement.Dispose();
        }

        _raw.Clear();
    }
}
