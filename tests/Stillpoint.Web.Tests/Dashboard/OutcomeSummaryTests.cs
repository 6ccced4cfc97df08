using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stillpoint.Core.Access;
using Stillpoint.Data;
using Stillpoint.Data.Outcomes;
using Stillpoint.Data.Responses;
using Stillpoint.Web.Dashboard;
using Stillpoint.Web.Responses;
using Stillpoint.Web.Tests.Infrastructure;
using Stillpoint.Web.Tests.Interop;

namespace Stillpoint.Web.Tests.Dashboard;

/// <summary>
/// Issue 7's outcome summaries: the dashboard and durability answer from them exactly as from the streamed responses,
/// every kind of response write keeps them in step inside its transaction, a rebuild gives the same rows, and a range
/// they cannot answer falls back to streaming.
/// </summary>
[Collection(WebAppsDefinition.Name)]
public sealed class OutcomeSummaryTests(AppsFixture apps) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("stillpoint-summaries-");

    public void Dispose() => _folder.Delete(recursive: true);

    private static string Day(int daysFromToday) => DateTime.UtcNow.AddDays(daysFromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Responses(Guid patientId) => $"/api/v1/patients/{patientId}/responses";

    private static object?[] Answers(params int[] values) => [.. values.Select(v => (object?)v)];

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SummaryPath_AnswersExactlyAsTheStreamedPath_ForEveryFilterAndGrouping(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        await OutcomeTestClinic.SeedAsync(app, clinic);
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        var clinician = (await (await nurse.GetAsync("/api/v1/outcomes/dashboard")).ReadAsync<DashboardDto>(HttpStatusCode.OK)).Clinicians.Single().Id;
        string[] filters = ["", "route=IV", "route=Intranasal", "indication=Depression", "indication=TreatmentResistantDepression", $"clinician={clinician}",
            $"from={Day(-45)}", $"from={Day(-10)}", $"to={Day(3)}", "instrument=gad7", "instrument=pcl5"];
        string[] groupings = ["", "groupBy=route", "groupBy=indication", "groupBy=inductionSessions"];
        var paths = filters.Select(f => $"/api/v1/outcomes/dashboard?{f}")
            .Concat(filters.SelectMany(f => groupings.Select(g => $"/api/v1/outcomes/durability?{f}&{g}")));

        Assert.NotEmpty(await OutcomeSummaryProbe.RowsAsync(app, clinic.Id));
        foreach (var path in paths)
        {
            var summarised = await nurse.GetStringAsync(new Uri(path, UriKind.Relative));
            var streamed = await OutcomeSummaryProbe.StreamedAsync(app, () => nurse.GetStringAsync(new Uri(path, UriKind.Relative)));
            Assert.True(streamed == summarised, $"{path}\nstreamed:   {streamed}\nsummarised: {summarised}");
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Dashboard_ReadsTheSummaryRows_WhenTheyCoverTheRange(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        await OutcomeTestClinic.SeedAsync(app, clinic);
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);

        // Tamper with the summaries only: the summary path must show it, the streamed path must not.
        await app.AsSystemAsync(services => services.GetRequiredService<StillpointDbContext>().Set<OutcomeSummaryRow>()
            .Where(s => s.ClinicId == clinic.Id && s.InstrumentId == "phq9")
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ResponseDate, (DateOnly?)null).SetProperty(r => r.DurabilityEnd, (DateOnly?)null)));
        var summarised = await (await nurse.GetAsync("/api/v1/outcomes/dashboard")).ReadAsync<DashboardDto>(HttpStatusCode.OK);
        var streamed = await OutcomeSummaryProbe.StreamedAsync(app, async () => await (await nurse.GetAsync("/api/v1/outcomes/dashboard")).ReadAsync<DashboardDto>(HttpStatusCode.OK));

        Assert.Equal((2, 0), (summarised.Outcomes.Overall.Evaluable, summarised.Outcomes.Overall.Responders));
        Assert.Equal((2, 2), (streamed.Outcomes.Overall.Evaluable, streamed.Outcomes.Overall.Responders));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ApiResponse_UpdatesTheSummary_AndACorrectionUpdatesItAgain(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        await OutcomeTestClinic.SeedAsync(app, clinic);
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        var b = clinic.OtherPatientId; // PHQ-9 16 → 4 (response) → 6, still in response
        Assert.Contains(" n=3 ", await OutcomeSummaryProbe.RowAsync(app, clinic.Id, b, "phq9"), StringComparison.Ordinal);

        var stored = await (await nurse.PostJsonAsync(Responses(b), new { instrumentId = "phq9", answers = Answers(2, 2, 2, 2, 2, 2, 2, 2, 0), context = "follow-up" }))
            .ReadAsync<ResponseDto>(HttpStatusCode.Created);
        var afterWrite = await OutcomeSummaryProbe.RowAsync(app, clinic.Id, b, "phq9");
        await nurse.PostJsonAsync($"{Responses(b)}/{stored.Id}/corrections", new { answers = Answers(1, 1, 1, 0, 0, 0, 0, 0, 0), reason = "Transcribed from the wrong form" });
        var afterCorrection = await OutcomeSummaryProbe.RowAsync(app, clinic.Id, b, "phq9");

        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString();
        Assert.Contains(" n=4 ", afterWrite, StringComparison.Ordinal);
        Assert.Contains(" latest=16@", afterWrite, StringComparison.Ordinal);
        Assert.Contains($" relapse={today} end={today}", afterWrite, StringComparison.Ordinal); // 16 is no longer a 50 % drop from 16
        Assert.Contains(" n=4 ", afterCorrection, StringComparison.Ordinal); // the corrected row replaces the superseded one
        Assert.Contains(" latest=3@", afterCorrection, StringComparison.Ordinal);
        Assert.Contains($" relapse= end={today}", afterCorrection, StringComparison.Ordinal); // back in response, censored today
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PortalPatientsOwnEntry_UpdatesTheirSummary(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        await OutcomeTestClinic.SeedAsync(app, clinic);
        using var portal = await app.ClientAsAsync(clinic, Roles.Patient);
        var a = clinic.PortalPatientId; // PHQ-9 20 → 10 (response) → 12 (relapse)

        await (await portal.PostJsonAsync(Responses(a), new { instrumentId = "phq9", answers = Answers(2, 2, 2, 2, 2, 2, 1, 1, 0), context = "follow-up" }))
            .ReadAsync<ResponseDto>(HttpStatusCode.Created);

        var row = await OutcomeSummaryProbe.RowAsync(app, clinic.Id, a, "phq9");
        Assert.Contains(" n=4 first=20@", row, StringComparison.Ordinal);
        Assert.Contains(" latest=14@", row, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RolledBackWrite_LeavesTheSummaryAsItWas(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        await OutcomeTestClinic.SeedAsync(app, clinic);
        var before = await OutcomeSummaryProbe.RowsAsync(app, clinic.Id);

        var inside = await app.AsSystemAsync(async services =>
        {
            var db = services.GetRequiredService<StillpointDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Add(Phq9(clinic.Id, clinic.OtherPatientId, DateTimeOffset.UtcNow, 20));
            await db.SaveChangesAsync();
            var seen = await db.Set<OutcomeSummaryRow>().AsNoTracking().SingleAsync(s => s.PatientId == clinic.OtherPatientId && s.InstrumentId == "phq9");
            await transaction.RollbackAsync();
            return seen.Measures;
        });

        Assert.Equal(4, inside); // maintained inside the transaction…
        Assert.Equal(before, await OutcomeSummaryProbe.RowsAsync(app, clinic.Id)); // …and gone with it
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Rebuild_AndTheCliCommand_GiveTheRowsTheWritesMaintained(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        await OutcomeTestClinic.SeedAsync(app, clinic);
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        var stored = await (await nurse.PostJsonAsync(Responses(clinic.PortalPatientId), new { instrumentId = "gad7", answers = Answers(1, 1, 1, 1, 0, 0, 0), context = "follow-up" }))
            .ReadAsync<ResponseDto>(HttpStatusCode.Created);
        await nurse.PostJsonAsync($"{Responses(clinic.PortalPatientId)}/{stored.Id}/corrections", new { answers = Answers(2, 2, 1, 1, 0, 0, 0), reason = "Misread" });
        var maintained = await OutcomeSummaryProbe.RowsAsync(app, clinic.Id);

        var written = await OutcomeSummaryProbe.RebuildAsync(app, clinic.Id);
        var rebuilt = await OutcomeSummaryProbe.RowsAsync(app, clinic.Id);
        var cli = await InteropSeed.CliAsync(app, "db", "rebuild-outcome-summaries");

        Assert.Equal(3, written); // A: PHQ-9 and GAD-7; B: PHQ-9
        Assert.Equal(maintained, rebuilt);
        Assert.True(cli.Code == 0, cli.Err);
        Assert.Contains("Rebuilt", cli.Out, StringComparison.Ordinal);
        Assert.Equal(maintained, await OutcomeSummaryProbe.RowsAsync(app, clinic.Id));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task FhirImport_SummarisesTheImportedResponses(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        var patient = await InteropSeed.SeedPatientAsync(app, clinic);

        var (empty, import) = await InteropSeed.ExportAndImportAsync(app, clinic, patient, _folder);

        Assert.True(import.Code == 0, import.Out + import.Err);
        var imported = await OutcomeSummaryProbe.RowsAsync(app, empty);
        Assert.NotEmpty(imported);
        Assert.Equal(
            (await OutcomeSummaryProbe.RowsAsync(app, clinic.Id)).Select(WithoutPatient),
            imported.Select(WithoutPatient));
        await OutcomeSummaryProbe.RebuildAsync(app, empty);
        Assert.Equal(imported, await OutcomeSummaryProbe.RowsAsync(app, empty));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task FutureDatedMeasure_ForcesTheStreamedPath_UntilTheRangeReachesIt(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        await OutcomeTestClinic.SeedAsync(app, clinic);
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        await app.AsSystemAsync(async services =>
        {
            var db = services.GetRequiredService<StillpointDbContext>();
            db.Add(Phq9(clinic.Id, clinic.OtherPatientId, DateTimeOffset.UtcNow.AddDays(3), 15)); // a relapse, dated in three days
            return await db.SaveChangesAsync();
        });

        foreach (var path in new[] { "/api/v1/outcomes/dashboard", "/api/v1/outcomes/durability", $"/api/v1/outcomes/durability?to={Day(5)}", $"/api/v1/outcomes/dashboard?to={Day(1)}" })
        {
            var answered = await nurse.GetStringAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(await OutcomeSummaryProbe.StreamedAsync(app, () => nurse.GetStringAsync(new Uri(path, UriKind.Relative))), answered);
        }

        // Today's view leaves the future relapse out (B still in response); a range reaching it counts it.
        var today = await (await nurse.GetAsync("/api/v1/outcomes/durability")).ReadAsync<DurabilityDto>(HttpStatusCode.OK);
        var reaching = await (await nurse.GetAsync($"/api/v1/outcomes/durability?to={Day(5)}")).ReadAsync<DurabilityDto>(HttpStatusCode.OK);
        Assert.Equal(1, today.Overall.Relapses);
        Assert.Equal(2, reaching.Overall.Relapses);
    }

    private static string WithoutPatient(string row) => row[(row.IndexOf(' ', StringComparison.Ordinal) + 1)..];

    private static InstrumentResponse Phq9(Guid clinicId, Guid patientId, DateTimeOffset at, int total) => new()
    {
        ClinicId = clinicId, PatientId = patientId, InstrumentId = "phq9", InstrumentVersion = "1.0.0", Answers = "[]", AnsweredAt = at, RecordedAt = at,
        EnteredBy = ResponseValues.EnteredByStaff, Context = "follow-up", Status = ResponseValues.Complete, Total = total, Flags = "[]", Subscales = "{}",
        IsComplete = true, Explanation = "[]",
    };
}
