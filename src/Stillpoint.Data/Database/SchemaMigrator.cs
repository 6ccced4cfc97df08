using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Stillpoint.Data.Database;

/// <summary>One versioned schema script for one provider, embedded in this assembly.</summary>
public sealed record SchemaMigration(string Version, string Name, string Sql);

/// <summary>
/// Applies the versioned SQL scripts under Migrations/&lt;provider&gt;/ in order, each in its own transaction,
/// recording what was applied in <c>__stillpoint_schema</c>. (No dotnet-ef here: scripts are written by hand,
/// helped by <c>stillpoint db schema-script</c>, and a test checks they match the EF model.)
/// </summary>
public static class SchemaMigrator
{
    private const string HistoryTable = "__stillpoint_schema";

    // Arbitrary constant shared by every Stillpoint node, so only one migrates a PostgreSQL database at a time.
    private const long PostgresMigrationLockKey = 0x5354_494C_4C50_5431;

    public static IReadOnlyList<SchemaMigration> ScriptsFor(DatabaseProvider provider)
    {
        var prefix = $"{typeof(SchemaMigrator).Assembly.GetName().Name}.Migrations.{provider}.";
        var assembly = typeof(SchemaMigrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => Load(assembly, n, n[prefix.Length..^".sql".Length]))
            .ToList();
    }

    /// <summary>Applies every pending script; returns the versions applied now.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(StillpointDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var provider = db.Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (provider == DatabaseProvider.Postgres)
            {
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({PostgresMigrationLockKey})", ct);
            }

            await ExecuteAsync(connection, null, $"CREATE TABLE IF NOT EXISTS {HistoryTable} (version VARCHAR(64) PRIMARY KEY, name VARCHAR(200) NOT NULL, applied_at VARCHAR(40) NOT NULL)", ct);
            var applied = await AppliedVersionsAsync(connection, ct);
            var appliedNow = new List<string>();
            foreach (var migration in ScriptsFor(provider).Where(m => !applied.Contains(m.Version)))
            {
                await ApplyAsync(db, migration, ct);
                appliedNow.Add(migration.Version);
            }

            if (provider == DatabaseProvider.Postgres)
            {
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({PostgresMigrationLockKey})", ct);
            }

            return appliedNow;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task ApplyAsync(StillpointDbContext db, SchemaMigration migration, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var connection = db.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();
        await ExecuteAsync(connection, dbTransaction, migration.Sql, ct);
        var appliedAt = db.Time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        await using var record = connection.CreateCommand();
        record.Transaction = dbTransaction;
        record.CommandText = $"INSERT INTO {HistoryTable} (version, name, applied_at) VALUES (@v, @n, @a)";
        AddParameter(record, "@v", migration.Version);
        AddParameter(record, "@n", migration.Name);
        AddParameter(record, "@a", appliedAt);
        await record.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static async Task<HashSet<string>> AppliedVersionsAsync(DbConnection connection, CancellationToken ct)
    {
        var versions = new HashSet<string>(StringComparer.Ordinal);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT version FROM {HistoryTable}";
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            versions.Add(reader.GetString(0));
        }

        return versions;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void AddParameter(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static SchemaMigration Load(Assembly assembly, string resource, string fileName)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        var separator = fileName.IndexOf('_', StringComparison.Ordinal);
        var version = separator > 0 ? fileName[..separator] : fileName;
        var name = separator > 0 ? fileName[(separator + 1)..] : fileName;
        return new SchemaMigration(version, name, reader.ReadToEnd());
    }
}
