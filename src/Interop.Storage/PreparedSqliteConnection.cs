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

    /// <summary>Wraps <paramref name="inner"/>, which this connection then owns (disposes).</summary>
    public PreparedSqliteConnection(SqliteConnection inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        Inner = inner;
    }

    /// <summary>The underlying connection (for migrations and transactions).</summary>
    public SqliteConnection Inner { get; }

    /// <summary>How many prepared statements this connection holds.</summary>
    public int StatementCount => _statements.Count;

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
    }
}
