using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Stillpoint.Data.Audit;

/// <summary>
/// A single-row INSERT prepared once on a SQLite connection and re-executed per row, binding by position through
/// SQLite's own API. Microsoft.Data.Sqlite binds every parameter by name on every execution (a linear search over the
/// statement's names) and builds a data reader per call; at ingestion rates that was a large share of the writer's
/// time. Values are bound exactly as Microsoft.Data.Sqlite binds them for the column's <see cref="SqliteType"/> (the
/// type EF's mapping gives the column), so rows read back through EF unchanged.
/// Runs inside whatever transaction the connection has open.
/// </summary>
internal sealed class SqliteInsertStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly SqliteType[] _types;

    private SqliteInsertStatement(sqlite3 db, sqlite3_stmt statement, SqliteType[] types)
    {
        _db = db;
        _statement = statement;
        _types = types;
    }

    /// <summary>Prepares <paramref name="sql"/> (one row of positional parameters ?1..?n, one per entry of <paramref name="types"/>).</summary>
    public static SqliteInsertStatement Prepare(SqliteConnection connection, string sql, SqliteType[] types)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var rc = raw.sqlite3_prepare_v2(db, sql, out var statement);
        SqliteException.ThrowExceptionForRC(rc, db);
        return new SqliteInsertStatement(db, statement, types);
    }

    /// <summary>Inserts one row; <paramref name="values"/> are provider values (value converters already applied), in column order.</summary>
    public void Execute(ReadOnlySpan<object?> values)
    {
        try
        {
            for (var i = 0; i < values.Length; i++)
            {
                Check(Bind(i + 1, _types[i], values[i]));
            }

            var rc = raw.sqlite3_step(_statement);
            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, _db);
            }
        }
        finally
        {
            raw.sqlite3_reset(_statement);
            raw.sqlite3_clear_bindings(_statement);
        }
    }

    public void Dispose() => _statement.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    /// <summary>The Guid as Microsoft.Data.Sqlite stores it as text ("D", upper case), formatted once.</summary>
    private static string UpperText(Guid guid) => string.Create(36, guid, static (chars, value) =>
    {
        value.TryFormat(chars, out _);
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = char.ToUpperInvariant(chars[i]);
        }
    });

    private int Bind(int index, SqliteType type, object? value) => value switch
    {
        null or DBNull => raw.sqlite3_bind_null(_statement, index),
        string text => raw.sqlite3_bind_text(_statement, index, text),
        byte[] bytes => raw.sqlite3_bind_blob(_statement, index, bytes),
        Guid guid => type == SqliteType.Blob
            ? raw.sqlite3_bind_blob(_statement, index, guid.ToByteArray())
            : raw.sqlite3_bind_text(_statement, index, UpperText(guid)),
        bool flag => raw.sqlite3_bind_int64(_statement, index, flag ? 1 : 0),
        double or float => raw.sqlite3_bind_double(_statement, index, Convert.ToDouble(value, CultureInfo.InvariantCulture)),
        decimal number => type == SqliteType.Real
            ? raw.sqlite3_bind_double(_statement, index, (double)number)
            : raw.sqlite3_bind_text(_statement, index, number.ToString("0.0###########################", CultureInfo.InvariantCulture)),
        DateOnly day => raw.sqlite3_bind_text(_statement, index, day.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture)),
        sbyte or byte or short or ushort or int or uint or long => raw.sqlite3_bind_int64(_statement, index, Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        _ => throw new NotSupportedException($"No positional binding for a {value.GetType().Name} value (parameter {index})."),
    };
}
