using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Interop.Storage;

/// <summary>
/// One SQL statement prepared on a <see cref="PreparedSqliteConnection"/>'s handle and kept: its parameter names are
/// read once, so each execution binds by index (Microsoft.Data.Sqlite looks every parameter of a command up by name in
/// every statement of it, converting each name to UTF-8 each time). Serves one execution at a time.
/// </summary>
internal sealed class RawSqliteStatement : IDisposable
{
    private readonly sqlite3 _db;

    private RawSqliteStatement(sqlite3 db, sqlite3_stmt handle, string[] parameterNames)
    {
        _db = db;
        Handle = handle;
        ParameterNames = parameterNames;
        ColumnCount = raw.sqlite3_column_count(handle);
    }

    /// <summary>The prepared statement.</summary>
    public sqlite3_stmt Handle { get; }

    /// <summary>The names of its parameters without their <c>@</c>, by index - 1.</summary>
    public string[] ParameterNames { get; }

    /// <summary>How many columns each of its rows has.</summary>
    public int ColumnCount { get; }

    /// <summary>Whether an execution holds it (bound, maybe mid-step).</summary>
    public bool InUse { get; set; }

    /// <summary>Prepares <paramref name="sql"/>, which must be one statement naming its parameters <c>@name</c>.</summary>
    public static RawSqliteStatement Prepare(sqlite3 db, string sql)
    {
        var rc = raw.sqlite3_prepare_v3(db, sql, raw.SQLITE_PREPARE_PERSISTENT, out var handle, out var tail);
        if (rc != raw.SQLITE_OK || handle is null)
        {
            handle?.Dispose();
            throw Failure(db, rc == raw.SQLITE_OK ? raw.SQLITE_MISUSE : rc);
        }

        try
        {
            if (!string.IsNullOrWhiteSpace(tail.TrimStart(';')))
            {
                throw new ArgumentException("A raw statement is one SQL statement; this text has more after the first.", nameof(sql));
            }

            var names = new string[raw.sqlite3_bind_parameter_count(handle)];
            for (var i = 0; i < names.Length; i++)
            {
                var name = raw.sqlite3_bind_parameter_name(handle, i + 1).utf8_to_string();
                if (name is null || name.Length < 2 || name[0] != '@')
                {
                    throw new ArgumentException($"Parameter {i + 1} of the statement is not named @name ('{name}').", nameof(sql));
                }

                names[i] = name[1..];
            }

            return new RawSqliteStatement(db, handle, names);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Binds each of the statement's parameters from <paramref name="parameters"/> (names with or without <c>@</c>); throws when one is missing.</summary>
    public void Bind(IReadOnlyList<KeyValuePair<string, object?>> parameters)
    {
        List<string>? missing = null;
        for (var i = 0; i < ParameterNames.Length; i++)
        {
            // Parameters given in the statement's order are found at once; others by a search.
            var at = i < parameters.Count && Names(parameters[i].Key, ParameterNames[i]) ? i : IndexOf(parameters, ParameterNames[i]);
            if (at < 0)
            {
                (missing ??= []).Add("@" + ParameterNames[i]);
                continue;
            }

            Check(BindValue(i + 1, parameters[at].Value));
        }

        if (missing is not null)
        {
            throw new InvalidOperationException("Must add values for the following parameters: " + string.Join(", ", missing));
        }
    }

    /// <summary>Makes the statement ready for its next execution: reset, no values bound.</summary>
    public void Clear()
    {
        raw.sqlite3_reset(Handle);
        raw.sqlite3_clear_bindings(Handle);
        InUse = false;
    }

    /// <summary>Steps once: true for a row, false when done; throws on an error.</summary>
    public bool Step()
    {
        var rc = raw.sqlite3_step(Handle);
        return rc switch
        {
            raw.SQLITE_ROW => true,
            raw.SQLITE_DONE => false,
            _ => throw Failure(_db, rc),
        };
    }

    /// <summary>Finalizes the statement.</summary>
    public void Dispose() => Handle.Dispose();

    private static bool Names(string given, string name) => given.AsSpan().TrimStart('@').SequenceEqual(name);

    private static int IndexOf(IReadOnlyList<KeyValuePair<string, object?>> parameters, string name)
    {
        for (var j = 0; j < parameters.Count; j++)
        {
            if (Names(parameters[j].Key, name))
            {
                return j;
            }
        }

        return -1;
    }

    private static SqliteException Failure(sqlite3 db, int rc) =>
        new(raw.sqlite3_errmsg(db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(db));

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw Failure(_db, rc);
        }
    }

    private int BindValue(int index, object? value) => value switch
    {
        null or DBNull => raw.sqlite3_bind_null(Handle, index),
        string text => raw.sqlite3_bind_text(Handle, index, text),
        long number => raw.sqlite3_bind_int64(Handle, index, number),
        int number => raw.sqlite3_bind_int64(Handle, index, number),
        short number => raw.sqlite3_bind_int64(Handle, index, number),
        byte number => raw.sqlite3_bind_int64(Handle, index, number),
        bool flag => raw.sqlite3_bind_int64(Handle, index, flag ? 1 : 0),
        double real => raw.sqlite3_bind_double(Handle, index, real),
        byte[] blob => raw.sqlite3_bind_blob(Handle, index, blob),
        _ => throw new NotSupportedException($"A raw statement binds text, integers, reals, blobs and null, not {value.GetType()}."),
    };
}
