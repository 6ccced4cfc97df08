using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Stillpoint.Core.Plans;
using Stillpoint.Core.Access;
using Stillpoint.Data;
using Stillpoint.Data.Assessment;
using Stillpoint.Data.Sessions;
using Stillpoint.Web.Alerts;
using Stillpoint.Web.FollowUp;
using Stillpoint.Web.Tests.Infrastructure;
using static Stillpoint.Web.Tests.Alerts.AlertTestKit;

namespace Stillpoint.Web.Tests.Alerts;

/// <summary>
/// The follow-up sweep with a clock the test sets (nothing sleeps): unacknowledged high alerts escalate to the
/// prescribers after the clinic's time, once; an acknowledged one does not; booked sessions not started after the
/// grace become missed-session alerts, once. Clinic settings change the timings.
/// </summary>
[Collection(WebAppsDefinition.Name)]
public sealed class AlertSweepTests(AppsFixture apps)
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UnacknowledgedHighAlert_EscalatesToPrescribersAfterTheClinicTime_Once(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var patient = await app.ClientAsAsync(clinic, Roles.Patient);
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        var answeredAt = DateTimeOffset.UtcNow.AddMinutes(-1);
        await StoreAsync(patient, clinic.PortalPatientId, Phq9([0, 0, 0, 0, 0, 0, 0, 0, 1], answeredAt));
        var clock = new SettableClock(answeredAt.AddMinutes(29));
        var sweep = ActivatorUtilities.CreateInstance<AlertSweep>(app.Services, (TimeProvider)clock);

        // Default 30 minutes (AlertSettings.Default): not yet at 29.
        await sweep.SweepAsync(CancellationToken.None);
        Assert.Equal(JsonValueKind.Null, (await AlertsAsync(nurse)).Single().GetProperty("escalatedAt").ValueKind);

        clock.Set(answeredAt.AddMinutes(31));
        await sweep.SweepAsync(CancellationToken.None);
        await sweep.SweepAsync(CancellationToken.None);
        var alert = (await AlertsAsync(nurse)).Single();
        Assert.NotEqual(JsonValueKind.Null, alert.GetProperty("escalatedAt").ValueKind);
        Assert.StartsWith(Roles.Prescriber, alert.GetProperty("escalatedTo").GetString(), StringComparison.Ordinal);
        var escalations = (await OutboxAsync(app, clinic.Id)).Where(m => m.Kind == "alert-escalation").ToList();
        Assert.Equal(clinic.Emails[Roles.Prescriber], Assert.Single(escalations).RecipientAddress);
        using var payload = JsonDocument.Parse(escalations[0].Payload);
        Assert.DoesNotMatch("[0-9]", payload.RootElement.GetProperty("Subject").GetString() + payload.RootElement.GetProperty("Text").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AcknowledgedInTime_DoesNotEscalate_AndClinicSettingsSetTheTime(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var admin = await app.ClientAsAsync(clinic, Roles.ClinicAdmin);
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        var settings = new { overdueThresholdMinutes = 60, missedSessionGraceMinutes = 30, escalateAfterMinutes = 5, boosterResponsePercent = 50, boosterThresholds = new Dictionary<string, decimal> { ["phq9"] = 12 }, version = 0 };
        var saved = await (await admin.PutJsonAsync("/api/v1/alerts/settings", settings)).ReadAsync<JsonElement>(HttpStatusCode.OK);
        Assert.Equal(5, saved.GetProperty("escalateAfterMinutes").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PutJsonAsync("/api/v1/alerts/settings", settings)).StatusCode); // version 0 is stale now
        Assert.Equal(HttpStatusCode.Forbidden, (await nurse.PutJsonAsync("/api/v1/alerts/settings", settings)).StatusCode);
        var bad = await admin.PutJsonAsync("/api/v1/alerts/settings", settings with { escalateAfterMinutes = 0, boosterResponsePercent = 150, boosterThresholds = new Dictionary<string, decimal> { ["phq9"] = 40, ["gad7"] = 5 }, version = 1 });
        Assert.Equal("boosterResponsePercent,boosterThresholds.gad7,boosterThresholds.phq9,escalateAfterMinutes", string.Join(",", (await bad.FieldErrorsAsync()).Keys.Order(StringComparer.Ordinal)));

        var answeredAt = DateTimeOffset.UtcNow.AddMinutes(-1);
        await StoreAsync(nurse, clinic.PortalPatientId, Phq9([0, 0, 0, 0, 0, 0, 0, 0, 1], answeredAt));
        await StoreAsync(nurse, clinic.OtherPatientId, Phq9([0, 0, 0, 0, 0, 0, 0, 0, 2], answeredAt));
        var acknowledged = (await AlertsAsync(nurse, $"?patientId={clinic.PortalPatientId}")).Single();
        await (await nurse.PostJsonAsync($"/api/v1/alerts/{acknowledged.GetProperty("id").GetGuid()}/acknowledge", new { version = acknowledged.GetProperty("version").GetInt32() }))
            .ReadAsync<JsonElement>(HttpStatusCode.OK);

        var clock = new SettableClock(answeredAt.AddMinutes(6));
        await ActivatorUtilities.CreateInstance<AlertSweep>(app.Services, (TimeProvider)clock).SweepAsync(CancellationToken.None);
        Assert.Equal(JsonValueKind.Null, (await AlertsAsync(nurse, $"?patientId={clinic.PortalPatientId}")).Single().GetProperty("escalatedAt").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, (await AlertsAsync(nurse, $"?patientId={clinic.OtherPatientId}")).Single().GetProperty("escalatedAt").ValueKind);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task BookedSessionNotStarted_AfterTheGrace_IsAMissedSessionAlert_Once(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        // A month back: the server's own background sweep (real clock, 14-day look-back) leaves it to this test's clock.
        var bookedFor = DateTimeOffset.UtcNow.AddDays(-30);
        var sessionId = await app.AsSystemAsync(async services =>
        {
            var db = services.GetRequiredService<StillpointDbContext>();
            var session = new DosingSession { ClinicId = clinic.Id, PatientId = clinic.OtherPatientId, ScheduledFor = bookedFor, CreatedAt = bookedFor.AddDays(-2) };
            db.Add(session);
            await db.SaveChangesAsync();
            return session.Id;
        });
        var clock = new SettableClock(bookedFor.AddMinutes(59));
        var sweep = ActivatorUtilities.CreateInstance<AlertSweep>(app.Services, (TimeProvider)clock);
        await sweep.SweepAsync(CancellationToken.None);
        Assert.Empty(await AlertsAsync(nurse));

        clock.Set(bookedFor.AddMinutes(61));
        await sweep.SweepAsync(CancellationToken.None);
        await sweep.SweepAsync(CancellationToken.None);
        var alert = Assert.Single(await AlertsAsync(nurse));
        Assert.Equal("MissedSession", alert.GetProperty("kind").GetString());
        Assert.Equal("Medium", alert.GetProperty("severity").GetString());
        Assert.Equal(sessionId.ToString(), alert.GetProperty("sourceRef").GetString());
        Assert.Equal(3, (await OutboxAsync(app, clinic.Id)).Count);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UnansweredScheduledQuestionnaires_PastTheThreshold_AreLowAlerts_InboxOnly_Once(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        await ReadyToDose.PrepareAsync(app, clinic, clinic.OtherPatientId);
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        var sweep = ActivatorUtilities.CreateInstance<AlertSweep>(app.Services, (TimeProvider)new SettableClock(DateTimeOffset.UtcNow.AddDays(20)));

        // Twenty days into an active plan with nothing answered: the weekly PHQ-9 (at least) is overdue beyond 1 day.
        await sweep.SweepAsync(CancellationToken.None);
        var first = await AlertsAsync(nurse, "?kind=OverdueMeasure");
        Assert.NotEmpty(first);
        Assert.All(first, a => Assert.Equal("Low", a.GetProperty("severity").GetString()));
        Assert.All(first, a => Assert.Equal(clinic.OtherPatientId, a.GetProperty("patientId").GetGuid()));
        Assert.Contains(first, a => a.GetProperty("instrumentId").GetString() == "phq9");
        Assert.Empty(await OutboxAsync(app, clinic.Id)); // low severity: inbox only

        await sweep.SweepAsync(CancellationToken.None);
        Assert.Equal(first.Count, (await AlertsAsync(nurse, "?kind=OverdueMeasure")).Count);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task WhenMorePatientsAreFollowedThanOneBatch_LaterPassesReachTheRest(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        await ReadyToDose.PrepareAsync(app, clinic, clinic.PortalPatientId);
        await ReadyToDose.PrepareAsync(app, clinic, clinic.OtherPatientId);
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        var clock = new SettableClock(DateTimeOffset.UtcNow.AddDays(20));
        var followedSince = clock.GetUtcNow() - ScheduleSources.FollowUpAfterCourse; // the sweep's own candidates
        var followed = await app.AsSystemAsync(services => services.GetRequiredService<StillpointDbContext>().Set<TreatmentPlan>()
            .Where(p => p.Status == PlanStatus.Active || (p.Status == PlanStatus.Completed && p.EndedAt >= followedSince)).Select(p => p.PatientId).Distinct().CountAsync());
        var batch = Math.Max(1, followed / 2); // smaller than the followed patients: one pass cannot reach them all
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["FollowUp:AlertSweepBatch"] = batch.ToString(CultureInfo.InvariantCulture) }).Build();
        var sweep = ActivatorUtilities.CreateInstance<AlertSweep>(app.Services, (TimeProvider)clock, (IConfiguration)settings);
        async Task<int> AlertedPatientsAsync() => (await AlertsAsync(nurse, "?kind=OverdueMeasure")).Select(a => a.GetProperty("patientId").GetGuid()).Distinct().Count();

        // These two patients are the newest (time-ordered ids sort last): the first window stops before at least one.
        await sweep.SweepAsync(CancellationToken.None);
        Assert.True(await AlertedPatientsAsync() < 2);

        for (var pass = 0; pass <= (followed / batch) + 1; pass++)
        {
            await sweep.SweepAsync(CancellationToken.None);
        }

        Assert.Equal(2, await AlertedPatientsAsync());
    }
}
