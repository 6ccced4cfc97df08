using System.Net;
using Stillpoint.Core.Access;
using Stillpoint.Core.Plans;
using Stillpoint.Web.Assessment;
using Stillpoint.Web.Tests.Infrastructure;

namespace Stillpoint.Web.Tests;

/// <summary>The assessment pages' plain HTML forms through HTTP with real cookie sign-in and antiforgery.</summary>
[Collection(WebAppsDefinition.Name)]
public sealed class AssessmentPageTests(AppsFixture apps)
{
    private StillpointTestApp App => apps["sqlite"];

    /// <summary>A complete intake as the form posts it; 150/85 fires the §14.3 caution (> 140/90 [U]).</summary>
    private static Dictionary<string, string> IntakeForm() => new(StringComparer.Ordinal)
    {
        ["basedOnRevision"] = "0",
        ["indications"] = "treatmentResistantDepression",
        ["psychosis"] = "never",
        ["mania"] = "never",
        ["substanceUseDisorder"] = "never",
        ["priorKetamineUse"] = "no",
        ["hypertension"] = "controlled",
        ["cardiovascularDisease"] = "no",
        ["aneurysm"] = "no",
        ["raisedIntracranialPressure"] = "no",
        ["liverDisease"] = "no",
        ["pregnant"] = "no",
        ["breastfeeding"] = "no",
        ["seizureDisorder"] = "no",
        ["medicationFlags.benzodiazepines"] = "no",
        ["medicationFlags.lamotrigine"] = "no",
        ["medicationFlags.maois"] = "no",
        ["medicationFlags.stimulants"] = "no",
        ["medicationFlags.opioids"] = "no",
        ["medicationFlags.otherSedatives"] = "no",
        ["vitals.systolicBp"] = "150",
        ["vitals.diastolicBp"] = "85",
        ["vitals.heartRate"] = "72",
        ["vitals.weightKg"] = "70",
        ["vitals.heightCm"] = "170",
        ["vitals.measuredOn"] = "2026-01-10",
        ["baseline.phq9Total"] = "16",
        ["baseline.phq9Item9"] = "0",
        ["baseline.gad7Total"] = "10",
        ["baseline.rrs22Total"] = "55",
        ["baseline.ptqTotal"] = "30",
        ["baseline.cssrsRisk"] = "none",
        ["reason"] = "first visit",
    };

    [Fact]
    public async Task IntakeConsentSignOffAndPlan_ThroughThePages()
    {
        var clinic = await App.NewClinicAsync();
        var patient = clinic.PortalPatientId;
        using var api = await App.ClientAsAsync(clinic, Roles.Nurse);

        using (var nurse = await BrowserSession.SignInAsync(App, clinic.Emails[Roles.Nurse]))
        {
            // Bad number: the form comes back with the message beside the field and nothing is stored.
            var bad = await nurse.PostFormAsync($"/patients/{patient}/intake", "intake", new(IntakeForm(), StringComparer.Ordinal) { ["vitals.systolicBp"] = "high" });
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            Assert.Contains("Enter a number", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Null((await (await api.GetAsync($"/api/v1/patients/{patient}/intake")).ReadAsync<IntakeView>(HttpStatusCode.OK)).Latest);

            var saved = await nurse.PostFormAsync($"/patients/{patient}/intake", "intake", IntakeForm());
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var intake = await (await api.GetAsync($"/api/v1/patients/{patient}/intake")).ReadAsync<IntakeView>(HttpStatusCode.OK);
        Assert.Equal(150, intake.Latest!.Answers.Vitals.SystolicBp);

        using (var admin = await BrowserSession.SignInAsync(App, clinic.Emails[Roles.ClinicAdmin]))
        {
            var published = await admin.PostFormAsync("/consent-documents", "consent-document", new() { ["title"] = "KAT consent", ["content"] = "Synthetic consent text." });
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }

        using (var portal = await BrowserSession.SignInAsync(App, clinic.Emails[Roles.Patient]))
        {
            var page = await portal.GetHtmlAsync($"/patients/{patient}/consent");
            var documentId = System.Text.RegularExpressions.Regex.Match(page, "name=\"documentId\" value=\"([^\"]+)\"").Groups[1].Value;
            var hash = System.Text.RegularExpressions.Regex.Match(page, "name=\"contentHash\" value=\"([^\"]+)\"").Groups[1].Value;
            var signed = await portal.PostFormAsync($"/patients/{patient}/consent", "sign-consent", new() { ["documentId"] = documentId, ["contentHash"] = hash, ["typedName"] = "Alex Testperson" });
            Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
            var own = await portal.GetHtmlAsync($"/patients/{patient}");
            Assert.Contains("Consent signed", own, StringComparison.Ordinal);
            Assert.DoesNotContain("Eligibility", own, StringComparison.Ordinal); // the portal shows the patient only consent
        }

        using (var prescriber = await BrowserSession.SignInAsync(App, clinic.Emails[Roles.Prescriber]))
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal) { ["intakeRevisionId"] = intake.Latest.Id.ToString(), ["decision"] = "eligible" };
            var refused = await prescriber.PostFormAsync($"/patients/{patient}/eligibility", "sign-off", fields);
            Assert.Contains("Write why it is safe to proceed", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            fields["justification.bp-baseline-elevated"] = "Repeat BP 134/82 after rest.";
            Assert.Equal(HttpStatusCode.Redirect, (await prescriber.PostFormAsync($"/patients/{patient}/eligibility", "sign-off", fields)).StatusCode);

            var plan = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["indications"] = "treatmentResistantDepression",
                ["route"] = "Intranasal",
                ["dose.mode"] = "flat",
                ["dose.flatMg"] = "56", // clinical-reference §12.2: 56 mg = 2 devices
                ["sessionCount"] = "8",
                ["frequency"] = "twice weekly",
                ["measures"] = "phq9, rrs22",
            };
            var created = await prescriber.PostFormAsync($"/patients/{patient}/plans", "plan-create", plan);
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            var planUrl = created.Headers.Location!.OriginalString;
            var activated = await prescriber.PostFormAsync(planUrl, "plan-status", new() { ["status"] = "Active", ["version"] = "0", ["reason"] = "start" });
            Assert.Equal(HttpStatusCode.Redirect, activated.StatusCode);
            var html = await prescriber.GetHtmlAsync($"/patients/{patient}");
            Assert.Contains("may be scheduled", html, StringComparison.Ordinal);
            Assert.Contains("2 device(s) of 28 mg", html, StringComparison.Ordinal);
        }

        var plans = await (await api.GetAsync($"/api/v1/patients/{patient}/plans")).ReadAsync<List<PlanDto>>(HttpStatusCode.OK);
        Assert.Equal(PlanStatus.Active, Assert.Single(plans).Status);
    }

    [Fact]
    public async Task NurseSeesNoSignForm_AndAdminOnlyConsentDocumentsPage()
    {
        var clinic = await App.NewClinicAsync();
        using var nurse = await BrowserSession.SignInAsync(App, clinic.Emails[Roles.Nurse]);
        await nurse.PostFormAsync($"/patients/{clinic.OtherPatientId}/intake", "intake", IntakeForm());

        var html = await nurse.GetHtmlAsync($"/patients/{clinic.OtherPatientId}/eligibility");
        var documents = await nurse.GetAsync("/consent-documents");

        Assert.Contains("bp-baseline-elevated", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"decision\"", html, StringComparison.Ordinal);

        // A crafted post of the prescriber's form signs nothing.
        using var api = await App.ClientAsAsync(clinic, Roles.Nurse);
        var intakeId = (await (await api.GetAsync($"/api/v1/patients/{clinic.OtherPatientId}/intake")).ReadAsync<IntakeView>(HttpStatusCode.OK)).Latest!.Id;
        await nurse.PostFormAsync($"/patients/{clinic.OtherPatientId}/eligibility", "sign-off", new() { ["intakeRevisionId"] = intakeId.ToString(), ["decision"] = "notEligible" });
        var view = await (await api.GetAsync($"/api/v1/patients/{clinic.OtherPatientId}/eligibility")).ReadAsync<EligibilityView>(HttpStatusCode.OK);
        Assert.Null(view.LatestSignOff);
        Assert.Equal(HttpStatusCode.Redirect, documents.StatusCode);
        Assert.StartsWith("/denied", documents.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RulesPage_ShowsUnverifiedDefaults_AndRefusesABadEdit()
    {
        var clinic = await App.NewClinicAsync();
        using (var nurse = await BrowserSession.SignInAsync(App, clinic.Emails[Roles.Nurse]))
        {
            var html = await nurse.GetHtmlAsync("/eligibility-rules");
            Assert.Contains("default, unverified — review", html, StringComparison.Ordinal);
            Assert.DoesNotContain("rules-json", html, StringComparison.Ordinal);
        }

        using var admin = await BrowserSession.SignInAsync(App, clinic.Emails[Roles.ClinicAdmin]);
        var bad = await admin.PostFormAsync("/eligibility-rules", "rules", new() { ["json"] = "{\"name\":\"x\",\"rules\":[]", ["note"] = "broken" });
        Assert.Contains("is not valid JSON", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var api = await App.ClientAsAsync(clinic, Roles.ClinicAdmin);
        var rules = await (await api.GetAsync("/api/v1/eligibility-rules")).ReadAsync<RuleSetDto>(HttpStatusCode.OK);
        Assert.True(rules.IsShippedDefault);

        // A valid edit (§14.3 caution threshold lowered to 135, a [U] default) becomes the clinic's version 1.
        var edited = rules.Json.Replace("\"value\": 140", "\"value\": 135", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/eligibility-rules", "rules", new() { ["json"] = edited, ["note"] = "local protocol" })).StatusCode);
        var after = await (await api.GetAsync("/api/v1/eligibility-rules")).ReadAsync<RuleSetDto>(HttpStatusCode.OK);
        Assert.Equal("clinic-1", after.Version);
        Assert.Equal(135m, after.Parameters.Single(p => p.Name == "bpCautionSystolic").Value);
    }
}
