using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Stillpoint.Data.Database;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Which database to use, from standard configuration: <c>Database:Provider</c> (sqlite | postgres) and
/// <c>ConnectionStrings:Stillpoint</c>. With nothing configured: SQLite at ./data/stillpoint.db.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqlitePath = "data/stillpoint.db";

    public static DatabaseSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var providerName = configuration["Database:Provider"];
        var provider = providerName?.Trim().ToUpperInvariant() switch
        {
            null or "" or "SQLITE" => DatabaseProvider.Sqlite,
            "POSTGRES" or "POSTGRESQL" or "NPGSQL" => DatabaseProvider.Postgres,
            _ => throw new InvalidOperationException($"Database:Provider '{providerName}' is not supported: use sqlite or postgres."),
        };
        var connection = configuration.GetConnectionString("Stillpoint");
        if (string.IsNullOrWhiteSpace(connection))
        {
            connection = provider == DatabaseProvider.Sqlite
                ? $"Data Source={DefaultSqlitePath}"
                : throw new InvalidOperationException("ConnectionStrings:Stillpoint is required when Database:Provider is postgres.");
        }

        return new DatabaseSettings(provider, connection);
    }

    /// <summary>Points EF Core at the configured database.</summary>
    public void Apply(DbContextOptionsBuilder options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Provider == DatabaseProvider.Postgres)
        {
            options.UseNpgsql(ConnectionString);
            return;
        }

        EnsureSqliteFolder();
        options.UseSqlite(ConnectionString).AddInterceptors(SqliteDurabilityInterceptor.Instance);
    }

    /// <summary>The SQLite file this configuration names, or null for PostgreSQL / in-memory.</summary>
    public string? SqliteFilePath
    {
        get
        {
            if (Provider != DatabaseProvider.Sqlite)
            {
                return null;
            }

            var source = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            return string.IsNullOrEmpty(source) || source == ":memory:" ? null : Path.GetFullPath(source);
        }
    }

    private void EnsureSqliteFolder()
    {
        var folder = SqliteFilePath is { } file ? Path.GetDirectoryName(file) : null;
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
