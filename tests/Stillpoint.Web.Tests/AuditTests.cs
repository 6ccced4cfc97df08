using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stillpoint.Cli;
using Stillpoint.Core.Access;
using Stillpoint.Data;
using Stillpoint.Web.Audit;
using Stillpoint.Web.Patients;
using Stillpoint.Web.Tests.Infrastructure;

namespace Stillpoint.Web.Tests;

[Collection(WebAppsDefinition.Name)]
public sealed class AuditTests(AppsFixture apps)
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ReadsAndWrites_AreAuditedWithWhoWhatAndRequest(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        using var admin = await app.ClientAsAsync(clinic, Roles.ClinicAdmin);
        var created = await (await nurse.PostJsonAsync("/api/v1/patients", new PatientUpdate($"AU-{clinic.Tag}", "Ada", "Audit", new DateOnly(1970, 1, 1), Core.Patients.Sex.Female, null, null, null, null, null)))
            .ReadAsync<PatientDto>(HttpStatusCode.Created);
        await nurse.GetAsync($"/api/v1/patients/{created.Id}");

        var trail = await (await admin.GetAsync($"/api/v1/audit?patientId={created.Id}")).ReadAsync<AuditPage>(HttpStatusCode.OK);

        var read = Assert.Single(trail.Items, e => e.Action == "read");
        var write = Assert.Single(trail.Items, e => e.Action == "create");
        Assert.All([read, write], e =>
        {
            Assert.Equal(Roles.Nurse, e.Role);
            Assert.Equal(clinic.Emails[Roles.Nurse], e.UserEmail);
            Assert.Equal("Patient", e.EntityType);
            Assert.Equal(created.Id.ToString(), e.EntityId);
            Assert.False(string.IsNullOrEmpty(e.RequestId));
        });
        Assert.True(read.Sequence > write.Sequence);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AuditLog_OfAnotherClinic_IsNotVisible(string provider)
    {
        var app = apps[provider];
        var mine = await app.NewClinicAsync();
        var theirs = await app.NewClinicAsync();
        using (var theirNurse = await app.ClientAsAsync(theirs, Roles.Nurse))
        {
            await theirNurse.GetAsync($"/api/v1/patients/{theirs.OtherPatientId}");
        }

        using var admin = await app.ClientAsAsync(mine, Roles.ClinicAdmin);
        var trail = await (await admin.GetAsync($"/api/v1/audit?patientId={theirs.OtherPatientId}")).ReadAsync<AuditPage>(HttpStatusCode.OK);

        Assert.Equal(0, trail.Total);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AuditVerify_PassesOnAnIntactChain_AndNamesTheEntryAlteredInTheDatabase(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        await nurse.GetAsync($"/api/v1/patients/{clinic.OtherPatientId}");
        var cli = new[] { "audit", "verify", "--provider", app.Provider, "--connection", app.Database.ConnectionString };

        var intact = await RunCliAsync(cli);
        Assert.True(intact.Code == 0, intact.Err);

        var victim = await app.AsSystemAsync(async services =>
        {
            var db = services.GetRequiredService<StillpointDbContext>();
            var entry = await db.AuditEntries.Where(a => a.PatientId == clinic.OtherPatientId && a.Action == "read").OrderBy(a => a.Sequence).FirstAsync();
            // Tamper as an attacker with database access would: rewrite who read the record.
            await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"Role\" = 'Therapist' WHERE \"Sequence\" = {entry.Sequence}");
            return entry.Sequence;
        });
        var broken = await RunCliAsync(cli);

        Assert.NotEqual(0, broken.Code);
        Assert.Contains($"entry {victim}", broken.Err, StringComparison.Ordinal);
        Assert.Contains("altered", broken.Err, StringComparison.Ordinal);

        // Put it back so the other tests sharing this database keep an intact chain.
        await app.AsSystemAsync(async services =>
        {
            var db = services.GetRequiredService<StillpointDbContext>();
            return await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"Role\" = 'Nurse' WHERE \"Sequence\" = {victim}");
        });
        Assert.Equal(0, (await RunCliAsync(cli)).Code);
    }

    private static async Task<(int Code, string Out, string Err)> RunCliAsync(string[] args)
    {
        await using var output = new StringWriter();
        await using var error = new StringWriter();
        var code = await StillpointCli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
