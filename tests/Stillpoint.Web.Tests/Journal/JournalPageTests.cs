using System.Net;
using Stillpoint.Core.Access;
using Stillpoint.Data.Journal;
using Stillpoint.Web.Journal;
using Stillpoint.Web.Tests.Infrastructure;

namespace Stillpoint.Web.Tests.Journal;

/// <summary>The journal pages with a real cookie sign-in and antiforgery: patient portal, care-team page, notes, prompts.</summary>
[Collection(WebAppsDefinition.Name)]
public sealed class JournalPageTests(AppsFixture apps)
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Patient_WritesSharedEntryInThePortal_TherapistSeesIt_UntilThePatientStopsSharing(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        var session = await JournalTestData.SessionAsync(app, clinic.Id, clinic.PortalPatientId);
        using var patient = await BrowserSession.SignInAsync(app, clinic.Emails[Roles.Patient]);
        using var therapist = await BrowserSession.SignInAsync(app, clinic.Emails[Roles.Therapist]);
        const string NewUrl = "/portal/journal/new?kind=intention";

        Assert.Contains("/portal/journal/new?kind=evening-after", await patient.GetHtmlAsync("/portal/journal/new"), StringComparison.Ordinal);
        Assert.Contains(JournalPrompts.DefaultIntention.Replace("'", "&#x27;", StringComparison.Ordinal), await patient.GetHtmlAsync(NewUrl), StringComparison.Ordinal);
        var bad = await patient.PostFormAsync(NewUrl, "journal-new", new() { ["text"] = "x", ["mood"] = "eleven" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("data-field=\"mood\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var saved = await patient.PostFormAsync(NewUrl, "journal-new", new()
        {
            ["text"] = "Hoping to see the loop start.", ["mood"] = "4", ["tags"] = "Sleep, work stress", ["sessionId"] = session.ToString(), ["sharedWithCareTeam"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var entryUrl = saved.Headers.Location!.OriginalString;
        var entryPage = await patient.GetHtmlAsync(entryUrl);
        Assert.Contains("Shared with my care team.", entryPage, StringComparison.Ordinal);
        Assert.Contains("sleep, work-stress", entryPage, StringComparison.Ordinal);
        Assert.Contains("Hoping to see the loop start.", await therapist.GetHtmlAsync($"/patients/{clinic.PortalPatientId}/journal"), StringComparison.Ordinal);
        Assert.Contains($"/patients/{clinic.PortalPatientId}/journal", await therapist.GetHtmlAsync($"/patients/{clinic.PortalPatientId}"), StringComparison.Ordinal);

        var stopped = await patient.PostFormAsync(entryUrl, "journal-sharing", new() { ["version"] = "0", ["sharedWithCareTeam"] = "false" });
        Assert.Equal(HttpStatusCode.Redirect, stopped.StatusCode);
        Assert.Contains("Private: only you can read it.", await patient.GetHtmlAsync(entryUrl), StringComparison.Ordinal);
        Assert.DoesNotContain("Hoping to see the loop start.", await therapist.GetHtmlAsync($"/patients/{clinic.PortalPatientId}/journal"), StringComparison.Ordinal);
        Assert.Contains("Hoping to see the loop start.", await patient.GetHtmlAsync("/portal/journal"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Therapist_WritesNoteOnThePage_ItShowsOnTheSessionPage_NurseCannotOpenTheForm(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        var session = await JournalTestData.SessionAsync(app, clinic.Id, clinic.PortalPatientId);
        using var patientApi = await app.ClientAsAsync(clinic, Roles.Patient);
        var entry = await JournalTestData.WriteAsync(patientApi, "shared words", shared: true, session);
        using var therapist = await BrowserSession.SignInAsync(app, clinic.Emails[Roles.Therapist]);
        var form = $"/patients/{clinic.PortalPatientId}/integration-notes/new?sessionId={session}";

        var missing = await therapist.PostFormAsync(form, "integration-note", new() { ["sessionId"] = session.ToString(), ["text"] = "" });
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("data-field=\"text\"", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var saved = await therapist.PostFormAsync(form, "integration-note", new()
        {
            ["sessionId"] = session.ToString(), ["text"] = "Noticing exercise daily.", ["journalEntryIds"] = entry.Id.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var sessionPage = await therapist.GetHtmlAsync($"/sessions/{session}");
        Assert.Contains("Noticing exercise daily.", sessionPage, StringComparison.Ordinal);
        Assert.Contains($"#entry-{entry.Id}", sessionPage, StringComparison.Ordinal);
        using var nurse = await BrowserSession.SignInAsync(app, clinic.Emails[Roles.Nurse]);
        Assert.Contains("Noticing exercise daily.", await nurse.GetHtmlAsync($"/patients/{clinic.PortalPatientId}/journal"), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, (await nurse.GetAsync(form)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Admin_EditsPromptsOnThePage_FieldErrorsBesideTheField_PatientSeesTheNewWording(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var admin = await BrowserSession.SignInAsync(app, clinic.Emails[Roles.ClinicAdmin]);
        using var patient = await BrowserSession.SignInAsync(app, clinic.Emails[Roles.Patient]);
        const string Url = "/follow-up/settings/journal-prompts";
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["version"] = "0", ["intention"] = "Bring one question to today's session.", ["eveningAfter"] = "short", ["weekAfter"] = "Seven days on, what is different?",
        };

        var bad = await admin.PostFormAsync(Url, "journal-prompts", fields);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("data-field=\"eveningAfter\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        fields["eveningAfter"] = "Tonight, what is still with you?";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(Url, "journal-prompts", fields)).StatusCode);

        Assert.Contains("Tonight, what is still with you?", await patient.GetHtmlAsync("/portal/journal/new?kind=evening-after"), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, (await patient.GetAsync(Url)).StatusCode);
    }
}
