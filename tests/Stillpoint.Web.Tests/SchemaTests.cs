using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stillpoint.Data;
using Stillpoint.Data.Access;
using Stillpoint.Data.Database;
using Stillpoint.Web.Tests.Infrastructure;

namespace Stillpoint.Web.Tests;

/// <summary>The hand-written migrations must build exactly the schema the EF model describes.</summary>
public sealed class SchemaTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Migrations_ProduceTheSameSchemaAsTheModel(string provider)
    {
        await using var migrated = await TestDatabase.CreateAsync(provider);
        await using var modelled = await TestDatabase.CreateAsync(provider);
        await using (var db = Context(migrated))
        {
            var applied = await SchemaMigrator.MigrateAsync(db, CancellationToken.None);
            Assert.NotEmpty(applied);
            Assert.Empty(await SchemaMigrator.MigrateAsync(db, CancellationToken.None));
        }

        await using (var db = Context(modelled))
        {
            // A throwaway database built straight from the model: the reference to compare against.
            await db.Database.EnsureCreatedAsync();
        }

        var expected = await DescribeAsync(modelled);
        var actual = (await DescribeAsync(migrated)).Where(line => !line.Contains("__stillpoint_schema", StringComparison.Ordinal)).ToList();
        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0, $"Missing from migrations: {string.Join("; ", missing)}. Extra in migrations: {string.Join("; ", extra)}.");
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Sqlite_RunsInWalModeWithFullSync()
    {
        await using var database = TestDatabase.Sqlite();
        await using var db = Context(database);
        await SchemaMigrator.MigrateAsync(db, CancellationToken.None);
        await db.Database.OpenConnectionAsync();

        Assert.Equal("wal", await ScalarAsync(db.Database.GetDbConnection(), "PRAGMA journal_mode"));
        Assert.Equal("2", await ScalarAsync(db.Database.GetDbConnection(), "PRAGMA synchronous")); // 2 = FULL
    }

    private static StillpointDbContext Context(TestDatabase database)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ICallerContext>(SystemCaller.Instance);
        services.AddSingleton(TimeProvider.System);
        services.AddDbContext<StillpointDbContext>(o => new DatabaseSettings(
            database.Provider == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, database.ConnectionString).Apply(o));
        return services.BuildServiceProvider().CreateScope().ServiceProvider.GetRequiredService<StillpointDbContext>();
    }

    /// <summary>Tables, columns (type, nullability) and indexes, one sorted line each.</summary>
    private static async Task<List<string>> DescribeAsync(TestDatabase database)
    {
        await using var db = Context(database);
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        var sql = database.Provider == "postgres"
            ? """
              SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || coalesce(character_maximum_length::text, '') || ' ' || is_nullable
              FROM information_schema.columns WHERE table_schema = 'public'
              UNION ALL
              SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
              """
            : """
              SELECT 'column ' || m.name || '.' || p.name || ' ' || p.type || ' ' || p."notnull" || ' ' || p.pk
              FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'
              UNION ALL
              SELECT 'index ' || coalesce(sql, name) FROM sqlite_master WHERE type = 'index'
              """;
        var lines = new List<string>();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return [.. lines.Order(StringComparer.Ordinal)];
    }

    private static async Task<string?> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
