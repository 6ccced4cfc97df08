using System.Data.Common;

namespace Stillpoint.Data.Audit;

/// <summary>
/// Commands prepared once on one long-lived connection and reused by every <see cref="AuditedBatch"/> on it (the
/// vitals writer keeps one connection open for its life). SQLite then parses and plans each statement once instead
/// of once per batch. Tied to the connection it was first used with: on another connection everything is dropped.
/// </summary>
public sealed class PreparedStatements : IDisposable
{
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SqliteInsertStatement> _inserts = new(StringComparer.Ordinal);
    private DbConnection? _connection;

    internal bool TryGet(DbConnection connection, string sql, out DbCommand command)
    {
        if (!ReferenceEquals(connection, _connection))
        {
            Dispose();
            _connection = connection;
        }

        return _commands.TryGetValue(sql, out command!);
    }

    internal void Add(string sql, DbCommand command) => _commands[sql] = command;

    /// <summary>A positional SQLite insert prepared on <paramref name="connection"/> (prepared on first use, kept for the connection's life).</summary>
    internal SqliteInsertStatement Insert(DbConnection connection, string sql, Func<SqliteInsertStatement> prepare)
    {
        TryGet(connection, sql, out _);
        if (!_inserts.TryGetValue(sql, out var statement))
        {
            _inserts[sql] = statement = prepare();
        }

        return statement;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
        foreach (var insert in _inserts.Values)
        {
            insert.Dispose();
        }

        _inserts.Clear();
        _connection = null;
    }
}
