using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace Interop.Storage;

/// <summary>
/// A command of a <see cref="PreparedSqliteConnection"/>: collects its text, parameters and transaction like any
/// command, and executes on the connection's prepared statement for that text. The statement is held from execution
/// until this command is disposed (a data reader must be disposed before its command, as Dapper does).
/// </summary>
/// <remarks>
/// Statements name their parameters <c>@name</c> (the convention of every store that uses this). Dapper adds
/// parameters without the prefix, and Microsoft.Data.Sqlite then looks each such name up four times (as given, then
/// with each of <c>@ : $</c>, to detect ambiguity), each a linear search of the statement's parameter names: about
/// 6-13 µs per execution of a 20-parameter insert. A name without a prefix is therefore bound as <c>@name</c>, found in one look-up. A statement
/// written with <c>:name</c> or <c>$name</c> fails loudly (no value for that parameter) rather than silently.
/// </remarks>
internal sealed class PreparedSqliteCommand : DbCommand
{
    // Parameter names come from the hub's code, not from input, so this stays small; the cap is only a guard.
    private const int MaxCachedNames = 1024;

    private static readonly ConcurrentDictionary<string, string> PrefixedNames = new(StringComparer.Ordinal);

    private readonly PreparedSqliteConnection _connection;

    // Never executed: only holds the parameters until they are bound to the prepared statement.
    private readonly SqliteCommand _parameters = new();
    private SqliteCommand? _executing;

    public PreparedSqliteCommand(PreparedSqliteConnection connection)
    {
        _connection = connection;
    }

    [AllowNull]
    public override string CommandText { get; set; } = "";

    public override int CommandTimeout { get; set; } = 30;

    public override CommandType CommandType
    {
        get => CommandType.Text;
        set
        {
            if (value != CommandType.Text)
            {
                throw new ArgumentException("Only CommandType.Text is supported.", nameof(value));
            }
        }
    }

    public override bool DesignTimeVisible { get; set; }

    public override UpdateRowSource UpdatedRowSource { get; set; }

    protected override DbConnection? DbConnection
    {
        get => _connection;
        set
        {
            if (value is not null && !ReferenceEquals(value, _connection))
            {
                throw new InvalidOperationException("A prepared command stays on the connection that created it.");
            }
        }
    }

    protected override DbParameterCollection DbParameterCollection => _parameters.Parameters;

    protected override DbTransaction? DbTransaction { get; set; }

    public override void Cancel() => _executing?.Cancel();

    public override void Prepare()
    {
        // Statements are prepared on first execution and kept by the connection.
    }

    public override int ExecuteNonQuery() => Execute(static command => command.ExecuteNonQuery());

    public override object? ExecuteScalar() => Execute(static command => command.ExecuteScalar());

    protected override DbParameter CreateDbParameter() => new SqliteParameter();

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
    {
        try
        {
            // Held until this command is disposed: the reader steps the statement.
            return Bind().ExecuteReader(behavior);
        }
        catch
        {
            Release(reusable: false);
            throw;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Release(reusable: true);
            _parameters.Dispose();
        }

        base.Dispose(disposing);
    }

    private T Execute<T>(Func<SqliteCommand, T> execute)
    {
        T result;
        try
        {
            result = execute(Bind());
        }
        catch
        {
            Release(reusable: false);
            throw;
        }

        Release(reusable: true);
        return result;
    }

    private SqliteCommand Bind()
    {
        Release(reusable: true);
        var command = _connection.Rent(CommandText);
        _executing = command;
        command.Transaction = (SqliteTransaction?)DbTransaction;
        command.CommandTimeout = CommandTimeout;
        foreach (SqliteParameter parameter in _parameters.Parameters)
        {
            parameter.ParameterName = Prefixed(parameter.ParameterName);
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static string Prefixed(string name)
    {
        if (name.Length == 0 || name[0] is '@' or ':' or '$')
        {
            return name;
        }

        if (PrefixedNames.TryGetValue(name, out var prefixed))
        {
            return prefixed;
        }

        prefixed = "@" + name;
        if (PrefixedNames.Count < MaxCachedNames)
        {
            PrefixedNames.TryAdd(name, prefixed);
        }

        return prefixed;
    }

    // A statement that failed is not kept (an interrupted or broken statement is re-prepared next time).
    private void Release(bool reusable)
    {
        if (_executing is { } command)
        {
            _executing = null;
            _connection.Return(command, reusable);
        }
    }
}
