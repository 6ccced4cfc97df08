using System.Net;
using System.Text.Json;
using Stillpoint.Core.Access;
using Stillpoint.Core.Eligibility;
using Stillpoint.Core.Plans;
using Stillpoint.Web.Assessment;
using Stillpoint.Web.Tests.Infrastructure;

namespace Stillpoint.Web.Tests;

/// <summary>Issue 4 acceptance over HTTP on both providers: sign-off roles, 409s, the dosing gate, bad input.</summary>
[Collection(WebAppsDefinition.Name)]
public sealed class AssessmentApiTests(AppsFixture apps)
{
    /// <summary>Every answer given; one caution fires (§14.3: 150/85 > 140/90 [U]).</summary>
    private static readonly IntakeAnswers CautionIntake = new()
    {
        Indications = [Indication.TreatmentResistantDepression],
        Psychosis = HistoryStatus.Never,
        Mania = HistoryStatus.Never,
        SubstanceUseDisorder = HistoryStatus.Never,
        PriorKetamineUse = YesNo.No,
        Hypertension = HypertensionStatus.Controlled,
        CardiovascularDisease = YesNo.No,
        Aneurysm = YesNo.No,
        RaisedIntracranialPressure = YesNo.No,
        LiverDisease = YesNo.No,
        Pregnant = YesNo.No,
        Breastfeeding = YesNo.No,
        SeizureDisorder = YesNo.No,
        MedicationFlags = new(YesNo.No, YesNo.No, YesNo.No, YesNo.No, YesNo.No, YesNo.No),
        Vitals = new(SystolicBp: 150, DiastolicBp: 85, HeartRate: 70, WeightKg: 72m, HeightCm: 170m, MeasuredOn: new DateOnly(2026, 1, 10)),
        Baseline = new(Phq9Total: 17, Phq9Item9: 0, Gad7Total: 9, Rrs22Total: 58, PtqTotal: 35, CssrsRisk: CssrsRisk.None),
    };

    // clinical-reference §12.1: 0.5 mg/kg IV over 40 min; §12.3: 6 infusions.
    private static readonly PlanContent IvPlan = new()
    {
        Indications = [Indication.TreatmentResistantDepression],
        Route = Route.IV,
        Dose = new DoseSpec(DoseMode.PerKg, 0.5m, 1m, 60m),
        InfusionMinutes = 40,
        SessionCount = 6,
        Frequency = "3 per week",
        Intention = "To feel less stuck in my own head.",
        Measures = ["phq9", "rrs22"],
    };

    private static string Base(Guid patientId) => $"/api/v1/patients/{patientId}";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Nurse_CannotSignEligibility_PrescriberCan_WithJustification(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        using var prescriber = await app.ClientAsAsync(clinic, Roles.Prescriber);
        var patient = clinic.OtherPatientId;
        var intake = await (await nurse.PostJsonAsync($"{Base(patient)}/intake", new IntakeRequest(CautionIntake, null, "first visit"))).ReadAsync<IntakeRevisionDto>(HttpStatusCode.Created);

        var byNurse = await nurse.PostJsonAsync($"{Base(patient)}/eligibility/sign-off", Sign(intake.Id));
        Assert.Equal(HttpStatusCode.Forbidden, byNurse.StatusCode);

        // Without a justification for the caution: 400 naming it.
        var missing = await (await prescriber.PostJsonAsync($"{Base(patient)}/eligibility/sign-off", new SignOffRequest(intake.Id, "eligible", null, null))).FieldErrorsAsync();
        Assert.Contains("justifications.bp-baseline-elevated", missing.Keys);

        var signed = await (await prescriber.PostJsonAsync($"{Base(patient)}/eligibility/sign-off", Sign(intake.Id))).ReadAsync<SignOffDto>(HttpStatusCode.Created);
        Assert.True(signed.Eligible);
        Assert.Equal(1, signed.IntakeRevisionNumber);
        Assert.Equal("default-1", signed.RuleSetVersion);
        Assert.Equal("NeedsJustification", signed.ComputedStatus);

        var view = await (await nurse.GetAsync($"{Base(patient)}/eligibility")).ReadAsync<EligibilityView>(HttpStatusCode.OK);
        Assert.Equal(EligibilityState.Current, view.State);
        var finding = Assert.Single(view.Evaluation!.Findings, f => f.RuleId == "bp-baseline-elevated");
        Assert.Contains("150 > 140", finding.Because, StringComparison.Ordinal);

        // A later intake revision marks the sign-off out of date.
        await (await nurse.PostJsonAsync($"{Base(patient)}/intake", new IntakeRequest(CautionIntake with { PriorKetamineUse = YesNo.Yes }, 1, "prior use disclosed"))).ReadAsync<IntakeRevisionDto>(HttpStatusCode.Created);
        var after = await (await nurse.GetAsync($"{Base(patient)}/eligibility")).ReadAsync<EligibilityView>(HttpStatusCode.OK);
        Assert.Equal(EligibilityState.OutOfDate, after.State);
        Assert.False(after.LatestSignOff!.Current);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Scheduling_IsRefusedWithThePreciseMissingPrerequisite_ThenAllowed_ThenBlockedByWithdrawal(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var admin = await app.ClientAsAsync(clinic, Roles.ClinicAdmin);
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        using var prescriber = await app.ClientAsAsync(clinic, Roles.Prescriber);
        using var patientLogin = await app.ClientAsAsync(clinic, Roles.Patient);
        var patient = clinic.PortalPatientId;

        Assert.Equal(["eligibility-not-signed", "consent-not-signed", "plan-not-active"], await MissingAsync(nurse, patient));

        var intake = await (await nurse.PostJsonAsync($"{Base(patient)}/intake", new IntakeRequest(CautionIntake, null, null))).ReadAsync<IntakeRevisionDto>(HttpStatusCode.Created);
        await (await prescriber.PostJsonAsync($"{Base(patient)}/eligibility/sign-off", Sign(intake.Id))).ReadAsync<SignOffDto>(HttpStatusCode.Created);
        Assert.Equal(["consent-not-signed", "plan-not-active"], await MissingAsync(nurse, patient));

        // A plan cannot be activated before consent: 409 naming it.
        var plan = await (await prescriber.PostJsonAsync($"{Base(patient)}/plans", new PlanRequest(IvPlan, null, null))).ReadAsync<PlanDto>(HttpStatusCode.Created);
        var early = await prescriber.PostJsonAsync($"{Base(patient)}/plans/{plan.Id}/status", new PlanTransitionRequest(PlanStatus.Active, null, plan.Version));
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("consent", await early.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        // The patient signs in the portal the version the admin published, with the hash they saw.
        var document = await (await admin.PostJsonAsync("/api/v1/consent-documents", new ConsentDocumentRequest("Ketamine-assisted therapy consent", "I understand the risks ..."))).ReadAsync<ConsentDocumentDto>(HttpStatusCode.Created);
        Assert.Equal(64, document.ContentHash.Length);
        var signature = await (await patientLogin.PostJsonAsync($"{Base(patient)}/consents", new ConsentSignRequest(document.Id, "Alex Testperson", document.ContentHash))).ReadAsync<ConsentSignatureDto>(HttpStatusCode.Created);
        Assert.Equal(Stillpoint.Data.Assessment.ConsentMethod.Portal, signature.Method);
        Assert.Equal(["plan-not-active"], await MissingAsync(nurse, patient));

        var active = await (await prescriber.PostJsonAsync($"{Base(patient)}/plans/{plan.Id}/status", new PlanTransitionRequest(PlanStatus.Active, "start induction", plan.Version))).ReadAsync<PlanDto>(HttpStatusCode.OK);
        Assert.Equal(PlanStatus.Active, active.Status);
        // §12.1: 0.5 mg/kg × 72 kg (intake weight, measured after the record's) = 36 mg over 40 min.
        Assert.Equal(36m, active.Dose!.DoseMg);
        var allowed = await (await nurse.PostAsync($"{Base(patient)}/sessions/schedule-check", null)).ReadAsync<GateResult>(HttpStatusCode.OK);
        Assert.True(allowed.Allowed);
        Assert.Empty(allowed.Missing);

        // Withdrawing consent blocks the next scheduling.
        await (await patientLogin.PostJsonAsync($"{Base(patient)}/consents/{signature.Id}/withdraw", new ConsentWithdrawRequest("changed my mind", signature.Version))).ReadAsync<ConsentSignatureDto>(HttpStatusCode.OK);
        Assert.Equal(["consent-withdrawn"], await MissingAsync(nurse, patient));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task StoredBaselineResponse_AfterSignOff_MarksItOutOfDate_AndIsUsedByTheRules(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        using var prescriber = await app.ClientAsAsync(clinic, Roles.Prescriber);
        var patient = clinic.OtherPatientId;
        var intake = await (await nurse.PostJsonAsync($"{Base(patient)}/intake", new IntakeRequest(CautionIntake, null, null))).ReadAsync<IntakeRevisionDto>(HttpStatusCode.Created);
        await (await prescriber.PostJsonAsync($"{Base(patient)}/eligibility/sign-off", Sign(intake.Id))).ReadAsync<SignOffDto>(HttpStatusCode.Created);

        // §7: suicidal behaviour within the past 3 months (Q6 yes, follow-up yes) = high risk; the intake said none.
        var cssrs = new { instrumentId = "cssrs-screen", answers = new object?[] { 0, 0, null, null, null, 1, 1 }, context = "baseline" };
        Assert.Equal(HttpStatusCode.Created, (await nurse.PostJsonAsync($"/api/v1/patients/{patient}/responses", cssrs)).StatusCode);

        var view = await (await nurse.GetAsync($"{Base(patient)}/eligibility")).ReadAsync<EligibilityView>(HttpStatusCode.OK);
        Assert.Equal(EligibilityState.OutOfDate, view.State);
        Assert.Contains(view.Evaluation!.Findings, f => f.RuleId == "cssrs-high-risk");
        Assert.Contains(view.BaselineFromResponses, s => s.Contains("C-SSRS screen risk high", StringComparison.Ordinal));
        Assert.Equal(["eligibility-out-of-date", "consent-not-signed", "plan-not-active"], await MissingAsync(nurse, patient));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task StalePlanUpdate_Is409_AndChangesNothing(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var prescriber = await app.ClientAsAsync(clinic, Roles.Prescriber);
        var patient = clinic.OtherPatientId;
        var plan = await (await prescriber.PostJsonAsync($"{Base(patient)}/plans", new PlanRequest(IvPlan, null, null))).ReadAsync<PlanDto>(HttpStatusCode.Created);

        var first = await (await prescriber.PutJsonAsync($"{Base(patient)}/plans/{plan.Id}", new PlanRequest(IvPlan with { SessionCount = 8 }, "two more sessions", plan.Version))).ReadAsync<PlanDto>(HttpStatusCode.OK);
        var stale = await prescriber.PutJsonAsync($"{Base(patient)}/plans/{plan.Id}", new PlanRequest(IvPlan with { SessionCount = 4 }, "fewer", plan.Version));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var current = await (await prescriber.GetAsync($"{Base(patient)}/plans/{plan.Id}")).ReadAsync<PlanDto>(HttpStatusCode.OK);
        Assert.Equal(8, current.Content.SessionCount);
        Assert.Equal(first.Version, current.Version);
        Assert.Equal([2, 1], current.Revisions.Select(r => r.Number));
        Assert.Equal("two more sessions", current.Revisions[0].Reason);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task StaleIntakeRevision_Is409(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        var patient = clinic.OtherPatientId;
        await (await nurse.PostJsonAsync($"{Base(patient)}/intake", new IntakeRequest(CautionIntake, null, null))).ReadAsync<IntakeRevisionDto>(HttpStatusCode.Created);

        var stale = await nurse.PostJsonAsync($"{Base(patient)}/intake", new IntakeRequest(CautionIntake, null, null));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var view = await (await nurse.GetAsync($"{Base(patient)}/intake")).ReadAsync<IntakeView>(HttpStatusCode.OK);
        Assert.Single(view.Revisions);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task BadInput_Is400WithFields_AndStoresNothing(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        using var prescriber = await app.ClientAsAsync(clinic, Roles.Prescriber);
        using var admin = await app.ClientAsAsync(clinic, Roles.ClinicAdmin);
        var patient = clinic.OtherPatientId;

        // §1: PHQ-9 total is 0–27; BP halves must come together.
        var badIntake = CautionIntake with { Baseline = CautionIntake.Baseline with { Phq9Total = 30 }, Vitals = CautionIntake.Vitals with { DiastolicBp = null } };
        var intakeErrors = await (await nurse.PostJsonAsync($"{Base(patient)}/intake", new IntakeRequest(badIntake, null, null))).FieldErrorsAsync();
        Assert.Contains("baseline.phq9Total", intakeErrors.Keys);
        Assert.Contains("vitals.diastolicBp", intakeErrors.Keys);

        using var badEnum = new StringContent("""{"answers":{"pregnant":"perhaps"}}""", System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, (await nurse.PostAsync($"{Base(patient)}/intake", badEnum)).StatusCode);

        var view = await (await nurse.GetAsync($"{Base(patient)}/intake")).ReadAsync<IntakeView>(HttpStatusCode.OK);
        Assert.Null(view.Latest);

        // §12.3: IV infusion 2–100 min; per-kg needs a cap.
        var badPlan = IvPlan with { InfusionMinutes = 500, Dose = new DoseSpec(DoseMode.PerKg, 0.5m, 1m, null) };
        var planErrors = await (await prescriber.PostJsonAsync($"{Base(patient)}/plans", new PlanRequest(badPlan, null, null))).FieldErrorsAsync();
        Assert.Contains("infusionMinutes", planErrors.Keys);
        Assert.Contains("dose.maxMg", planErrors.Keys);
        var plans = await (await prescriber.GetAsync($"{Base(patient)}/plans")).ReadAsync<List<PlanDto>>(HttpStatusCode.OK);
        Assert.Empty(plans);

        var ruleErrors = await (await admin.PutJsonAsync("/api/v1/eligibility-rules", new RuleSetRequest("""{"name":"x","rules":[{"id":"a","outcome":"exclude","when":{"field":"shoeSize","equals":"yes"},"explanation":"e","source":"s"}]}""", null))).FieldErrorsAsync();
        Assert.Contains("shoeSize", Assert.Single(ruleErrors["json"]), StringComparison.Ordinal);
        var rules = await (await admin.GetAsync("/api/v1/eligibility-rules")).ReadAsync<JsonElement>(HttpStatusCode.OK);
        Assert.True(rules.GetProperty("isShippedDefault").GetBoolean());

        var consentErrors = await (await admin.PostJsonAsync("/api/v1/consent-documents", new ConsentDocumentRequest(" ", null))).FieldErrorsAsync();
        Assert.Contains("title", consentErrors.Keys);
        Assert.Contains("content", consentErrors.Keys);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AnotherClinicsPatient_Is404(string provider)
    {
        var app = apps[provider];
        var mine = await app.NewClinicAsync();
        var theirs = await app.NewClinicAsync();
        using var prescriber = await app.ClientAsAsync(mine, Roles.Prescriber);

        Assert.Equal(HttpStatusCode.NotFound, (await prescriber.GetAsync($"{Base(theirs.OtherPatientId)}/eligibility")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await prescriber.PostJsonAsync($"{Base(theirs.OtherPatientId)}/plans", new PlanRequest(IvPlan, null, null))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await prescriber.PostAsync($"{Base(theirs.OtherPatientId)}/sessions/schedule-check", null)).StatusCode);
    }

    private static SignOffRequest Sign(Guid intakeRevisionId) => new(
        intakeRevisionId,
        "eligible",
        new Dictionary<string, string>(StringComparer.Ordinal) { ["bp-baseline-elevated"] = "Repeat BP 138/86 after rest; on amlodipine; monitor at 40 min." },
        null);

    private static async Task<List<string>> MissingAsync(HttpClient client, Guid patientId)
    {
        var result = await (await client.PostAsync($"{Base(patientId)}/sessions/schedule-check", null)).ReadAsync<GateResult>(HttpStatusCode.OK);
        Assert.Equal(result.Missing.Count == 0, result.Allowed);
        return [.. result.Missing.Select(m => m.Code)];
    }
}
