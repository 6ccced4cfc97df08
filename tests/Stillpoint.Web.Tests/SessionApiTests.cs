using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stillpoint.Core.Access;
using Stillpoint.Core.Sessions;
using Stillpoint.Data.Entities;
using Stillpoint.Web.Tests.Infrastructure;

namespace Stillpoint.Web.Tests;

[Collection(WebAppsDefinition.Name)]
public sealed class SessionApiTests(AppsFixture apps)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task FullSession_FromCheckInToDischarge(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        var prescriberId = await UserIdAsync(app, clinic, Roles.Prescriber);
        var lot = $"LOT-{clinic.Tag}";
        await ReceiveAsync(nurse, lot, 500m);

        var id = await ScheduleAsync(app, clinic, nurse, clinic.OtherPatientId);
        await MoveAsync(nurse, id, "CheckedIn", HttpStatusCode.OK);
        await MoveAsync(nurse, id, "Preparation", HttpStatusCode.OK);
        var prep = await (await nurse.PutJsonAsync($"/api/v1/sessions/{id}/preparation", new
        {
            version = await VersionAsync(nurse, id), intention = "Let go of the loop", fastingConfirmed = true, escortConfirmed = true,
            pregnancy = "notApplicable", medicationsReviewed = true,
        })).ReadAsync<JsonElement>(HttpStatusCode.OK);
        Assert.Equal("Preparation", prep.GetProperty("phase").GetString());

        // Dosing before the go/no-go is refused with the reason (issue 5 §1 guard).
        var refused = await MoveAsync(nurse, id, "Dosing", HttpStatusCode.Conflict);
        Assert.Contains("go/no-go", refused, StringComparison.Ordinal);

        await VitalsAsync(nurse, id, new { takenAt = Now.AddHours(-3.2), systolic = 124, diastolic = 78, heartRate = 72, spO2 = 98, respiratoryRate = 14 }, HttpStatusCode.Created);
        var go = await (await nurse.PostJsonAsync($"/api/v1/sessions/{id}/go-no-go", new { })).ReadAsync<JsonElement>(HttpStatusCode.OK);
        Assert.Equal("go", go.GetProperty("verdict").GetString());
        await MoveAsync(nurse, id, "Dosing", HttpStatusCode.OK);

        var admin = await (await nurse.PostJsonAsync($"/api/v1/sessions/{id}/administrations", new
        {
            drug = "ketamine", route = "intravenous", doseMg = 35.5m, lotNumber = lot, lotExpiry = DateOnly.FromDateTime(Now.UtcDateTime.AddYears(1)),
            startedAt = Now.AddHours(-3), witnessId = prescriberId,
        })).ReadAsync<JsonElement>(HttpStatusCode.Created);

        // A high BP during dosing raises an alert (§14.3 180/100 default).
        var vitals = await VitalsAsync(nurse, id, new { takenAt = Now.AddHours(-2.5), systolic = 190, diastolic = 95, heartRate = 90, spO2 = 97, respiratoryRate = 16 }, HttpStatusCode.Created);
        var alerts = vitals.GetProperty("alerts").EnumerateArray().ToList();
        Assert.Contains(alerts, a => a.GetProperty("code").GetString() == SafetyRules.SystolicHigh);

        // Integration needs the administration ended.
        await MoveAsync(nurse, id, "Integration", HttpStatusCode.Conflict);
        await nurse.PostJsonAsync($"/api/v1/sessions/{id}/administrations/{admin.GetProperty("id").GetGuid()}/end", new { endedAt = Now.AddHours(-2.4) });
        await MoveAsync(nurse, id, "Integration", HttpStatusCode.OK);

        // Discharge refused: lists every unmet criterion.
        var discharge = await nurse.PostAsync($"/api/v1/sessions/{id}/discharge", null);
        var problem = await discharge.ReadAsync<JsonElement>(HttpStatusCode.Conflict);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("not acknowledged", detail, StringComparison.Ordinal);
        Assert.Contains("MOAA/S", detail, StringComparison.Ordinal);
        Assert.Contains("No vitals taken after the end of dosing", detail, StringComparison.Ordinal);

        foreach (var alert in alerts)
        {
            (await nurse.PostJsonAsync($"/api/v1/sessions/{id}/alerts/{alert.GetProperty("id").GetGuid()}/acknowledge", new { actionTaken = "Rechecked, informed prescriber" }))
                .EnsureSuccessStatusCode();
        }

        await VitalsAsync(nurse, id, new { systolic = 128, diastolic = 82, heartRate = 74, spO2 = 98, respiratoryRate = 14 }, HttpStatusCode.Created);
        (await nurse.PostJsonAsync($"/api/v1/sessions/{id}/ratings", new { moaas = 5, cadss6 = 2 })).EnsureSuccessStatusCode();
        (await nurse.PostJsonAsync($"/api/v1/sessions/{id}/observations", new { state = "calm", text = "settled" })).EnsureSuccessStatusCode();
        var done = await (await nurse.PostAsync($"/api/v1/sessions/{id}/discharge", null)).ReadAsync<JsonElement>(HttpStatusCode.OK);
        Assert.Equal("Discharged", done.GetProperty("phase").GetString());

        var detailDoc = await (await nurse.GetAsync($"/api/v1/sessions/{id}")).ReadAsync<JsonElement>(HttpStatusCode.OK);
        var kinds = detailDoc.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Contains("administration", kinds);
        Assert.Contains("acknowledgement", kinds);
        Assert.Equal(5, kinds.Count(k => k == "transition")); // refused transitions are not recorded

        // The dose was dispensed from the lot, to the milligram.
        var balances = await (await nurse.GetAsync("/api/v1/ledger/balances")).ReadAsync<JsonElement>(HttpStatusCode.OK);
        Assert.Equal(464.5m, balances.EnumerateArray().Single(b => b.GetProperty("lotNumber").GetString() == lot).GetProperty("balanceMg").GetDecimal());

        // Discharged is final.
        await MoveAsync(nurse, id, "Aborted", HttpStatusCode.Conflict, "late");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Scheduling_NeedsIssue4Prerequisites_AndRecordsThePlanRevisionDoseAndWeight(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        var patient = clinic.OtherPatientId;
        var url = $"/api/v1/patients/{patient}/sessions";

        // Nothing in place: 409 naming every missing prerequisite, and nothing stored.
        var refused = await (await nurse.PostJsonAsync(url, new { scheduledFor = Now })).ReadAsync<JsonElement>(HttpStatusCode.Conflict);
        var detail = refused.GetProperty("detail").GetString()!;
        Assert.Contains("Eligibility has not been signed", detail, StringComparison.Ordinal);
        Assert.Contains("No signed consent", detail, StringComparison.Ordinal);
        Assert.Contains("No active treatment plan", detail, StringComparison.Ordinal);
        Assert.Empty((await (await nurse.GetAsync(url)).ReadAsync<JsonElement>(HttpStatusCode.OK)).EnumerateArray());
        Assert.Contains("scheduledFor", (await (await nurse.PostJsonAsync(url, new { })).FieldErrorsAsync()).Keys);

        var plan = await ReadyToDose.PrepareAsync(app, clinic, patient);

        // A client that shows another revision or dose is refused rather than scheduled with a different dose.
        Assert.Equal(HttpStatusCode.Conflict, (await nurse.PostJsonAsync(url, new { scheduledFor = Now, planRevisionId = Guid.NewGuid() })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await nurse.PostJsonAsync(url, new { scheduledFor = Now, computedDoseMg = 40m })).StatusCode);

        var revisionId = await app.AsSystemAsync(services => services.GetRequiredService<Stillpoint.Data.StillpointDbContext>().Set<Stillpoint.Data.Assessment.TreatmentPlanRevision>()
            .Where(r => r.PlanId == plan.Id && r.Number == plan.RevisionNumber).Select(r => r.Id).SingleAsync());
        var session = await (await nurse.PostJsonAsync(url, new { scheduledFor = Now, planRevisionId = revisionId, computedDoseMg = ReadyToDose.DoseMg }))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);
        Assert.Equal(revisionId, session.GetProperty("planRevisionId").GetGuid());
        Assert.Equal(ReadyToDose.DoseMg, session.GetProperty("computedDoseMg").GetDecimal());
        Assert.Equal(ReadyToDose.WeightKg, session.GetProperty("weightKgUsed").GetDecimal());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task InvalidTransitions_Answer409WithTheReason(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        var id = await ScheduleAsync(app, clinic, nurse, clinic.OtherPatientId);

        Assert.Contains("next phase is CheckedIn", await MoveAsync(nurse, id, "Dosing", HttpStatusCode.Conflict), StringComparison.Ordinal);
        Assert.Contains("reason", await MoveAsync(nurse, id, "Aborted", HttpStatusCode.Conflict), StringComparison.Ordinal);
        await MoveAsync(nurse, id, "Aborted", HttpStatusCode.OK, "patient unwell");
        await MoveAsync(nurse, id, "CheckedIn", HttpStatusCode.Conflict);
        var bad = await nurse.PostJsonAsync($"/api/v1/sessions/{id}/transitions", new { });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("to", (await bad.FieldErrorsAsync()).Keys);
        Assert.Equal(HttpStatusCode.NotFound, (await nurse.PostJsonAsync($"/api/v1/sessions/{Guid.NewGuid()}/transitions", new { to = "CheckedIn" })).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task IdempotentRetries_StoreOnce_AndReturnTheOriginalResult(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        var id = await ScheduleAsync(app, clinic, nurse, clinic.OtherPatientId);
        await MoveAsync(nurse, id, "CheckedIn", HttpStatusCode.OK);
        var body = new { takenAt = Now.AddMinutes(-1), systolic = 120, diastolic = 80, heartRate = 70, spO2 = 98, respiratoryRate = 14 };
        var key = Guid.NewGuid().ToString();

        // The same request sent 10 times at once and 5 times after: one row, one answer.
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => SendVitalsAsync(nurse, id, body, key)));
        for (var i = 0; i < 5; i++)
        {
            answers = [.. answers, await SendVitalsAsync(nurse, id, body, key)];
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.Status));
        Assert.Single(answers.Select(a => a.Body).Distinct(StringComparer.Ordinal));
        Assert.Equal(1, await CountAsync(nurse, id, "vitals"));

        // The same key with a different body is refused, and the batch form is idempotent too.
        var other = await SendVitalsAsync(nurse, id, body with { systolic = 121 }, key);
        Assert.Equal(HttpStatusCode.Conflict, other.Status);
        var batchKey = Guid.NewGuid().ToString();
        var batch = new { readings = new[] { body, body with { heartRate = 71 }, body with { heartRate = 72 } } };
        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/sessions/{id}/vitals/batch") { Content = JsonContent(batch) };
            request.Headers.Add("Idempotency-Key", batchKey);
            Assert.Equal(HttpStatusCode.Created, (await nurse.SendAsync(request)).StatusCode);
        }

        Assert.Equal(4, await CountAsync(nurse, id, "vitals"));

        // Missing key or bad values: ProblemDetails with the field, nothing stored.
        using var noKey = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/sessions/{id}/vitals") { Content = JsonContent(body) };
        var missing = await nurse.SendAsync(noKey);
        Assert.Contains("Idempotency-Key", (await missing.FieldErrorsAsync()).Keys);
        var invalid = await SendVitalsAsync(nurse, id, body with { spO2 = 140 }, Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        Assert.Equal(4, await CountAsync(nurse, id, "vitals"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task DevicePostingConcurrentlyWithNurseEdits_LosesNothing(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var device = await app.ClientAsAsync(clinic, Roles.Nurse);
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        var id = await ScheduleAsync(app, clinic, nurse, clinic.OtherPatientId);
        await MoveAsync(nurse, id, "CheckedIn", HttpStatusCode.OK);
        await MoveAsync(nurse, id, "Preparation", HttpStatusCode.OK);

        var deviceTask = Task.WhenAll(Enumerable.Range(0, 60).Select(i => SendVitalsAsync(device, id,
            new { takenAt = Now.AddSeconds(-i), systolic = 120, diastolic = 80, heartRate = 60 + (i % 30), spO2 = 98, respiratoryRate = 14 }, $"dev-{i}")));
        var nurseTask = Task.Run(async () =>
        {
            for (var i = 0; i < 8; i++)
            {
                // A versioned edit: on a 409 (another edit won) reload and apply again — never a silent overwrite.
                HttpResponseMessage put;
                do
                {
                    put = await nurse.PutJsonAsync($"/api/v1/sessions/{id}/preparation", new { version = await VersionAsync(nurse, id), intention = $"edit {i}", fastingConfirmed = true });
                }
                while (put.StatusCode == HttpStatusCode.Conflict);
                put.EnsureSuccessStatusCode();
                (await nurse.PostJsonAsync($"/api/v1/sessions/{id}/notes", new { text = $"note {i}" })).EnsureSuccessStatusCode();
            }
        });
        var results = await deviceTask;
        await nurseTask;

        Assert.All(results, r => Assert.Equal(HttpStatusCode.Created, r.Status));
        Assert.Equal(60, await CountAsync(nurse, id, "vitals"));
        Assert.Equal(8, await CountAsync(nurse, id, "note"));
        var session = await (await nurse.GetAsync($"/api/v1/sessions/{id}")).ReadAsync<JsonElement>(HttpStatusCode.OK);
        Assert.Equal("edit 7", session.GetProperty("session").GetProperty("intention").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Ledger_NeverGoesNegative_EvenConcurrently(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        var witness = await UserIdAsync(app, clinic, Roles.Prescriber);
        var lot = $"L-{clinic.Tag}";
        await ReceiveAsync(nurse, lot, 100m);

        var answers = await Task.WhenAll(Enumerable.Range(0, 14).Select(_ =>
            nurse.PostJsonAsync("/api/v1/ledger/entries", new { kind = "dispensed", lotNumber = lot, amountMg = 10m, sessionId = Guid.NewGuid() })));
        Assert.Equal(10, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, a.StatusCode.ToString()));

        var waste = await nurse.PostJsonAsync("/api/v1/ledger/entries", new { kind = "wasted", lotNumber = lot, amountMg = 0.5m, witnessId = witness });
        Assert.Equal(HttpStatusCode.Conflict, waste.StatusCode);
        var noWitness = await nurse.PostJsonAsync("/api/v1/ledger/entries", new { kind = "wasted", lotNumber = lot, amountMg = 0.5m });
        Assert.Contains("witnessId", (await noWitness.FieldErrorsAsync()).Keys);
        (await nurse.PostJsonAsync("/api/v1/ledger/entries", new { kind = "adjusted", lotNumber = lot, amountMg = 1.25m, reason = "recount" })).EnsureSuccessStatusCode();
        (await nurse.PostJsonAsync("/api/v1/ledger/entries", new { kind = "wasted", lotNumber = lot, amountMg = 0.25m, witnessId = witness })).EnsureSuccessStatusCode();

        var report = await (await nurse.GetAsync("/api/v1/ledger/reconciliation")).ReadAsync<JsonElement>(HttpStatusCode.OK);
        var row = report.GetProperty("lots").EnumerateArray().Single(l => l.GetProperty("lotNumber").GetString() == lot);
        Assert.Equal(1m, row.GetProperty("closingMg").GetDecimal());
        Assert.Equal(100m, row.GetProperty("dispensedMg").GetDecimal());
    }

    private static StringContent JsonContent(object body) => new(JsonSerializer.Serialize(body, ApiJson.Options), System.Text.Encoding.UTF8, "application/json");

    private static async Task<(HttpStatusCode Status, string Body)> SendVitalsAsync(HttpClient client, Guid id, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/sessions/{id}/vitals") { Content = JsonContent(body) };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonElement> VitalsAsync(HttpClient client, Guid id, object body, HttpStatusCode expected)
    {
        var (status, text) = await SendVitalsAsync(client, id, body, Guid.NewGuid().ToString());
        Assert.True(status == expected, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<Guid> ScheduleAsync(StillpointTestApp app, TestClinic clinic, HttpClient client, Guid patientId)
    {
        await ReadyToDose.PrepareAsync(app, clinic, patientId);
        var created = await (await client.PostJsonAsync($"/api/v1/patients/{patientId}/sessions", new { scheduledFor = Now }))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);
        return created.GetProperty("id").GetGuid();
    }

    private static async Task<string> MoveAsync(HttpClient client, Guid id, string to, HttpStatusCode expected, string? reason = null)
    {
        var response = await client.PostJsonAsync($"/api/v1/sessions/{id}/transitions", new { to, reason });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{to}: {(int)response.StatusCode} {text}");
        return text;
    }

    private static async Task<int> VersionAsync(HttpClient client, Guid id) =>
        (await (await client.GetAsync($"/api/v1/sessions/{id}")).ReadAsync<JsonElement>(HttpStatusCode.OK)).GetProperty("session").GetProperty("version").GetInt32();

    private static async Task<int> CountAsync(HttpClient client, Guid id, string kind) =>
        (await (await client.GetAsync($"/api/v1/sessions/{id}")).ReadAsync<JsonElement>(HttpStatusCode.OK))
            .GetProperty("timeline").EnumerateArray().Count(e => e.GetProperty("kind").GetString() == kind);

    private static async Task ReceiveAsync(HttpClient client, string lot, decimal mg) =>
        (await client.PostJsonAsync("/api/v1/ledger/entries", new
        {
            kind = "received", lotNumber = lot, amountMg = mg, expiry = DateOnly.FromDateTime(Now.UtcDateTime.AddYears(1)), concentrationMgPerMl = 50m,
        })).EnsureSuccessStatusCode();

    private static Task<Guid> UserIdAsync(StillpointTestApp app, TestClinic clinic, string role) => app.AsSystemAsync(async services =>
        (await services.GetRequiredService<UserManager<StillpointUser>>().FindByEmailAsync(clinic.Emails[role]))!.Id);
}
