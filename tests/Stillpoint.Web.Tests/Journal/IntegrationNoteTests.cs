using System.Net;
using Stillpoint.Core.Access;
using Stillpoint.Web.Journal;
using Stillpoint.Web.Tests.Infrastructure;

namespace Stillpoint.Web.Tests.Journal;

/// <summary>Integration notes: written by therapists and prescribers about a session, read by staff, never by the patient.</summary>
[Collection(WebAppsDefinition.Name)]
public sealed class IntegrationNoteTests(AppsFixture apps)
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Therapist_WritesAndEditsOwnNote_StaleIs409_OtherWriterIs403_NurseReadsOnly(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var therapist = await app.ClientAsAsync(clinic, Roles.Therapist);
        using var prescriber = await app.ClientAsAsync(clinic, Roles.Prescriber);
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        var session = await JournalTestData.SessionAsync(app, clinic.Id, clinic.OtherPatientId);
        var root = $"/api/v1/patients/{clinic.OtherPatientId}/integration-notes";

        var note = await (await therapist.PostJsonAsync(root, new { sessionId = session, text = "  Practise noticing.  " })).ReadAsync<IntegrationNoteDto>(HttpStatusCode.Created);
        Assert.Equal(("Practise noticing.", session), (note.Text, note.SessionId));
        Assert.Equal(HttpStatusCode.Forbidden, (await nurse.PostJsonAsync(root, new { sessionId = session, text = "x" })).StatusCode);

        var edited = await (await therapist.PutJsonAsync($"{root}/{note.Id}", new { sessionId = session, text = "Practise noticing daily.", version = note.Version }))
            .ReadAsync<IntegrationNoteDto>(HttpStatusCode.OK);
        Assert.Equal(note.Version + 1, edited.Version);
        Assert.Equal(HttpStatusCode.Conflict, (await therapist.PutJsonAsync($"{root}/{note.Id}", new { sessionId = session, text = "late", version = note.Version })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await prescriber.PutJsonAsync($"{root}/{note.Id}", new { sessionId = session, text = "not mine", version = edited.Version })).StatusCode);
        Assert.Equal(["version"], (await (await therapist.PutJsonAsync($"{root}/{note.Id}", new { sessionId = session, text = "no version" })).FieldErrorsAsync()).Keys);

        var forSession = await (await nurse.GetAsync($"{root}?sessionId={session}")).ReadAsync<List<IntegrationNoteDto>>(HttpStatusCode.OK);
        Assert.Equal(["Practise noticing daily."], forSession.Select(n => n.Text));
        Assert.Empty(await (await nurse.GetAsync($"{root}?sessionId={Guid.NewGuid()}")).ReadAsync<List<IntegrationNoteDto>>(HttpStatusCode.OK));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task BadNote_NamesTheField_SessionMustBeThisPatients(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var therapist = await app.ClientAsAsync(clinic, Roles.Therapist);
        var otherPatientsSession = await JournalTestData.SessionAsync(app, clinic.Id, clinic.OtherPatientId);
        var root = $"/api/v1/patients/{clinic.PortalPatientId}/integration-notes";

        Assert.Equal(["sessionId", "text"], (await (await therapist.PostJsonAsync(root, new { text = "" })).FieldErrorsAsync()).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["sessionId"], (await (await therapist.PostJsonAsync(root, new { sessionId = otherPatientsSession, text = "t" })).FieldErrorsAsync()).Keys);
        Assert.Equal(["journalEntryIds[0]"], (await (await therapist.PostJsonAsync(root, new
        {
            sessionId = await JournalTestData.SessionAsync(app, clinic.Id, clinic.PortalPatientId), text = "t", journalEntryIds = new[] { Guid.NewGuid() },
        })).FieldErrorsAsync()).Keys);
        Assert.Empty(await (await therapist.GetAsync(root)).ReadAsync<List<IntegrationNoteDto>>(HttpStatusCode.OK));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Patient_NeverReadsNotes_ThroughAnyEndpointOrPage(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var therapist = await app.ClientAsAsync(clinic, Roles.Therapist);
        using var patient = await app.ClientAsAsync(clinic, Roles.Patient);
        var session = await JournalTestData.SessionAsync(app, clinic.Id, clinic.PortalPatientId);
        var root = $"/api/v1/patients/{clinic.PortalPatientId}";
        var note = await (await therapist.PostJsonAsync($"{root}/integration-notes", new { sessionId = session, text = "STAFF-ONLY-NOTE" }))
            .ReadAsync<IntegrationNoteDto>(HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.Forbidden, (await patient.GetAsync($"{root}/integration-notes")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await patient.GetAsync($"{root}/integration-notes/{note.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await patient.GetAsync($"/api/v1/portal/journal/{note.Id}")).StatusCode);
        Assert.DoesNotContain("STAFF-ONLY-NOTE", await (await patient.GetAsync("/api/v1/portal/journal")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var browser = await BrowserSession.SignInAsync(app, clinic.Emails[Roles.Patient]);
        foreach (var url in new[] { $"/patients/{clinic.PortalPatientId}/journal", $"/patients/{clinic.PortalPatientId}/integration-notes/{note.Id}", $"/portal/journal/{note.Id}", "/portal/journal", $"/patients/{clinic.PortalPatientId}" })
        {
            var body = await (await browser.GetAsync(url)).Content.ReadAsStringAsync();
            Assert.DoesNotContain("STAFF-ONLY-NOTE", body, StringComparison.Ordinal);
        }
    }
}
