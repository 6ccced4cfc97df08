using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Stillpoint.Data.Entities;

namespace Stillpoint.Data.Audit;

/// <summary>Who did one audited write: each row of a batch keeps its own request's user, role and request id.</summary>
public sealed record AuditActor(Guid? UserId, string? Role, string? RequestId);

/// <summary>
/// One transaction of bulk inserts that bypasses the change tracker (for high-rate ingestion) and still extends the
/// audit chain: every clinical row inserted through <see cref="InsertAudited{T}"/> gets a "create" audit entry
/// (same action, entity type, id, patient and clinic as <c>SaveChanges</c> would write), appended with
/// <see cref="Core.Audit.AuditChain"/> in the same transaction, before the commit.
/// Get one from <see cref="StillpointDbContext.RunAuditedBatchAsync"/>.
/// </summary>
public sealed class AuditedBatch
{
    // Rows per INSERT statement: few enough to stay far under both providers' parameter limits.
    private const int RowsPerStatement = 64;

    private static readonly ConcurrentDictionary<(Type, bool), TableShape> Shapes = new();

    private readonly StillpointDbContext _db;
    private readonly PreparedStatements? _statements;
    private readonly List<(IClinicScoped Row, AuditActor Actor)> _audited = [];
    private readonly Dictionary<Type, List<object>> _rows = [];
    private readonly List<DbCommand> _owned = [];
    private readonly List<SqliteInsertStatement> _ownedInserts = [];

    internal AuditedBatch(StillpointDbContext db, DbConnection connection, DbTransaction transaction, PreparedStatements? statements)
    {
        _db = db;
        Connection = connection;
        Transaction = transaction;
        _statements = statements;
    }

    /// <summary>The open connection (the context's own), for reads inside this transaction.</summary>
    public DbConnection Connection { get; }

    public DbTransaction Transaction { get; }

    /// <summary>True on PostgreSQL (array parameters and multi-row statements pay), false on SQLite (in-process: prepared single-row statements).</summary>
    public bool IsNpgsql => _db.Database.IsNpgsql();

    /// <summary>A parameter for a value of <typeparamref name="TEntity"/>.<paramref name="property"/>, converted as EF stores it (e.g. SQLite's Guid text).</summary>
    public DbParameter Parameter<TEntity>(DbCommand command, string name, string property, object? value)
    {
        ArgumentNullException.ThrowIfNull(command);
        var mapping = _db.Model.FindEntityType(typeof(TEntity))!.FindProperty(property)!.GetRelationalTypeMapping();
        var parameter = mapping.CreateParameter(command, name, value);
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>The number of audit entries this batch will append.</summary>
    public int AuditCount => _audited.Count;

    /// <summary>
    /// Queues a new clinical row and its "create" audit entry. The row must already carry its clinic (the caller's:
    /// the batch does not know callers, so the ingestion code checks it before adding).
    /// </summary>
    public void InsertAudited<T>(T row, AuditActor actor)
        where T : class, IClinicScoped
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(actor);
        if (row.ClinicId == Guid.Empty)
        {
            throw new InvalidOperationException("A clinical row must belong to the caller's clinic.");
        }

        Queue(row);
        _audited.Add((row, actor));
    }

    /// <summary>Queues a row that is not clinical data (request bookkeeping such as an idempotency record): no audit entry.</summary>
    public void Insert<T>(T row)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row is IClinicScoped)
        {
            throw new InvalidOperationException("Clinical rows are inserted with InsertAudited.");
        }

        Queue(row);
    }

    private void Queue(object row)
    {
        if (!_rows.TryGetValue(row.GetType(), out var list))
        {
            _rows[row.GetType()] = list = [];
        }

        list.Add(row);
    }

    /// <summary>Writes the queued rows, then the audit entries and the new chain head. Still inside the transaction.</summary>
    internal async Task FlushAsync(CancellationToken ct)
    {
        foreach (var (type, rows) in _rows)
        {
            await InsertRowsAsync(type, rows, ct);
        }

        if (_audited.Count == 0)
        {
            return;
        }

        var (headSequence, headHash) = await _db.ReadAuditHeadAsync(ct);
        var entries = new List<object>(_audited.Count);
        var now = _db.AuditTimestamp();
        var previous = headHash;
        var sequence = headSequence;
        foreach (var (row, actor) in _audited)
        {
            var entry = _db.CreateAuditEntry(row, ++sequence, now, actor, previous);
            previous = entry.Hash;
            entries.Add(entry);
        }

        await InsertRowsAsync(typeof(AuditEntry), entries, ct);
        var head = await PreparedAsync("UPDATE \"AuditHeads\" SET \"Sequence\" = @s, \"Hash\" = @h WHERE \"Id\" = 1", c =>
        {
            AddParameter(c, "@s", sequence);
            AddParameter(c, "@h", previous);
        }, ct);
        head.Parameters[0].Value = sequence;
        head.Parameters[1].Value = previous;
        if (await head.ExecuteNonQueryAsync(ct) != 1)
        {
            throw new InvalidOperationException("The audit head row is missing: run the database migrations.");
        }
    }

    /// <summary>
    /// A prepared command on this batch's transaction, to re-execute with new parameter values (do not dispose it):
    /// from the caller's <see cref="PreparedStatements"/> when it keeps a long-lived connection (prepared once for
    /// the connection's life), else prepared for this batch and disposed with it.
    /// </summary>
    public async Task<DbCommand> PreparedAsync(string sql, Action<DbCommand> addParameters, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(addParameters);
        if (_statements is not null && _statements.TryGet(Connection, sql, out var cached))
        {
            cached.Transaction = Transaction;
            return cached;
        }

        var command = Command(sql);
        addParameters(command);
        await command.PrepareAsync(ct);
        if (_statements is not null)
        {
            _statements.Add(sql, command);
        }
        else
        {
            _owned.Add(command);
        }

        return command;
    }

    /// <summary>Disposes the commands prepared for this batch only.</summary>
    internal async ValueTask DisposeOwnedAsync()
    {
        foreach (var command in _owned)
        {
            await command.DisposeAsync();
        }

        _owned.Clear();
        foreach (var insert in _ownedInserts)
        {
            insert.Dispose();
        }

        _ownedInserts.Clear();
    }

    /// <summary>A command on this batch's connection and transaction.</summary>
    public DbCommand Command(string sql)
    {
        var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        return command;
    }

    public static void AddParameter(DbCommand command, string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(command);
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        command.Parameters.Add(p);
    }

    private async Task InsertRowsAsync(Type type, List<object> rows, CancellationToken ct)
    {
        var npgsql = _db.Database.IsNpgsql();
        var shape = Shapes.GetOrAdd((type, npgsql), key => TableShape.For(_db.Model, key.Item1));
        if (!npgsql)
        {
            InsertRowsSqlite(shape, rows);
            return;
        }

        // PostgreSQL: multi-row INSERTs, one round trip per RowsPerStatement rows.
        for (var start = 0; start < rows.Count; start += RowsPerStatement)
        {
            var count = Math.Min(RowsPerStatement, rows.Count - start);
            await using var command = Command(shape.InsertSql(count));
            var n = 0;
            for (var r = start; r < start + count; r++)
            {
                foreach (var column in shape.Columns)
                {
                    command.Parameters.Add(column.Mapping.CreateParameter(command, "@p" + n++, column.Getter(rows[r]), column.Nullable));
                }
            }

            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>
    /// SQLite: one single-row INSERT, prepared once and bound by position, re-executed per row (in-process: no round
    /// trips, so multi-row statements would only add parsing).
    /// </summary>
    private void InsertRowsSqlite(TableShape shape, List<object> rows)
    {
        var connection = (SqliteConnection)Connection;
        var sql = shape.PositionalInsertSql;
        SqliteInsertStatement Prepare() => SqliteInsertStatement.Prepare(connection, sql, [.. shape.Columns.Select(c => c.SqliteType)]);
        var statement = _statements?.Insert(Connection, sql, Prepare) ?? OwnedInsert(Prepare());
        var values = new object?[shape.Columns.Count];
        foreach (var row in rows)
        {
            for (var c = 0; c < values.Length; c++)
            {
                var column = shape.Columns[c];
                values[c] = column.ToProvider(column.Getter(row));
            }

            statement.Execute(values);
        }
    }

    private SqliteInsertStatement OwnedInsert(SqliteInsertStatement statement)
    {
        _ownedInserts.Add(statement);
        return statement;
    }

    /// <summary>An entity type's table and columns from the EF model, with the provider's type mapping (and value converter) per column.</summary>
    private sealed class TableShape
    {
        private readonly ConcurrentDictionary<int, string> _sql = new();
        private readonly string _prefix;
        private string? _positional;

        private TableShape(string prefix, List<Column> columns)
        {
            _prefix = prefix;
            Columns = columns;
        }

        public List<Column> Columns { get; }

        public static TableShape For(IModel model, Type type)
        {
            var entity = model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var columns = entity.GetProperties()
                .Where(p => p.ValueGenerated == ValueGenerated.Never || p.IsKey())
                .Select(p => new Column(p.GetColumnName(table)!, p.GetRelationalTypeMapping(), p.IsNullable, Getter(type, p.PropertyInfo!)))
                .ToList();
            var prefix = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) VALUES ";
            return new TableShape(prefix, columns);
        }

        /// <summary>The single-row INSERT with positional parameters ?1..?n (SQLite).</summary>
        public string PositionalInsertSql => _positional ??= _prefix + "(" + string.Join(", ", Columns.Select((_, i) => "?" + (i + 1).ToString(CultureInfo.InvariantCulture))) + ")";

        /// <summary>A compiled property read (reflection's GetValue per column and row was a visible cost at ingestion rates).</summary>
        private static Func<object?, object?> Getter(Type type, PropertyInfo property)
        {
            var row = Expression.Parameter(typeof(object), "row");
            var read = Expression.Property(Expression.Convert(row, type), property);
            return Expression.Lambda<Func<object?, object?>>(Expression.Convert(read, typeof(object)), row).Compile();
        }

        public string InsertSql(int rows) => _sql.GetOrAdd(rows, n =>
        {
            var sql = new StringBuilder(_prefix);
            var p = 0;
            for (var r = 0; r < n; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < Columns.Count; c++)
                {
                    sql.Append(c == 0 ? "@p" : ", @p").Append(p++);
                }

                sql.Append(')');
            }

            return sql.ToString();
        });
    }

    private sealed record Column(string Name, RelationalTypeMapping Mapping, bool Nullable, Func<object?, object?> Getter)
    {
        private SqliteType? _sqliteType;

        /// <summary>The SQLite type EF's mapping gives this column's parameters (how Microsoft.Data.Sqlite would bind a value); SQLite shapes only.</summary>
        public SqliteType SqliteType => _sqliteType ??= SqliteTypeOf(Mapping);

        private static SqliteType SqliteTypeOf(RelationalTypeMapping mapping)
        {
            using var command = new SqliteCommand();
            return mapping.CreateParameter(command, "p", null) is SqliteParameter parameter ? parameter.SqliteType : SqliteType.Text;
        }

        /// <summary>The value as the provider stores it (the mapping's value converter applied, e.g. SQLite's UTC ticks).</summary>
        public object? ToProvider(object? value) => value is null || Mapping.Converter is null ? value : Mapping.Converter.ConvertToProvider(value);
    }
}
