using Npgsql;

namespace Stillpoint.Web.Tests.Infrastructure;

/// <summary>
/// A throwaway database for one test app: a SQLite file in a temp folder, or a fresh PostgreSQL database
/// on the server named by STILLPOINT_TEST_PG.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "STILLPOINT_TEST_PG";

    private readonly DirectoryInfo? _folder;
    private readonly string? _adminConnection;
    private readonly string? _databaseName;

    private TestDatabase(string provider, string connectionString, DirectoryInfo? folder, string? adminConnection, string? databaseName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _folder = folder;
        _adminConnection = adminConnection;
        _databaseName = databaseName;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs ? cs : null;

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The providers to test: SQLite always; PostgreSQL when configured (and CI requires it).</summary>
    public static IEnumerable<string> Providers()
    {
        yield return "sqlite";
        if (PostgresServer is not null)
        {
            yield return "postgres";
        }
    }

    public static TestDatabase Sqlite()
    {
        var folder = Directory.CreateTempSubdirectory("stillpoint-test-");
        return new TestDatabase("sqlite", $"Data Source={Path.Combine(folder.FullName, "test.db")};Pooling=False", folder, null, null);
    }

    public static async Task<TestDatabase> PostgresAsync()
    {
        var server = PostgresServer ?? throw new InvalidOperationException($"{PostgresVariable} is not set.");
        var name = $"stillpoint_test_{Guid.NewGuid():N}";
        var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString;
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new TestDatabase("postgres", connectionString, null, admin, name);
    }

    public static Task<TestDatabase> CreateAsync(string provider) =>
        provider == "postgres" ? PostgresAsync() : Task.FromResult(Sqlite());

    public async ValueTask DisposeAsync()
    {
        if (_folder is not null)
        {
            try
            {
                _folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A file still open by a late connection: the OS temp cleaner will take it.
            }
        }

        if (_adminConnection is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_adminConnection);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
