using Microsoft.Data.Sqlite;
using Stillpoint.Cli;
using Stillpoint.Web.Tests.Infrastructure;

namespace Stillpoint.Web.Tests;

/// <summary>The operator commands of the stillpoint CLI, run in-process against a throwaway SQLite file.</summary>
public sealed class CliTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Sqlite();

    private string[] Db => ["--provider", "sqlite", "--connection", _database.ConnectionString];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task DbMigrate_AppliesOnceThenReportsUpToDate()
    {
        var first = await RunAsync(["db", "migrate", .. Db]);
        var second = await RunAsync(["db", "migrate", .. Db]);

        Assert.Equal(0, first.Code);
        // Every feature adds its own numbered script: check that all were applied from 0001, not how many there are.
        Assert.Matches(@"^Applied \d+ migration\(s\): 0001(, \d{4})*\.", first.Out);
        Assert.Contains("up to date", second.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClinicAdd_ThenUserAdd_CreatesAnAccountThatCanSignIn()
    {
        await RunAsync(["db", "migrate", .. Db]);

        var clinic = await RunAsync(["clinic", "add", "--name", "Harbour Clinic", .. Db]);
        Assert.Equal(0, clinic.Code);
        var clinicId = Guid.Parse(clinic.Out.Trim());
        var user = await RunAsync(["user", "add", "--clinic", clinicId.ToString(), "--role", "nurse", "--email", "n@harbour.test", "--password", "Harbour-Pass-1", .. Db]);

        Assert.True(user.Code == 0, user.Err);
        Assert.True(Guid.TryParse(user.Out.Trim(), out _));
    }

    [Theory]
    [InlineData("Wizard", "Harbour-Pass-1", "Unknown role")]
    [InlineData("Nurse", "short", "password")]
    [InlineData("Patient", "Harbour-Pass-1", "patient's page")]
    public async Task UserAdd_WithBadInput_FailsWithAMessageAndCreatesNothing(string role, string password, string expected)
    {
        await RunAsync(["db", "migrate", .. Db]);
        var clinicId = (await RunAsync(["clinic", "add", "--name", "C", .. Db])).Out.Trim();

        var result = await RunAsync(["user", "add", "--clinic", clinicId, "--role", role, "--email", "x@c.test", "--password", password, .. Db]);

        Assert.NotEqual(0, result.Code);
        Assert.Contains(expected, result.Err, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0L, await CountAsync("SELECT COUNT(*) FROM AspNetUsers"));
    }

    [Fact]
    public async Task UserAdd_ForUnknownClinic_Fails()
    {
        await RunAsync(["db", "migrate", .. Db]);

        var result = await RunAsync(["user", "add", "--clinic", Guid.NewGuid().ToString(), "--role", "Nurse", "--email", "x@c.test", "--password", "Harbour-Pass-1", .. Db]);

        Assert.NotEqual(0, result.Code);
        Assert.Contains("No clinic", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoSeed_IsRepeatable_AndCreatesStaffOfEveryRoleAndPatients()
    {
        var first = await RunAsync(["demo", "seed", .. Db]);
        var second = await RunAsync(["demo", "seed", .. Db]);

        Assert.True(first.Code == 0, first.Err);
        Assert.Equal(0, second.Code);
        Assert.Contains("nurse@demo.stillpoint.test", first.Out, StringComparison.Ordinal);
        Assert.Equal(5L, await CountAsync("SELECT COUNT(DISTINCT Role) FROM AspNetUsers"));
        Assert.Equal(6L, await CountAsync("SELECT COUNT(*) FROM Patients"));
    }

    [Fact]
    public async Task Backup_WritesAConsistentCopy_AndRefusesToOverwrite()
    {
        await RunAsync(["demo", "seed", .. Db]);
        var target = Path.Combine(Path.GetTempPath(), $"stillpoint-backup-{Guid.NewGuid():N}.db");
        try
        {
            var backup = await RunAsync(["backup", "--to", target, .. Db]);
            var again = await RunAsync(["backup", "--to", target, .. Db]);

            Assert.True(backup.Code == 0, backup.Err);
            Assert.Equal(6L, await CountAsync("SELECT COUNT(*) FROM Patients", $"Data Source={target};Pooling=False"));
            Assert.NotEqual(0, again.Code);
            Assert.Contains("already exists", again.Err, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(target);
        }
    }

    [Fact]
    public async Task DbRebuildOutcomeSummaries_RecomputesTheRowsTheDemoSeedMaintained()
    {
        await RunAsync(["demo", "seed", .. Db]);
        var seeded = await CountAsync("SELECT COUNT(*) FROM OutcomeSummaries");
        Assert.Equal(seeded, await CountAsync("DELETE FROM OutcomeSummaries; SELECT changes()"));

        var result = await RunAsync(["db", "rebuild-outcome-summaries", .. Db]);

        Assert.True(result.Code == 0, result.Err);
        Assert.True(seeded > 0);
        Assert.Contains($"Rebuilt {seeded} outcome summaries in 1 clinic(s).", result.Out, StringComparison.Ordinal);
        Assert.Equal(seeded, await CountAsync("SELECT COUNT(*) FROM OutcomeSummaries"));
    }

    [Fact]
    public async Task Backup_OfPostgres_PointsToPgDump()
    {
        var result = await RunAsync(["backup", "--to", "x.db", "--provider", "postgres", "--connection", "Host=127.0.0.1;Database=none"]);

        Assert.Equal(2, result.Code);
        Assert.Contains("pg_dump", result.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("db", "--help")]
    [InlineData("db", "rebuild-outcome-summaries", "--help")]
    [InlineData("user", "add", "--help")]
    [InlineData("audit", "verify", "--help")]
    public async Task Help_IsAvailableEverywhere(params string[] args)
    {
        var result = await RunAsync(args);

        Assert.Equal(0, result.Code);
        Assert.Contains("Usage", result.Out, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<(int Code, string Out, string Err)> RunAsync(string[] args)
    {
        await using var output = new StringWriter();
        await using var error = new StringWriter();
        var code = await StillpointCli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private async Task<long> CountAsync(string sql, string? connectionString = null)
    {
        await using var connection = new SqliteConnection(connectionString ?? _database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
