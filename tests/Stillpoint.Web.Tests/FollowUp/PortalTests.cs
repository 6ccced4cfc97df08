using System.Net;
using System.Text.Json;
using Stillpoint.Core.Access;
using Stillpoint.Core.FollowUp;
using Stillpoint.Data.Demo;
using Stillpoint.Web.Tests.Infrastructure;

namespace Stillpoint.Web.Tests.FollowUp;

/// <summary>The patient portal (issue 6 §2): what is due, completing it, own sessions and scores; forbidden to staff.</summary>
[Collection(WebAppsDefinition.Name)]
public sealed class PortalTests(AppsFixture apps)
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Portal_CompletingADueItem_StoresTheResponseWithItsContext_AndMarksItCompleted(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        var booked = DateTimeOffset.UtcNow.AddDays(3);
        await FollowUpFlow.ActivePlanWithSessionsAsync(app, clinic, booked);
        using var session = await BrowserSession.SignInAsync(app, clinic.Emails[Roles.Patient]);

        var home = await session.GetHtmlAsync("/portal");
        Assert.Contains("aria-label=\"Questionnaires due now\"", home, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Start Patient Health Questionnaire-9 (PHQ-9)\"", home, StringComparison.Ordinal);
        Assert.Contains(booked.UtcDateTime.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture), home, StringComparison.Ordinal);

        const string item = "phq9-weekly/occurrence:0";
        var url = "/portal/questionnaire?item=" + Uri.EscapeDataString(item);
        var form = await session.GetHtmlAsync(url);
        Assert.Contains("name=\"Form.Answers[9]\"", form, StringComparison.Ordinal);

        // Too many items unanswered to score (one missing PHQ-9 item would be prorated): nothing stored, the fields named.
        var missing = FollowUpFlow.Answers(item, 1, 1, 1, 1, 1);
        var invalid = await session.PostFormAsync(url, "portal-questionnaire", missing);
        var invalidHtml = await invalid.Content.ReadAsStringAsync();
        Assert.True(invalid.StatusCode == HttpStatusCode.OK, $"{invalid.StatusCode}: {invalidHtml}");
        Assert.Contains("data-field=\"answers[9]\"", invalidHtml, StringComparison.Ordinal);

        var done = await session.PostFormAsync(url, "portal-questionnaire", FollowUpFlow.Answers(item, 1, 1, 1, 1, 1, 1, 1, 1, 0));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.StartsWith("/portal?completed=", done.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        var schedule = await FollowUpFlow.GetScheduleAsync(nurse, clinic.PortalPatientId);
        var completed = schedule.Items.Single(i => i.Key == item);
        Assert.Equal(DueStatus.Completed, completed.Status);
        var response = await (await nurse.GetAsync($"/api/v1/patients/{clinic.PortalPatientId}/responses/{completed.CompletedByResponseId}")).ReadAsync<JsonElement>(HttpStatusCode.OK);
        Assert.Equal("baseline", response.GetProperty("context").GetString());
        Assert.Equal("patient", response.GetProperty("enteredBy").GetString());

        // Completed items cannot be answered twice from the portal.
        var again = await session.GetHtmlAsync(url);
        Assert.Contains("already completed", again, StringComparison.Ordinal);
        Assert.DoesNotContain("Start Patient Health Questionnaire-9", await session.GetHtmlAsync("/portal"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Pages_RenderForTheirRoles_AndAreDeniedToOthers(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        await FollowUpFlow.ActivePlanWithSessionsAsync(app, clinic);
        using var patient = await BrowserSession.SignInAsync(app, clinic.Emails[Roles.Patient]);
        using var nurse = await BrowserSession.SignInAsync(app, clinic.Emails[Roles.Nurse]);
        using var admin = await BrowserSession.SignInAsync(app, clinic.Emails[Roles.ClinicAdmin]);

        Assert.Contains("My care", await patient.GetHtmlAsync("/portal"), StringComparison.Ordinal);
        Assert.Contains("PHQ-9 weekly", await nurse.GetHtmlAsync($"/patients/{clinic.PortalPatientId}/follow-up"), StringComparison.Ordinal);
        Assert.Contains("Follow-up settings", await admin.GetHtmlAsync("/follow-up/settings"), StringComparison.Ordinal);
        Assert.Contains("Form.Rules[0].Opens", await admin.GetHtmlAsync("/follow-up/settings/ptsd"), StringComparison.Ordinal);

        foreach (var (who, url) in new[] { (nurse, "/portal"), (admin, "/portal"), (patient, $"/patients/{clinic.PortalPatientId}/follow-up"), (patient, "/follow-up/settings"), (nurse, "/follow-up/settings/all") })
        {
            var response = await who.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SettingsPage_ShowsFieldErrors_ThenSaves(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var admin = await BrowserSession.SignInAsync(app, clinic.Emails[Roles.ClinicAdmin]);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Form.Version"] = "0", ["Form.Name"] = "PTSD schedule",
            ["Form.Rules[0].Id"] = "pcl5", ["Form.Rules[0].InstrumentId"] = "pcl5", ["Form.Rules[0].Anchor"] = "recurring", ["Form.Rules[0].PeriodDays"] = "14",
            ["Form.Rules[0].Opens"] = "-1d", ["Form.Rules[0].Due"] = "0", ["Form.Rules[0].OverdueAfter"] = "3d", ["Form.Rules[0].Closes"] = "soon",
        };

        var bad = await admin.PostFormAsync("/follow-up/settings/ptsd", "schedule-template", fields);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("data-field=\"rules[0].window.closes\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        fields["Form.Rules[0].Closes"] = "13d";
        var saved = await admin.PostFormAsync("/follow-up/settings/ptsd", "schedule-template", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var list = await admin.GetHtmlAsync("/follow-up/settings");
        Assert.Contains("PTSD schedule", list, StringComparison.Ordinal);
        Assert.Contains("href=\"/follow-up/settings/journal-prompts\"", list, StringComparison.Ordinal);
        Assert.Contains("href=\"/follow-up/settings/alerts\"", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoPortalPatient_FindsQuestionnairesDueNow()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        await using var demo = StillpointTestApp.Over(database, demo: true);
        using var session = await BrowserSession.SignInAsync(demo, "patient@demo.stillpoint.test", DemoSeeder.Password);

        var home = await session.GetHtmlAsync("/portal");

        // The demo plan started two weeks ago with a dose a week ago: the weekly PHQ-9 and the 7-day RRS-22 are due.
        Assert.Contains("aria-label=\"Start Patient Health Questionnaire-9 (PHQ-9)\"", home, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Upcoming sessions\"", home, StringComparison.Ordinal);
    }
}
