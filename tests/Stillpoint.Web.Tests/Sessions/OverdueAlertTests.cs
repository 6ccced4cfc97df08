using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Stillpoint.Core.Access;
using Stillpoint.Core.Sessions;
using Stillpoint.Web.Sessions;
using Stillpoint.Web.Tests.Infrastructure;

namespace Stillpoint.Web.Tests.Sessions;

/// <summary>
/// Overdue scheduled vitals checks become alerts (issue 5 §4–5): written once per (session, check) even when several
/// nodes sweep at once, shown with the open alerts, and blocking discharge until acknowledged. A settable clock
/// drives the sweeper; nothing sleeps.
/// </summary>
[Collection(WebAppsDefinition.Name)]
public sealed class OverdueAlertTests(AppsFixture apps)
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task OverdueChecks_BecomeAlertsOnce_AndBlockDischargeUntilAcknowledged(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        var doseAt = DateTimeOffset.UtcNow.AddMinutes(-1);
        var (id, _) = await SessionFlow.StartDosingAsync(app, clinic, nurse, clinic.OtherPatientId, doseAt);
        var clock = new SettableClock(doseAt.AddMinutes(10));
        var nodeA = ActivatorUtilities.CreateInstance<OverdueAlertService>(app.Services, (TimeProvider)clock);
        var nodeB = ActivatorUtilities.CreateInstance<OverdueAlertService>(app.Services, (TimeProvider)clock);

        // 10 min after the dose nothing is due yet (routine every 15 min + 2 min grace; BP at 40 ± 5 min, §12.2).
        await nodeA.SweepAsync(CancellationToken.None);
        Assert.Empty(await OverdueAlertsAsync(nurse, id));

        // 50 min: the routine check (due at 15) and the 40-minute BP check (window ends at 45) are overdue.
        clock.Set(doseAt.AddMinutes(50));
        await Task.WhenAll(nodeA.SweepAsync(CancellationToken.None), nodeB.SweepAsync(CancellationToken.None));
        await nodeB.SweepAsync(CancellationToken.None);
        var alerts = await OverdueAlertsAsync(nurse, id);
        Assert.Equal(2, alerts.Count);
        Assert.Contains(alerts, a => a.GetProperty("explanation").GetString()!.StartsWith("BP at 40 min", StringComparison.Ordinal));

        // They are on the monitor and block discharge until acknowledged.
        var monitor = await (await nurse.GetAsync("/api/v1/sessions/in-progress")).ReadAsync<JsonElement>(HttpStatusCode.OK);
        var row = monitor.EnumerateArray().Single(r => r.GetProperty("sessionId").GetGuid() == id);
        Assert.Equal(2, row.GetProperty("openAlerts").EnumerateArray().Count(a => a.GetProperty("code").GetString() == SafetyRules.OverdueCheck));
        var discharge = await (await nurse.GetAsync($"/api/v1/sessions/{id}/discharge")).ReadAsync<JsonElement>(HttpStatusCode.OK);
        Assert.Contains(discharge.GetProperty("unmet").EnumerateArray(), c => c.GetProperty("code").GetString() == "unacknowledged-alerts");

        foreach (var alert in alerts)
        {
            (await nurse.PostJsonAsync($"/api/v1/sessions/{id}/alerts/{alert.GetProperty("id").GetGuid()}/acknowledge", new { actionTaken = "vitals taken now" }))
                .EnsureSuccessStatusCode();
        }

        // An acknowledged overdue check is not raised again by a later sweep at the same due time.
        await nodeA.SweepAsync(CancellationToken.None);
        Assert.Empty(await OverdueAlertsAsync(nurse, id));
        var after = await (await nurse.GetAsync($"/api/v1/sessions/{id}/discharge")).ReadAsync<JsonElement>(HttpStatusCode.OK);
        Assert.DoesNotContain(after.GetProperty("unmet").EnumerateArray(), c => c.GetProperty("code").GetString() == "unacknowledged-alerts");
    }

    private static async Task<List<JsonElement>> OverdueAlertsAsync(HttpClient client, Guid id) =>
        [.. (await (await client.GetAsync($"/api/v1/sessions/{id}")).ReadAsync<JsonElement>(HttpStatusCode.OK))
            .GetProperty("openAlerts").EnumerateArray().Where(a => a.GetProperty("code").GetString() == SafetyRules.OverdueCheck)];

    private sealed class SettableClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Set(DateTimeOffset at) => _now = at;
    }
}
