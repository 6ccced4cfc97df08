using System.Net;
using Stillpoint.Core.Access;
using Stillpoint.Web.Audit;
using Stillpoint.Web.Journal;
using Stillpoint.Web.Tests.Infrastructure;

namespace Stillpoint.Web.Tests.Journal;

/// <summary>What staff can reach of a patient's journal: shared entries only, through every staff endpoint and page.</summary>
[Collection(WebAppsDefinition.Name)]
public sealed class CareTeamJournalTests(AppsFixture apps)
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Therapist_SeesSharedEntriesOnly_PrivateOneUnreachableByListIdNoteOrPage(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var patient = await app.ClientAsAsync(clinic, Roles.Patient);
        using var therapist = await app.ClientAsAsync(clinic, Roles.Therapist);
        var session = await JournalTestData.SessionAsync(app, clinic.Id, clinic.PortalPatientId);
        var shared = await JournalTestData.WriteAsync(patient, "the lake was calm", shared: true, session);
        var secret = await JournalTestData.WriteAsync(patient, "PRIVATE-WORDS-never-for-staff", shared: false, session);
        var root = $"/api/v1/patients/{clinic.PortalPatientId}";

        var list = await (await therapist.GetAsync($"{root}/journal/shared")).ReadAsync<List<JournalEntryDto>>(HttpStatusCode.OK);
        Assert.Equal([shared.Id], list.Select(e => e.Id));
        Assert.Equal(HttpStatusCode.OK, (await therapist.GetAsync($"{root}/journal/shared/{shared.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await therapist.GetAsync($"{root}/journal/shared/{secret.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await therapist.GetAsync($"/api/v1/portal/journal/{secret.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await therapist.GetAsync("/api/v1/portal/journal")).StatusCode);

        // A note cannot link the private entry, and a note's view never carries it.
        var refused = await therapist.PostJsonAsync($"{root}/integration-notes", new { sessionId = session, text = "n", journalEntryIds = new[] { shared.Id, secret.Id } });
        Assert.Equal(["journalEntryIds[1]"], (await refused.FieldErrorsAsync()).Keys);
        var note = await (await therapist.PostJsonAsync($"{root}/integration-notes", new { sessionId = session, text = "n", journalEntryIds = new[] { shared.Id } }))
            .ReadAsync<IntegrationNoteDto>(HttpStatusCode.Created);

        // Every staff role, every staff endpoint and page: the private text is nowhere.
        foreach (var role in Roles.Staff)
        {
            using var staff = await app.ClientAsAsync(clinic, role);
            foreach (var url in new[] { $"{root}/journal/shared", $"{root}/journal/shared/{shared.Id}", $"{root}/integration-notes", $"{root}/integration-notes/{note.Id}" })
            {
                var body = await (await staff.GetAsync(url)).Content.ReadAsStringAsync();
                Assert.DoesNotContain("PRIVATE-WORDS", body, StringComparison.Ordinal);
                Assert.DoesNotContain(secret.Id.ToString(), body, StringComparison.Ordinal);
            }

            using var browser = await BrowserSession.SignInAsync(app, clinic.Emails[role]);
            var page = await browser.GetHtmlAsync($"/patients/{clinic.PortalPatientId}/journal");
            Assert.Contains("the lake was calm", page, StringComparison.Ordinal);
            Assert.DoesNotContain("PRIVATE-WORDS", page, StringComparison.Ordinal);
            Assert.DoesNotContain(secret.Id.ToString(), page, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task StopSharing_RemovesTheEntryFromStaffViewsAndFromNoteLinks(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var patient = await app.ClientAsAsync(clinic, Roles.Patient);
        using var therapist = await app.ClientAsAsync(clinic, Roles.Therapist);
        var session = await JournalTestData.SessionAsync(app, clinic.Id, clinic.PortalPatientId);
        var entry = await JournalTestData.WriteAsync(patient, "shared for now", shared: true, session);
        var root = $"/api/v1/patients/{clinic.PortalPatientId}";
        var note = await (await therapist.PostJsonAsync($"{root}/integration-notes", new { sessionId = session, text = "n", journalEntryIds = new[] { entry.Id } }))
            .ReadAsync<IntegrationNoteDto>(HttpStatusCode.Created);
        Assert.Equal([entry.Id], note.LinkedSharedEntries.Select(e => e.Id));

        (await patient.PutJsonAsync($"/api/v1/portal/journal/{entry.Id}/sharing", new { sharedWithCareTeam = false, version = entry.Version })).EnsureSuccessStatusCode();

        Assert.Empty(await (await therapist.GetAsync($"{root}/journal/shared")).ReadAsync<List<JournalEntryDto>>(HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.NotFound, (await therapist.GetAsync($"{root}/journal/shared/{entry.Id}")).StatusCode);
        var reread = await (await therapist.GetAsync($"{root}/integration-notes/{note.Id}")).ReadAsync<IntegrationNoteDto>(HttpStatusCode.OK);
        Assert.Empty(reread.LinkedSharedEntries);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AnotherClinicsTherapist_Gets404_AndReadsAreAudited(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        var other = await app.NewClinicAsync();
        using var patient = await app.ClientAsAsync(clinic, Roles.Patient);
        using var stranger = await app.ClientAsAsync(other, Roles.Therapist);
        using var therapist = await app.ClientAsAsync(clinic, Roles.Therapist);
        using var admin = await app.ClientAsAsync(clinic, Roles.ClinicAdmin);
        var entry = await JournalTestData.WriteAsync(patient, "shared", shared: true);
        var root = $"/api/v1/patients/{clinic.PortalPatientId}";

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{root}/journal/shared")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{root}/journal/shared/{entry.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{root}/integration-notes")).StatusCode);

        (await therapist.GetAsync($"{root}/journal/shared/{entry.Id}")).EnsureSuccessStatusCode();
        var audit = await (await admin.GetAsync($"/api/v1/audit?patientId={clinic.PortalPatientId}")).ReadAsync<AuditPage>(HttpStatusCode.OK);
        Assert.Contains(audit.Items, a => a is { Action: "read", EntityType: "JournalEntry", Role: Roles.Therapist } && a.EntityId == entry.Id.ToString());
    }
}
