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

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
        _connection = null;
    }
}
