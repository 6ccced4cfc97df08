using System.Text.Json;
using System.Text.Json.Nodes;
using Stillpoint.Core.Interop.Fhir;
using Stillpoint.Core.Interop.Import;
using Stillpoint.Core.Sessions;
using Stillpoint.Core.Tests.Instruments;

namespace Stillpoint.Core.Tests.Interop;

public sealed class FhirImportValidatorTests
{
    private static readonly FhirImportRules Rules = new(["baseline", "pre-dose", "post-dose", "follow-up"], "follow-up", InteropSamples.Now);

    private static string ExportJson() => FhirJson.Serialize(FhirBundleBuilder.Build(InteropSamples.Set(), ShippedInstruments.Library, InteropSamples.Now, Guid.NewGuid()));

    private static ImportPlan Validate(string json)
    {
        using var document = JsonDocument.Parse(json);
        return FhirImportValidator.Validate(document, ShippedInstruments.Library, Rules);
    }

    private static string Mutate(Func<JsonNode, bool> which, Action<JsonObject> change)
    {
        var node = JsonNode.Parse(ExportJson())!;
        change(node["entry"]!.AsArray().Select(e => e!["resource"]!).First(which).AsObject());
        return node.ToJsonString();
    }

    private static bool Is(JsonNode r, string type) => (string?)r["resourceType"] == type;

    private static bool IsCode(JsonNode r, string code) => Is(r, "Observation") && (string?)r["code"]!["coding"]![0]!["code"] == code;

    private static bool IsResponse(JsonNode r, string instrument) => Is(r, "QuestionnaireResponse") && ((string?)r["questionnaire"])!.Contains(instrument, StringComparison.Ordinal);

    [Fact]
    public void ExportedBundle_BecomesAPlanWithTheSameAnswersRescoredAndTheSameVitals()
    {
        var plan = Validate(ExportJson());

        Assert.True(plan.CanImport, string.Join("\n", plan.Refusals.Select(r => r.Reason)));
        var patient = Assert.Single(plan.Patients);
        Assert.Equal(("MRN-77", "Robin, \"Rob\"", "O'Hara", new DateOnly(1984, 3, 9)), (patient.Mrn, patient.GivenName, patient.FamilyName, patient.BirthDate));
        var source = InteropSamples.Patient();
        foreach (var expected in source.Responses)
        {
            var imported = plan.Responses.Single(r => r.Definition.Id == expected.InstrumentId);
            Assert.Equal(expected.Answers, imported.Answers);
            Assert.Equal(expected.Total, imported.Score.Total);
            Assert.Equal(expected.Severity, imported.Score.Severity);
            Assert.Equal(expected.AnsweredAt, imported.AnsweredAt);
            Assert.Equal(expected.Context, imported.Context);
        }

        var session = Assert.Single(plan.Sessions);
        Assert.Equal(SessionPhase.Discharged, session.Phase);
        Assert.Equal(session.Key, plan.Responses.Single(r => r.Definition.Id == "bsri").SessionKey);
        var vitals = plan.Vitals.OrderBy(v => v.At).ToList();
        Assert.Equal(
            source.Sessions[0].Vitals.Select(v => (v.At, v.Phase, v.Systolic, v.Diastolic, v.HeartRate, v.SpO2, v.RespiratoryRate)),
            vitals.Select(v => (v.At, v.Phase.ToString()!, v.Systolic, v.Diastolic, v.HeartRate, v.SpO2, v.RespiratoryRate)));
    }

    [Fact]
    public void QuestionnairesAndTotals_AreSkippedNotRefused_AndTheSendersTotalIsNeverUsed()
    {
        var json = Mutate(r => IsCode(r, "44261-6"), o => o["valueQuantity"]!["value"] = 27);

        var plan = Validate(json);

        Assert.True(plan.CanImport);
        Assert.Equal(3, plan.Skipped.Count(s => s.ResourceType == "Questionnaire"));
        Assert.Equal(2, plan.Skipped.Count(s => s.ResourceType == "Observation"));
        Assert.Equal(10m, plan.Responses.Single(r => r.Definition.Id == "phq9").Score.Total);
    }

    public static TheoryData<string, string> BadResources => new()
    {
        { "observation-status", "status is required" },
        { "dangling-subject", "does not resolve within the bundle" },
        { "unknown-link", "is not an item of phq9" },
        { "bad-answer", "is not an accepted answer" },
        { "bad-unit", "unit must be UCUM '/min'" },
        { "unknown-code", "not a supported vital sign" },
        { "future", "authored is in the future" },
        { "unknown-questionnaire", "is not a known instrument" },
        { "wrong-version", "is not the loaded version" },
        { "implausible", "is not a whole number between" },
        { "running-session", "cannot be imported" },
        { "no-birth-date", "birthDate: Date of birth is required." },
        { "incomplete", "incomplete: unanswered" },
    };

    [Theory]
    [MemberData(nameof(BadResources))]
    public void OneBadResource_IsRefusedWithItsReason_AndThePlanCannotImport(string defect, string reason)
    {
        var json = defect switch
        {
            "observation-status" => Mutate(r => IsCode(r, FhirCodes.HeartRate), o => o.Remove("status")),
            "dangling-subject" => Mutate(r => IsResponse(r, "gad7"), o => o["subject"]!["reference"] = "Patient/nobody"),
            "unknown-link" => Mutate(r => IsResponse(r, "phq9"), o => o["item"]![0]!["linkId"] = "phq9-99"),
            "bad-answer" => Mutate(r => IsResponse(r, "phq9"), o => o["item"]![0]!["answer"]![0]!["valueCoding"]!["code"] = "7"),
            "bad-unit" => Mutate(r => IsCode(r, FhirCodes.HeartRate), o => o["valueQuantity"]!["code"] = "beats"),
            "unknown-code" => Mutate(r => IsCode(r, FhirCodes.HeartRate), o => o["code"]!["coding"]![0]!["code"] = "29463-7"),
            "future" => Mutate(r => IsResponse(r, "gad7"), o => o["authored"] = "2027-01-01T00:00:00Z"),
            "unknown-questionnaire" => Mutate(r => IsResponse(r, "gad7"), o => o["questionnaire"] = "http://example.org/Questionnaire/x"),
            "wrong-version" => Mutate(r => IsResponse(r, "gad7"), o => o["questionnaire"] = FhirCodes.QuestionnaireUrl("gad7") + "|9.9.9"),
            "implausible" => Mutate(r => IsCode(r, FhirCodes.RespiratoryRate), o => o["valueQuantity"]!["value"] = 14.5),
            "running-session" => Mutate(r => Is(r, "Encounter"), o => o["status"] = "in-progress"),
            "no-birth-date" => Mutate(r => Is(r, "Patient"), o => o.Remove("birthDate")),
            _ => Mutate(r => IsResponse(r, "gad7"), o => o["item"]!.AsArray().RemoveAt(0)),
        };

        var plan = Validate(json);

        Assert.False(plan.CanImport);
        Assert.Contains(plan.Refusals, r => r.Reason.Contains(reason, StringComparison.Ordinal) && r.Index >= 0);
    }

    [Fact]
    public void ARefusedPatient_RefusesEverythingThatRefersToIt()
    {
        var plan = Validate(Mutate(r => Is(r, "Patient"), o => o.Remove("name")));

        Assert.Contains(plan.Refusals, r => r.ResourceType == "Patient" && r.Reason.Contains("name.given", StringComparison.Ordinal));
        Assert.Contains(plan.Refusals, r => r.ResourceType == "QuestionnaireResponse" && r.Reason.Contains("which is refused", StringComparison.Ordinal));
    }

    [Fact]
    public void VitalsWithoutAnEncounter_GoIntoOneSessionPerPatientAndDay()
    {
        var node = JsonNode.Parse(ExportJson())!;
        var entries = node["entry"]!.AsArray();
        foreach (var vital in entries.Select(e => e!["resource"]!).Where(r => Is(r, "Observation") && r["encounter"] is not null))
        {
            vital.AsObject().Remove("encounter");
        }

        var plan = Validate(node.ToJsonString());

        Assert.True(plan.CanImport);
        Assert.Equal(2, plan.Sessions.Count); // the Encounter itself, and the day session the vitals now fall into
        Assert.All(plan.Vitals, v => Assert.StartsWith("day:", v.SessionKey, StringComparison.Ordinal));
        Assert.Equal(2, plan.Vitals.Count);
    }

    [Fact]
    public void NotABundle_IsRefusedAsAWhole()
    {
        var plan = Validate("""{"resourceType":"Patient"}""");

        Assert.Equal(-1, Assert.Single(plan.Refusals).Index);
    }

    [Fact]
    public void TwoPatientsWithOneMrn_AreRefused()
    {
        var node = JsonNode.Parse(ExportJson())!;
        var entries = node["entry"]!.AsArray();
        var copy = entries.First(e => Is(e!["resource"]!, "Patient"))!.DeepClone();
        copy["fullUrl"] = "urn:uuid:" + Guid.NewGuid();
        copy["resource"]!["id"] = "other";
        entries.Add(copy);

        var plan = Validate(node.ToJsonString());

        Assert.Contains(plan.Refusals, r => r.Reason.Contains("appears on another Patient", StringComparison.Ordinal));
    }
}
