using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Stillpoint.Core.Access;
using Stillpoint.Web.Tests.Infrastructure;
using static Stillpoint.Web.Tests.Alerts.AlertTestKit;

namespace Stillpoint.Web.Tests.Alerts;

/// <summary>The /alerts inbox page, its live stream, the alert settings page and the booster page.</summary>
[Collection(WebAppsDefinition.Name)]
public sealed class AlertPageTests(AppsFixture apps)
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Inbox_ShowsTheAlert_AcknowledgeAndResolveForms_NoteRequiredToResolve(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var patient = await app.ClientAsAsync(clinic, Roles.Patient);
        await StoreAsync(patient, clinic.PortalPatientId, Phq9([0, 0, 0, 0, 0, 0, 0, 0, 1]));
        using var nurse = await BrowserSession.SignInAsync(app, clinic.Emails[Roles.Nurse]);
        using var api = await app.ClientAsAsync(clinic, Roles.Nurse);
        var id = (await AlertsAsync(api)).Single().GetProperty("id").GetGuid();

        var html = await nurse.GetHtmlAsync("/alerts");
        Assert.Contains("Suicide risk", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/patients/{clinic.PortalPatientId}\"", html, StringComparison.Ordinal);
        Assert.Contains("1 open", html, StringComparison.Ordinal);
        Assert.Contains("data-live=\"/live/alerts\"", html, StringComparison.Ordinal);
        Assert.Contains("js/live-board.js", html, StringComparison.Ordinal);

        var acked = await nurse.PostFormAsync("/alerts", $"ack-{id}", new() { ["version"] = "0", ["note"] = "On it" });
        Assert.Equal(HttpStatusCode.Redirect, acked.StatusCode);
        var afterAck = await nurse.GetHtmlAsync("/alerts");
        Assert.Contains("acknowledged by", afterAck, StringComparison.Ordinal);
        Assert.Contains("On it", afterAck, StringComparison.Ordinal);

        var noNote = await nurse.PostFormAsync("/alerts", $"resolve-{id}", new() { ["version"] = "1", ["note"] = "" });
        Assert.Equal(HttpStatusCode.OK, noNote.StatusCode);
        Assert.Contains("action note is required", await noNote.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var stale = await nurse.PostFormAsync("/alerts", $"resolve-{id}", new() { ["version"] = "0", ["note"] = "Called" });
        Assert.Contains("stale version", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await nurse.PostFormAsync("/alerts", $"resolve-{id}", new() { ["version"] = "1", ["note"] = "Called, safe" })).StatusCode);
        Assert.DoesNotContain("Suicide risk", await nurse.GetHtmlAsync("/alerts"), StringComparison.Ordinal); // default view: open or acknowledged
        var resolved = await nurse.GetHtmlAsync("/alerts?state=resolved&kind=SuicideRisk");
        Assert.Contains("resolved by", resolved, StringComparison.Ordinal);
        Assert.Contains("Called, safe", resolved, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task LiveStream_TellsTheClinicsInboxAboutANewAlert_PatientsAreRefused(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var patient = await app.ClientAsAsync(clinic, Roles.Patient);
        Assert.Equal(HttpStatusCode.Forbidden, (await patient.GetAsync("/live/alerts", HttpCompletionOption.ResponseHeadersRead)).StatusCode);
        using var patientPage = await BrowserSession.SignInAsync(app, clinic.Emails[Roles.Patient]);
        Assert.NotEqual(HttpStatusCode.OK, (await patientPage.GetAsync("/alerts")).StatusCode);

        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/live/alerts");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var stream = await nurse.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());
        Assert.Equal("retry: 2000", await reader.ReadLineAsync());

        await StoreAsync(patient, clinic.PortalPatientId, Phq9([0, 0, 0, 0, 0, 0, 0, 0, 1]));
        var id = (await AlertsAsync(nurse)).Single().GetProperty("id").GetGuid();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        string? line;
        do
        {
            line = await reader.ReadLineAsync(timeout.Token);
        }
        while (line is not null && !line.StartsWith("data: ", StringComparison.Ordinal));

        Assert.Equal($"data: {id}", line);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SettingsPage_AdminSaves_BadValuesShownBesideTheField(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var admin = await BrowserSession.SignInAsync(app, clinic.Emails[Roles.ClinicAdmin]);
        var page = await admin.GetHtmlAsync("/follow-up/settings/alerts");
        Assert.Contains("name=\"escalateAfterMinutes\" type=\"number\" value=\"30\"", page, StringComparison.Ordinal);

        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["version"] = "0", ["overdueThresholdMinutes"] = "1440", ["missedSessionGraceMinutes"] = "60", ["escalateAfterMinutes"] = "abc",
            ["boosterResponsePercent"] = "50", ["threshold-phq9"] = "12", ["threshold-rrs22"] = "", ["threshold-ptq"] = "", ["threshold-qids-sr16"] = "",
        };
        var bad = await admin.PostFormAsync("/follow-up/settings/alerts", "alert-settings", fields);
        Assert.Contains("Enter whole minutes.", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        fields["escalateAfterMinutes"] = "15";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/follow-up/settings/alerts", "alert-settings", fields)).StatusCode);
        using var api = await app.ClientAsAsync(clinic, Roles.Nurse);
        var saved = await (await api.GetAsync("/api/v1/alerts/settings")).ReadAsync<JsonElement>(HttpStatusCode.OK);
        Assert.Equal(15, saved.GetProperty("escalateAfterMinutes").GetInt32());
        Assert.Equal(12m, saved.GetProperty("boosterThresholds").GetProperty("phq9").GetDecimal());

        using var nurse = await BrowserSession.SignInAsync(app, clinic.Emails[Roles.Nurse]);
        Assert.NotEqual(HttpStatusCode.OK, (await nurse.GetAsync("/follow-up/settings/alerts")).StatusCode);
    }
}
