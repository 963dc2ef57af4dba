using System.Collections;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using SQLitePCL;

namespace Interop.Storage;

/// <summary>
/// The results of a sequence of <see cref="RawSqliteStatement"/>s, one per result set (<see cref="NextResult"/> moves to
/// the next statement, which is bound and stepped only then). Reads columns by ordinal as Microsoft.Data.Sqlite does:
/// integers as <see cref="long"/> (narrowed checked), text as <see cref="string"/>, NULL as <see cref="DBNull"/>.
/// Disposing it resets every statement and clears its values.
/// </summary>
internal sealed class RawSqliteStatementReader : DbDataReader
{
    private readonly RawSqliteStatement[] _statements;
    private readonly IReadOnlyList<KeyValuePair<string, object?>> _parameters;
    private int _current;
    private bool _onRow;
    private bool _done;
    private bool _closed;

    public RawSqliteStatementReader(RawSqliteStatement[] statements, IReadOnlyList<KeyValuePair<string, object?>> parameters)
    {
        _statements = statements;
        _parameters = parameters;
        _current = 0;
        Start();
    }

    public override int Depth => 0;

    public override int FieldCount => Statement.ColumnCount;

    public override bool HasRows => throw new NotSupportedException("A raw statement reader does not look ahead; call Read.");

    public override bool IsClosed => _closed;

    public override int RecordsAffected => -1;

    public override object this[int ordinal] => GetValue(ordinal);

    public override object this[string name] => GetValue(GetOrdinal(name));

    private RawSqliteStatement Statement
    {
        get
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            return _statements[_current];
        }
    }

    public override bool Read()
    {
        if (_done)
        {
            return false;
        }

        _onRow = Statement.Step();
        _done = !_onRow;
        return _onRow;
    }

    public override bool NextResult()
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        if (_current + 1 >= _statements.Length)
        {
            return false;
        }

        _statements[_current].Clear();
        _current++;
        Start();
        return true;
    }

    public override void Close()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        foreach (var statement in _statements)
        {
            statement.Clear();
        }
    }

    public override bool IsDBNull(int ordinal) => ColumnType(ordinal) == raw.SQLITE_NULL;

    public override long GetInt64(int ordinal)
    {
        RequireValue(ordinal);
        return raw.sqlite3_column_int64(Statement.Handle, ordinal);
    }

    public override int GetInt32(int ordinal) => checked((int)GetInt64(ordinal));

    public override short GetInt16(int ordinal) => checked((short)GetInt64(ordinal));

    public override byte GetByte(int ordinal) => checked((byte)GetInt64(ordinal));

    public override bool GetBoolean(int ordinal) => GetInt64(ordinal) != 0;

    public override double GetDouble(int ordinal)
    {
        RequireValue(ordinal);
        return raw.sqlite3_column_double(Statement.Handle, ordinal);
    }

    public override float GetFloat(int ordinal) => (float)GetDouble(ordinal);

    public override decimal GetDecimal(int ordinal) => throw new NotSupportedException("No column of the hub is a decimal.");

    public override string GetString(int ordinal)
    {
        RequireValue(ordinal);
        return raw.sqlite3_column_text(Statement.Handle, ordinal).utf8_to_string();
    }

    public override char GetChar(int ordinal) => GetString(ordinal) is [var c] ? c : throw new InvalidCastException($"Column {ordinal} is not one character.");

    public override Guid GetGuid(int ordinal) => throw new NotSupportedException("Identifiers are stored as text; read them with GetString.");

    public override DateTime GetDateTime(int ordinal) => throw new NotSupportedException("Times are stored as integers; read them with GetInt64.");

    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length)
    {
        RequireValue(ordinal);
        var blob = raw.sqlite3_column_blob(Statement.Handle, ordinal);
        if (buffer is null)
        {
            return blob.Length;
        }

        var available = Math.Max(0, blob.Length - (int)dataOffset);
        var count = Math.Min(available, length);
        blob.Slice((int)dataOffset, count).CopyTo(buffer.AsSpan(bufferOffset));
        return count;
    }

    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length)
    {
        var text = GetString(ordinal);
        if (buffer is null)
        {
            return text.Length;
        }

        var count = Math.Min(Math.Max(0, text.Length - (int)dataOffset), length);
        text.AsSpan((int)dataOffset, count).CopyTo(buffer.AsSpan(bufferOffset));
        return count;
    }

    public override object GetValue(int ordinal) => ColumnType(ordinal) switch
    {
        raw.SQLITE_NULL => DBNull.Value,
        raw.SQLITE_INTEGER => raw.sqlite3_column_int64(Statement.Handle, ordinal),
        raw.SQLITE_FLOAT => raw.sqlite3_column_double(Statement.Handle, ordinal),
        raw.SQLITE_BLOB => raw.sqlite3_column_blob(Statement.Handle, ordinal).ToArray(),
        _ => raw.sqlite3_column_text(Statement.Handle, ordinal).utf8_to_string(),
    };

    public override int GetValues(object[] values)
    {
        var count = Math.Min(values.Length, FieldCount);
        for (var i = 0; i < count; i++)
        {
            values[i] = GetValue(i);
        }

        return count;
    }

    public override string GetName(int ordinal) => raw.sqlite3_column_name(Statement.Handle, ordinal).utf8_to_string();

    public override int GetOrdinal(string name)
    {
        for (var i = 0; i < FieldCount; i++)
        {
            if (string.Equals(GetName(i), name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        throw new IndexOutOfRangeException($"No column named '{name}'.");
    }

    public override string GetDataTypeName(int ordinal) => raw.sqlite3_column_decltype(Statement.Handle, ordinal).utf8_to_string() ?? "";

    [return: DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.PublicProperties)]
    public override Type GetFieldType(int ordinal) => ColumnType(ordinal) switch
    {
        raw.SQLITE_INTEGER => typeof(long),
        raw.SQLITE_FLOAT => typeof(double),
        raw.SQLITE_BLOB => typeof(byte[]),
        _ => typeof(string),
    };

    public override IEnumerator GetEnumerator() => new DbEnumerator(this, closeReader: false);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Close();
        }

        base.Dispose(disposing);
    }

    private void Start()
    {
        _onRow = false;
        _done = false;
        var statement = _statements[_current];
        statement.Bind(_parameters);
    }

    private int ColumnType(int ordinal)
    {
        if (!_onRow)
        {
            throw new InvalidOperationException("No current row: call Read first (and only read while it returns true).");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(ordinal);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(ordinal, FieldCount);
        return raw.sqlite3_column_type(Statement.Handle, ordinal);
    }

    private void RequireValue(int ordinal)
    {
        if (ColumnType(ordinal) == raw.SQLITE_NULL)
        {
            throw new InvalidCastException($"Column {ordinal} is NULL.");
        }
    }
}
