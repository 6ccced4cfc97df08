using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Stillpoint.Cli;
using Stillpoint.Core.Access;
using Stillpoint.Core.Instruments.Parsing;
using Stillpoint.Web.Audit;
using Stillpoint.Web.Instruments;
using Stillpoint.Web.Responses;
using Stillpoint.Web.Tests.Infrastructure;

namespace Stillpoint.Web.Tests;

/// <summary>
/// The questionnaire pages through HTTP with a real cookie sign-in, and loading official wording through the
/// CLI and the admin page. The wording in these tests is invented: no official questionnaire text is committed.
/// </summary>
[Collection(WebAppsDefinition.Name)]
public sealed class ResponsePageTests(AppsFixture apps)
{
    private static Dictionary<string, string> Phq9Fields(params int[] answers)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal) { ["Form.InstrumentId"] = "phq9", ["Form.Context"] = "baseline", ["Form.Action"] = "complete" };
        for (var index = 0; index < answers.Length; index++)
        {
            fields[$"Form.Answers[{index + 1}]"] = answers[index] < 0 ? "" : answers[index].ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return fields;
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task NurseFillsInPhq9_TheResponsesPageShowsScoreBandAndSuicideFlag_AndTheApiAndAuditHaveIt(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var nurse = await BrowserSession.SignInAsync(app, clinic.Emails[Roles.Nurse]);
        var patient = clinic.OtherPatientId;

        Assert.Contains($"/patients/{patient}/responses", await nurse.GetHtmlAsync($"/patients/{patient}"), StringComparison.Ordinal);
        var form = await nurse.GetHtmlAsync($"/patients/{patient}/responses/new?instrument=phq9");
        Assert.Contains("type=\"radio\"", form, StringComparison.Ordinal);
        Assert.Contains("unofficial wording", form, StringComparison.Ordinal);

        // Total 11 "moderate" (clinical-reference §1), item 9 = 2: the suicide-risk flag.
        var saved = await nurse.PostFormAsync($"/patients/{patient}/responses/new?instrument=phq9", "response-new", Phq9Fields(1, 1, 1, 1, 1, 1, 1, 2, 2));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Matches($"/patients/{patient}/responses/[0-9a-f-]{{36}}$", saved.Headers.Location!.OriginalString);

        var detail = await nurse.GetHtmlAsync(saved.Headers.Location.OriginalString);
        Assert.Contains("How the score was reached", detail, StringComparison.Ordinal);
        Assert.Contains("Correct this response", detail, StringComparison.Ordinal);

        var list = await nurse.GetHtmlAsync($"/patients/{patient}/responses");
        Assert.Contains("<td class=\"score\">11</td>", list, StringComparison.Ordinal);
        Assert.Contains("moderate", list, StringComparison.Ordinal);
        Assert.Contains("class=\"flag flag-suicide\"", list, StringComparison.Ordinal);
        Assert.Contains("suicidal-ideation", list, StringComparison.Ordinal);
        Assert.Contains("class=\"flag-banner\"", list, StringComparison.Ordinal);

        using var api = await app.ClientAsAsync(clinic, Roles.Nurse);
        var stored = Assert.Single(await (await api.GetAsync($"/api/v1/patients/{patient}/responses")).ReadAsync<List<ResponseDto>>(HttpStatusCode.OK));
        Assert.Equal(11m, stored.Total);
        Assert.Contains(stored.Flags, f => f.SuicideRisk);
        using var admin = await app.ClientAsAsync(clinic, Roles.ClinicAdmin);
        var trail = await (await admin.GetAsync($"/api/v1/audit?patientId={patient}&pageSize=200")).ReadAsync<AuditPage>(HttpStatusCode.OK);
        Assert.Contains(trail.Items, e => e.Action == "create" && e.EntityId == stored.Id.ToString() && e.UserEmail == clinic.Emails[Roles.Nurse]);
    }

    [Fact]
    public async Task Form_WithBadAnswers_ShowsFieldMessagesBesideTheItems_AndStoresNothing()
    {
        var app = apps["sqlite"];
        var clinic = await app.NewClinicAsync();
        using var nurse = await BrowserSession.SignInAsync(app, clinic.Emails[Roles.Nurse]);
        var fields = Phq9Fields(1, 7, -1, -1, -1, 0, 0, 0, 0);
        fields["Form.Context"] = "";

        var response = await nurse.PostFormAsync($"/patients/{clinic.OtherPatientId}/responses/new?instrument=phq9", "response-new", fields);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nothing was saved", html, StringComparison.Ordinal);
        Assert.Contains("data-field=\"answers[2]\"", html, StringComparison.Ordinal);
        Assert.Contains("out of range", html, StringComparison.Ordinal);
        Assert.Contains("data-field=\"context\"", html, StringComparison.Ordinal);
        using var api = await app.ClientAsAsync(clinic, Roles.Nurse);
        Assert.Empty(await (await api.GetAsync($"/api/v1/patients/{clinic.OtherPatientId}/responses")).ReadAsync<List<ResponseDto>>(HttpStatusCode.OK));
    }

    [Fact]
    public async Task CorrectionForm_StoresANewVersion_AndTheListMarksTheOldOneSuperseded()
    {
        var app = apps["sqlite"];
        var clinic = await app.NewClinicAsync();
        using var nurse = await BrowserSession.SignInAsync(app, clinic.Emails[Roles.Nurse]);
        var patient = clinic.OtherPatientId;
        var saved = await nurse.PostFormAsync($"/patients/{patient}/responses/new?instrument=phq9", "response-new", Phq9Fields(3, 3, 3, 3, 3, 3, 3, 3, 0));
        var url = saved.Headers.Location!.OriginalString;

        var withoutReason = await nurse.PostFormAsync(url, "response-correct", Phq9Fields(0, 0, 0, 0, 0, 0, 0, 0, 0));
        Assert.Contains("data-field=\"reason\"", await withoutReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var fields = Phq9Fields(0, 0, 0, 0, 0, 0, 0, 0, 0);
        fields["Form.Reason"] = "Entered for the wrong visit";
        var corrected = await nurse.PostFormAsync(url, "response-correct", fields);

        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        Assert.NotEqual(url, corrected.Headers.Location!.OriginalString);
        Assert.Contains("This response was superseded", await nurse.GetHtmlAsync(url), StringComparison.Ordinal);
        var list = await nurse.GetHtmlAsync($"/patients/{patient}/responses");
        Assert.Contains("superseded-marker", list, StringComparison.Ordinal);
        Assert.Contains("<td class=\"score\">24</td>", list, StringComparison.Ordinal);
        Assert.Contains("<td class=\"score\">0</td>", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatientAccount_CannotOpenAnotherPatientsResponsesPage()
    {
        var app = apps["sqlite"];
        var clinic = await app.NewClinicAsync();
        using var portal = await BrowserSession.SignInAsync(app, clinic.Emails[Roles.Patient]);

        Assert.Contains("Not found", await portal.GetHtmlAsync($"/patients/{clinic.OtherPatientId}/responses"), StringComparison.Ordinal);
        Assert.Contains("Questionnaires:", await portal.GetHtmlAsync($"/patients/{clinic.PortalPatientId}/responses"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WordingImportedThroughTheCli_IsShownInsteadOfOurLabel_OtherItemsKeepTheMarker()
    {
        var app = apps["sqlite"];
        var clinic = await app.NewClinicAsync();
        var file = Path.Combine(Path.GetTempPath(), $"wording-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{"instrument": "phq9", "items": {"1": "Invented wording one", "phq9-09": "Invented wording nine"}}""");
        try
        {
            var (code, output, error) = await CliAsync(["instruments", "import-wording", "--clinic", clinic.Id.ToString(), "--file", file, "--provider", "sqlite", "--connection", app.Database.ConnectionString]);
            Assert.True(code == 0, error);
            Assert.Contains("2 of 9 items", output, StringComparison.Ordinal);

            await File.WriteAllTextAsync(file, """{"instrument": "phq9", "items": {"12": "Too far"}}""");
            var bad = await CliAsync(["instruments", "import-wording", "--clinic", clinic.Id.ToString(), "--file", file, "--provider", "sqlite", "--connection", app.Database.ConnectionString]);
            Assert.Equal(2, bad.Code);
            Assert.Contains("items.12", bad.Err, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }

        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        var phq9 = await (await nurse.GetAsync("/api/v1/instruments/phq9")).ReadAsync<InstrumentDto>(HttpStatusCode.OK);
        Assert.Equal(("Invented wording one", true), (phq9.Items[0].Text, phq9.Items[0].OfficialWording));
        Assert.Equal(("Invented wording nine", true), (phq9.Items[8].Text, phq9.Items[8].OfficialWording));
        Assert.False(phq9.Items[1].OfficialWording);

        using var page = await BrowserSession.SignInAsync(app, clinic.Emails[Roles.Nurse]);
        var html = await page.GetHtmlAsync($"/patients/{clinic.OtherPatientId}/responses/new?instrument=phq9");
        Assert.Contains("Invented wording one", html, StringComparison.Ordinal);
        Assert.Equal(7, CountOf(html, "class=\"unofficial\""));

        // Another clinic still sees our labels.
        var other = await app.NewClinicAsync();
        using var otherNurse = await app.ClientAsAsync(other, Roles.Nurse);
        var theirs = await (await otherNurse.GetAsync("/api/v1/instruments/phq9")).ReadAsync<InstrumentDto>(HttpStatusCode.OK);
        Assert.All(theirs.Items, item => Assert.False(item.OfficialWording));
    }

    [Fact]
    public async Task WordingPage_LoadsAFhirQuestionnaire_ForAdminsOnly()
    {
        var app = apps["sqlite"];
        var clinic = await app.NewClinicAsync();
        using var nurse = await BrowserSession.SignInAsync(app, clinic.Emails[Roles.Nurse]);
        Assert.Equal(HttpStatusCode.Redirect, (await nurse.GetAsync("/instruments/wording")).StatusCode);

        using var admin = await BrowserSession.SignInAsync(app, clinic.Emails[Roles.ClinicAdmin]);
        const string Questionnaire = """
            {"resourceType": "Questionnaire", "id": "GAD-7", "status": "active", "item": [
              {"linkId": "intro", "type": "display", "text": "Invented introduction"},
              {"linkId": "g", "type": "group", "item": [
                {"linkId": "gad7-01", "type": "choice", "text": "Invented anxiety wording A"},
                {"linkId": "2", "type": "choice", "text": "Invented anxiety wording B"},
                {"linkId": "x-item", "prefix": "3.", "type": "choice", "text": "Invented anxiety wording C"}
              ]}
            ]}
            """;
        var response = await admin.PostFormAsync("/instruments/wording", "wording-import", new() { ["Form.Instrument"] = "", ["Form.Content"] = Questionnaire });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("gad7: official wording loaded for 3 of 7 items (fhir format)", html, StringComparison.Ordinal);
        using var api = await app.ClientAsAsync(clinic, Roles.Nurse);
        var gad7 = await (await api.GetAsync("/api/v1/instruments/gad7")).ReadAsync<InstrumentDto>(HttpStatusCode.OK);
        Assert.Equal(["Invented anxiety wording A", "Invented anxiety wording B", "Invented anxiety wording C"], gad7.Items.Take(3).Select(i => i.Text));
        Assert.Equal(3, gad7.OfficialWordingItems);

        var bad = await admin.PostFormAsync("/instruments/wording", "wording-import", new() { ["Form.Instrument"] = "", ["Form.Content"] = """{"resourceType": "Questionnaire", "id": "unknown-thing", "item": []}""" });
        Assert.Contains("data-field=\"instrument\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void ABrokenDefinition_StopsStartUp_NamingFileAndField()
    {
        var folder = Directory.CreateTempSubdirectory("stillpoint-broken-instruments-");
        try
        {
            var source = Path.Combine(AppContext.BaseDirectory, "instruments", "phq9.json");
            File.WriteAllText(Path.Combine(folder.FullName, "phq9.json"), File.ReadAllText(source).Replace("\"title\"", "\"untitled\"", StringComparison.Ordinal));
            using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
            {
                builder.UseSetting("Instruments:Directory", folder.FullName);
                builder.UseSetting("Demo:Enabled", "false");
            });

            var exception = Assert.Throws<InstrumentDefinitionException>(() => factory.Server);

            Assert.Contains("phq9.json", exception.Message, StringComparison.Ordinal);
            Assert.Contains("title", exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static int CountOf(string text, string needle)
    {
        var count = 0;
        for (var index = text.IndexOf(needle, StringComparison.Ordinal); index >= 0; index = text.IndexOf(needle, index + needle.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static async Task<(int Code, string Out, string Err)> CliAsync(string[] args)
    {
        await using var output = new StringWriter();
        await using var error = new StringWriter();
        var code = await StillpointCli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
