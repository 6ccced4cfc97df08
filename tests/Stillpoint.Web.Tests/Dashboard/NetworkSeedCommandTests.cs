using Microsoft.Data.Sqlite;
using Stillpoint.Cli;
using Stillpoint.Web.Tests.Infrastructure;

namespace Stillpoint.Web.Tests.Dashboard;

/// <summary><c>stillpoint demo seed --patients N</c> against a throwaway SQLite file.</summary>
public sealed class NetworkSeedCommandTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Sqlite();

    private string[] Db => ["--provider", "sqlite", "--connection", _database.ConnectionString];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task SeedPatients_CreatesTheNetworkClinic_ThenAddsNothingOnRerun()
    {
        var first = await RunAsync(["demo", "seed", "--patients", "20", .. Db]);
        var responses = await CountAsync("SELECT COUNT(*) FROM InstrumentResponses");
        var audited = await CountAsync("SELECT COUNT(*) FROM AuditEntries WHERE Action = 'create' AND RequestId = 'network-seed'");
        var second = await RunAsync(["demo", "seed", "--patients", "20", .. Db]);

        Assert.True(first.Code == 0, first.Err);
        Assert.Contains("Added 20 patients", first.Out, StringComparison.Ordinal);
        Assert.Equal(20L, await CountAsync("SELECT COUNT(*) FROM Patients p JOIN Clinics c ON c.Id = p.ClinicId WHERE c.Name = 'Stillpoint Synthetic Network'"));
        Assert.Equal(20L, await CountAsync("SELECT COUNT(DISTINCT PatientId) FROM TreatmentPlan"));
        Assert.InRange(responses, 20 * 10, 20 * 200); // a few to a few hundred measures each, by follow-up length
        Assert.True(await CountAsync("SELECT COUNT(*) FROM DosingSessions") >= 20 * 4);
        Assert.True(await CountAsync("SELECT COUNT(DISTINCT InstrumentId) FROM InstrumentResponses") >= 5);
        Assert.Equal(audited, await CountAsync("SELECT (SELECT COUNT(*) FROM Patients) + (SELECT COUNT(*) FROM TreatmentPlan) + (SELECT COUNT(*) FROM TreatmentPlanRevision) + (SELECT COUNT(*) FROM DosingSessions) + (SELECT COUNT(*) FROM SessionEntries) + (SELECT COUNT(*) FROM InstrumentResponses)"));
        Assert.Equal(0, second.Code);
        Assert.Contains("nothing added", second.Out, StringComparison.Ordinal);
        Assert.Equal(responses, await CountAsync("SELECT COUNT(*) FROM InstrumentResponses"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("2000000")]
    public async Task SeedPatients_OutOfRange_RefusedAndNothingCreated(string patients)
    {
        var result = await RunAsync(["demo", "seed", "--patients", patients, .. Db]);

        Assert.Equal(2, result.Code);
        Assert.Contains("--patients must be between", result.Err, StringComparison.Ordinal);
        var path = new SqliteConnectionStringBuilder(_database.ConnectionString).DataSource;
        Assert.True(!File.Exists(path) || await CountAsync("SELECT COUNT(*) FROM sqlite_master WHERE name = 'Patients'") == 0);
    }

    private static async Task<(int Code, string Out, string Err)> RunAsync(string[] args)
    {
        await using var output = new StringWriter();
        await using var error = new StringWriter();
        var code = await StillpointCli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new SqliteConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
