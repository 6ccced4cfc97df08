using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Stillpoint.Core.Access;
using Stillpoint.Data;
using Stillpoint.Data.Sessions;
using Stillpoint.Web.Alerts;
using Stillpoint.Web.Assessment;
using Stillpoint.Web.Tests.Infrastructure;
using static Stillpoint.Web.Tests.Alerts.AlertTestKit;

namespace Stillpoint.Web.Tests.Alerts;

/// <summary>
/// Booster suggestions (issue 6 §5) through the API: after a response and the last dose, a reliable rise from the
/// post-response best suggests a booster with its evidence; a prescriber accepts (plan revision with the reason and one
/// more session) or dismisses with a reason, and the same evidence is not suggested again.
/// </summary>
[Collection(WebAppsDefinition.Name)]
public sealed class BoosterTests(AppsFixture apps)
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ReliableRiseAfterResponse_SuggestsBooster_PrescriberAccepts_PlanRevised(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        var plan = await ReadyToDose.PrepareAsync(app, clinic, clinic.OtherPatientId);
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        using var prescriber = await app.ClientAsAsync(clinic, Roles.Prescriber);
        var suggestion = await SuggestAsync(app, clinic, nurse, clinic.OtherPatientId);
        Assert.Equal("phq9", suggestion.GetProperty("instrumentId").GetString());
        Assert.Equal(20m, suggestion.GetProperty("baseline").GetProperty("total").GetDecimal());
        Assert.Equal(8m, suggestion.GetProperty("response").GetProperty("total").GetDecimal());
        Assert.Equal(4m, suggestion.GetProperty("best").GetProperty("total").GetDecimal());
        Assert.Equal(16m, suggestion.GetProperty("latest").GetProperty("total").GetDecimal());
        Assert.Contains(suggestion.GetProperty("rules").EnumerateArray(), r => r.GetString()!.StartsWith("Reliable rise", StringComparison.Ordinal));
        var id = suggestion.GetProperty("id").GetGuid();
        var version = suggestion.GetProperty("version").GetInt32();

        Assert.Equal(HttpStatusCode.Forbidden, (await nurse.PostJsonAsync($"/api/v1/boosters/{id}/accept", new { reason = "x", version })).StatusCode);
        Assert.Contains("reason", (await (await prescriber.PostJsonAsync($"/api/v1/boosters/{id}/accept", new { version })).FieldErrorsAsync()).Keys);

        var accepted = await (await prescriber.PostJsonAsync($"/api/v1/boosters/{id}/accept", new { reason = "Rumination back after 3 weeks", version })).ReadAsync<JsonElement>(HttpStatusCode.OK);
        Assert.Equal("accepted", accepted.GetProperty("state").GetString());
        Assert.Equal(plan.Id, accepted.GetProperty("planId").GetGuid());
        var revised = await (await prescriber.GetAsync($"/api/v1/patients/{clinic.OtherPatientId}/plans/{plan.Id}")).ReadAsync<PlanDto>(HttpStatusCode.OK);
        Assert.Equal(plan.Content.SessionCount + 1, revised.Content.SessionCount);
        Assert.Equal(accepted.GetProperty("planRevisionNumber").GetInt32(), revised.RevisionNumber);
        Assert.Contains("Rumination back after 3 weeks", revised.Revisions[0].Reason, StringComparison.Ordinal);
        Assert.StartsWith("Booster session", revised.Revisions[0].Reason, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Conflict, (await prescriber.PostJsonAsync($"/api/v1/boosters/{id}/dismiss", new { reason = "x", version = accepted.GetProperty("version").GetInt32() })).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Dismissed_IsNotSuggestedAgainForTheSameEvidence(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        using var prescriber = await app.ClientAsAsync(clinic, Roles.Prescriber);
        var suggestion = await SuggestAsync(app, clinic, nurse, clinic.PortalPatientId);
        var id = suggestion.GetProperty("id").GetGuid();

        var stale = await prescriber.PostJsonAsync($"/api/v1/boosters/{id}/dismiss", new { reason = "Life event, watch", version = suggestion.GetProperty("version").GetInt32() + 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var dismissed = await (await prescriber.PostJsonAsync($"/api/v1/boosters/{id}/dismiss", new { reason = "Life event, watch", version = suggestion.GetProperty("version").GetInt32() }))
            .ReadAsync<JsonElement>(HttpStatusCode.OK);
        Assert.Equal("dismissed", dismissed.GetProperty("state").GetString());
        Assert.Equal("Life event, watch", dismissed.GetProperty("decisionReason").GetString());

        // The sweep re-runs the rule on the same responses: nothing new.
        await ActivatorUtilities.CreateInstance<AlertSweep>(app.Services).SweepAsync(CancellationToken.None);
        var all = await BoostersAsync(nurse, clinic.PortalPatientId);
        Assert.Equal("dismissed", Assert.Single(all).GetProperty("state").GetString());

        // Accepting without any plan is refused with the reason (409): checked on a fresh suggestion for the other patient.
        var other = await SuggestAsync(app, clinic, nurse, clinic.OtherPatientId);
        var noPlan = await prescriber.PostJsonAsync($"/api/v1/boosters/{other.GetProperty("id").GetGuid()}/accept", new { reason = "go", version = other.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.Conflict, noPlan.StatusCode);
        Assert.Equal("open", (await BoostersAsync(nurse, clinic.OtherPatientId)).Single().GetProperty("state").GetString());
    }

    /// <summary>
    /// Dose 20 days ago; PHQ-9 baseline 20 and 8 (a response) before it, 4 (the best) after it, then 16: a reliable
    /// rise from 4 (and above 10, the default threshold). Returns the one suggestion.
    /// </summary>
    private static async Task<JsonElement> SuggestAsync(StillpointTestApp app, TestClinic clinic, HttpClient nurse, Guid patientId)
    {
        var now = DateTimeOffset.UtcNow;
        await app.AsSystemAsync(async services =>
        {
            var db = services.GetRequiredService<StillpointDbContext>();
            db.Add(new DosingSession { ClinicId = clinic.Id, PatientId = patientId, Phase = "Discharged", ScheduledFor = now.AddDays(-20), DosingStartedAt = now.AddDays(-20), CreatedAt = now.AddDays(-21) });
            return await db.SaveChangesAsync();
        });
        await StoreAsync(nurse, patientId, Phq9(Phq9Total(20), now.AddDays(-40)));
        await StoreAsync(nurse, patientId, Phq9(Phq9Total(8), now.AddDays(-25)));
        await StoreAsync(nurse, patientId, Phq9(Phq9Total(4), now.AddDays(-15)));
        Assert.Empty(await BoostersAsync(nurse, patientId));
        await StoreAsync(nurse, patientId, Phq9(Phq9Total(16), now.AddDays(-1)));
        return Assert.Single(await BoostersAsync(nurse, patientId));
    }

    private static async Task<List<JsonElement>> BoostersAsync(HttpClient client, Guid patientId) =>
        [.. (await (await client.GetAsync($"/api/v1/boosters?patientId={patientId}")).ReadAsync<JsonElement>(HttpStatusCode.OK)).EnumerateArray()];
}
