using System.Net;
using System.Text.Json;
using Stillpoint.Core.Access;
using Stillpoint.Data.Journal;
using Stillpoint.Web.Journal;
using Stillpoint.Web.Tests.Infrastructure;

namespace Stillpoint.Web.Tests.Journal;

/// <summary>The patient's own journal through the API: writing, editing, sharing, and that it stays the patient's.</summary>
[Collection(WebAppsDefinition.Name)]
public sealed class JournalApiTests(AppsFixture apps)
{
    private const string Portal = "/api/v1/portal/journal";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Patient_WritesEntry_WithClinicPromptCopied_TagsNormalized_NotSharedByDefault(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var patient = await app.ClientAsAsync(clinic, Roles.Patient);
        var session = await JournalTestData.SessionAsync(app, clinic.Id, clinic.PortalPatientId);

        var response = await patient.PostJsonAsync(Portal, new { kind = "intention", text = "  To notice the loop.  ", mood = 3, tags = new[] { " Sleep ", "sleep", "Work  Stress" }, sessionId = session });
        var entry = await response.ReadAsync<JournalEntryDto>(HttpStatusCode.Created);

        Assert.Equal(JournalPrompts.DefaultIntention, entry.PromptText);
        Assert.Equal("To notice the loop.", entry.Text);
        Assert.Equal(["sleep", "work-stress"], entry.Tags);
        Assert.Equal(session, entry.SessionId);
        Assert.False(entry.SharedWithCareTeam);
        Assert.Equal(clinic.PortalPatientId, entry.PatientId);
        var list = await (await patient.GetAsync(Portal)).ReadAsync<List<JournalEntryDto>>(HttpStatusCode.OK);
        Assert.Equal([entry.Id], list.Select(e => e.Id));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task BadInput_AnswersProblemDetailsNamingEachField_AndStoresNothing(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var patient = await app.ClientAsAsync(clinic, Roles.Patient);

        var errors = await (await patient.PostJsonAsync(Portal, new
        {
            kind = "someday", text = new string('x', JournalLimits.Text + 1), mood = 11, tags = new[] { "a", "b", "c", "d", "e", "f", "g" }, sessionId = Guid.NewGuid(),
        })).FieldErrorsAsync();

        Assert.Equal(["kind", "mood", "sessionId", "tags", "text"], errors.Keys.Order(StringComparer.Ordinal));
        var badTag = await (await patient.PostJsonAsync(Portal, new { kind = "free", text = "ok", mood = 5, tags = new[] { "no;semicolons" } })).FieldErrorsAsync();
        Assert.Equal(["tags"], badTag.Keys);
        var noMood = await (await patient.PostJsonAsync(Portal, new { kind = "free", text = " " })).FieldErrorsAsync();
        Assert.Equal(["mood", "text"], noMood.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(await (await patient.GetAsync(Portal)).ReadAsync<List<JournalEntryDto>>(HttpStatusCode.OK));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SessionLink_MustBeOneOfThePatientsOwnSessions(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        var other = await app.NewClinicAsync();
        using var patient = await app.ClientAsAsync(clinic, Roles.Patient);
        var someoneElses = await JournalTestData.SessionAsync(app, clinic.Id, clinic.OtherPatientId);
        var otherClinics = await JournalTestData.SessionAsync(app, other.Id, other.PortalPatientId);
        var own = await JournalTestData.SessionAsync(app, clinic.Id, clinic.PortalPatientId);

        foreach (var sessionId in new[] { someoneElses, otherClinics })
        {
            var errors = await (await patient.PostJsonAsync(Portal, new { kind = "free", text = "t", mood = 5, sessionId })).FieldErrorsAsync();
            Assert.Equal(["sessionId"], errors.Keys);
        }

        var entry = await JournalTestData.WriteAsync(patient, "mine", shared: false, own);
        var edit = await patient.PutJsonAsync($"{Portal}/{entry.Id}", new { text = "mine", mood = 5, sessionId = someoneElses, version = entry.Version });
        Assert.Equal(["sessionId"], (await edit.FieldErrorsAsync()).Keys);
        var kept = await (await patient.GetAsync($"{Portal}/{entry.Id}")).ReadAsync<JournalEntryDto>(HttpStatusCode.OK);
        Assert.Equal(own, kept.SessionId);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Patient_EditsAndSharesOwnEntry_StaleVersionIs409(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var patient = await app.ClientAsAsync(clinic, Roles.Patient);
        var entry = await JournalTestData.WriteAsync(patient, "first words", shared: false);

        var edited = await (await patient.PutJsonAsync($"{Portal}/{entry.Id}", new { text = "second words", mood = 7, tags = Array.Empty<string>(), version = entry.Version }))
            .ReadAsync<JournalEntryDto>(HttpStatusCode.OK);
        Assert.Equal(("second words", 7, entry.Version + 1), (edited.Text, edited.Mood, edited.Version));
        Assert.Empty(edited.Tags);

        var stale = await patient.PutJsonAsync($"{Portal}/{entry.Id}/sharing", new { sharedWithCareTeam = true, version = entry.Version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var shared = await (await patient.PutJsonAsync($"{Portal}/{entry.Id}/sharing", new { sharedWithCareTeam = true, version = edited.Version }))
            .ReadAsync<JournalEntryDto>(HttpStatusCode.OK);
        Assert.True(shared.SharedWithCareTeam);
        Assert.Equal("second words", shared.Text);
        Assert.Equal(["sharedWithCareTeam"], (await (await patient.PutJsonAsync($"{Portal}/{entry.Id}/sharing", new { version = shared.Version })).FieldErrorsAsync()).Keys);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Patient_CannotReadOrChangeAnotherPatientsJournal_404(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        var other = await app.NewClinicAsync();
        using var patient = await app.ClientAsAsync(clinic, Roles.Patient);
        using var otherPatient = await app.ClientAsAsync(other, Roles.Patient);
        var theirs = await JournalTestData.WriteAsync(otherPatient, "not yours", shared: true);

        Assert.Equal(HttpStatusCode.NotFound, (await patient.GetAsync($"{Portal}/{theirs.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await patient.PutJsonAsync($"{Portal}/{theirs.Id}", new { text = "x", mood = 1, version = theirs.Version })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await patient.PutJsonAsync($"{Portal}/{theirs.Id}/sharing", new { sharedWithCareTeam = false, version = theirs.Version })).StatusCode);
        Assert.DoesNotContain(theirs.Id, (await (await patient.GetAsync(Portal)).ReadAsync<List<JournalEntryDto>>(HttpStatusCode.OK)).Select(e => e.Id));
        // The staff endpoints are closed to a patient account altogether, even for the patient's own id.
        Assert.Equal(HttpStatusCode.Forbidden, (await patient.GetAsync($"/api/v1/patients/{clinic.PortalPatientId}/journal/shared")).StatusCode);
        var unchanged = await (await otherPatient.GetAsync($"{Portal}/{theirs.Id}")).ReadAsync<JsonElement>(HttpStatusCode.OK);
        Assert.Equal("not yours", unchanged.GetProperty("text").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PromptSets_AdminEdits_WithValidationAndConcurrency_NewEntriesUseThem_OldKeepTheirs(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var admin = await app.ClientAsAsync(clinic, Roles.ClinicAdmin);
        using var patient = await app.ClientAsAsync(clinic, Roles.Patient);
        var before = await JournalTestData.WriteAsync(patient, "under the default", shared: false, kind: "week-after");
        var defaults = await (await patient.GetAsync("/api/v1/journal-prompts")).ReadAsync<JournalPromptsDto>(HttpStatusCode.OK);
        Assert.True(defaults.IsDefault);
        Assert.Equal(0, defaults.Version);

        var invalid = await (await admin.PutJsonAsync("/api/v1/journal-prompts", new { intention = "short", eveningAfter = new string('e', JournalLimits.Prompt + 1), version = 0 })).FieldErrorsAsync();
        Assert.Equal(["eveningAfter", "intention", "weekAfter"], invalid.Keys.Order(StringComparer.Ordinal));

        var body = new { intention = "What do you bring today?", eveningAfter = "What stayed with you tonight?", weekAfter = "What changed this week, in our clinic's words?", version = 0 };
        var saved = await (await admin.PutJsonAsync("/api/v1/journal-prompts", body)).ReadAsync<JournalPromptsDto>(HttpStatusCode.OK);
        Assert.False(saved.IsDefault);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PutJsonAsync("/api/v1/journal-prompts", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await patient.PutJsonAsync("/api/v1/journal-prompts", body with { version = saved.Version })).StatusCode);

        var after = await JournalTestData.WriteAsync(patient, "under the clinic's", shared: false, kind: "week-after");
        Assert.Equal(body.weekAfter, after.PromptText);
        var old = await (await patient.GetAsync($"{Portal}/{before.Id}")).ReadAsync<JournalEntryDto>(HttpStatusCode.OK);
        Assert.Equal(JournalPrompts.DefaultWeekAfter, old.PromptText);
    }
}
