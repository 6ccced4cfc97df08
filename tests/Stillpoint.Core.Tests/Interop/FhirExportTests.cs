using System.Text.Json;
using System.Text.Json.Nodes;
using Stillpoint.Core.Interop.Fhir;
using Stillpoint.Core.Tests.Instruments;

namespace Stillpoint.Core.Tests.Interop;

public sealed class FhirExportTests
{
    private static readonly string Json = FhirJson.Serialize(FhirBundleBuilder.Build(InteropSamples.Set(), ShippedInstruments.Library, InteropSamples.Now, Guid.NewGuid()));

    private static List<JsonElement> Resources(string type) =>
        [.. JsonDocument.Parse(Json).RootElement.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource"))
            .Where(r => r.GetProperty("resourceType").GetString() == type)];

    private static JsonElement Observation(string loinc) =>
        Resources("Observation").First(o => o.GetProperty("code").GetProperty("coding").EnumerateArray().Any(c => c.GetProperty("code").GetString() == loinc));

    [Fact]
    public void ExportedBundle_IsStructurallyValidR4()
    {
        Assert.Empty(FhirStructureChecker.Check(Json));
    }

    [Fact]
    public void StructuralChecker_CatchesAMissingRequiredElementAndADanglingReference()
    {
        var node = JsonNode.Parse(Json)!;
        var entries = node["entry"]!.AsArray();
        var observation = entries.First(e => (string?)e!["resource"]!["resourceType"] == "Observation")!["resource"]!.AsObject();
        observation.Remove("status");
        observation["subject"] = new JsonObject { ["reference"] = "urn:uuid:00000000-0000-0000-0000-000000000000" };

        var problems = FhirStructureChecker.Check(node.ToJsonString());

        Assert.Contains(problems, p => p.Contains("status", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("does not resolve", StringComparison.Ordinal));
    }

    [Fact]
    public void Bundle_IsACollection_WithOneQuestionnairePerInstrument_UsingOurLabels()
    {
        Assert.Equal("collection", JsonDocument.Parse(Json).RootElement.GetProperty("type").GetString());
        var questionnaires = Resources("Questionnaire");
        Assert.Equal(["bsri", "gad7", "phq9"], questionnaires.Select(q => q.GetProperty("url").GetString()!.Split('/')[^1]).Order(StringComparer.Ordinal));
        var phq9 = questionnaires.Single(q => q.GetProperty("url").GetString() == FhirCodes.QuestionnaireUrl("phq9"));
        Assert.Equal("1.0.0", phq9.GetProperty("version").GetString());
        var definition = ShippedInstruments.Get("phq9");
        Assert.Equal(definition.Items.Select(i => i.Label), phq9.GetProperty("item").EnumerateArray().Select(i => i.GetProperty("text").GetString()));
        Assert.All(phq9.GetProperty("item").EnumerateArray(), i => Assert.Equal("choice", i.GetProperty("type").GetString()));
        var bsri = questionnaires.Single(q => q.GetProperty("url").GetString() == FhirCodes.QuestionnaireUrl("bsri"));
        Assert.All(bsri.GetProperty("item").EnumerateArray(), i => Assert.Equal("integer", i.GetProperty("type").GetString()));
    }

    [Fact]
    public void Responses_AnswerPerItemByLinkId_CodingForOptionsIntegerForSliders()
    {
        var responses = Resources("QuestionnaireResponse");
        var phq9 = responses.Single(r => r.GetProperty("questionnaire").GetString() == FhirCodes.QuestionnaireUrl("phq9") + "|1.0.0");
        var first = phq9.GetProperty("item")[1];
        Assert.Equal("phq9-02", first.GetProperty("linkId").GetString());
        var coding = first.GetProperty("answer")[0].GetProperty("valueCoding");
        Assert.Equal("2", coding.GetProperty("code").GetString());
        Assert.Equal(FhirCodes.AnswerSystem("phq9"), coding.GetProperty("system").GetString());
        var bsri = responses.Single(r => r.GetProperty("questionnaire").GetString()!.Contains("bsri", StringComparison.Ordinal));
        Assert.Equal(40, bsri.GetProperty("item")[0].GetProperty("answer")[0].GetProperty("valueInteger").GetInt32());
        Assert.Equal(FhirCodes.Urn(InteropSamples.SessionId), bsri.GetProperty("encounter").GetProperty("reference").GetString());
    }

    [Theory]
    [InlineData("44261-6", 10)]
    [InlineData("70274-6", 5)]
    public void TotalsWithALoincCode_AreObservationsDerivedFromTheirResponse(string loinc, int total)
    {
        var observation = Observation(loinc);

        Assert.Equal(total, observation.GetProperty("valueQuantity").GetProperty("value").GetDecimal());
        Assert.StartsWith("urn:uuid:", observation.GetProperty("derivedFrom")[0].GetProperty("reference").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TotalsWithoutALoincCode_HaveNoObservation()
    {
        // BSRI (total 320) has no LOINC code: only PHQ-9 and GAD-7 totals and the vitals are Observations.
        Assert.DoesNotContain(Resources("Observation"), o => o.TryGetProperty("valueQuantity", out var q) && q.GetProperty("value").GetDecimal() == 320m);
        Assert.Equal(2, Resources("Observation").Count(o => o.GetProperty("category")[0].GetProperty("coding")[0].GetProperty("code").GetString() == "survey"));
    }

    [Fact]
    public void Vitals_AreLoincCodedVitalSignObservations_WithUcumUnits()
    {
        var panels = Resources("Observation").Where(o => o.GetProperty("code").GetProperty("coding")[0].GetProperty("code").GetString() == FhirCodes.BloodPressurePanel).ToList();
        Assert.Equal(2, panels.Count);
        var full = panels[0].GetProperty("component");
        Assert.Equal((FhirCodes.Systolic, 128m, "mm[Hg]"), Component(full[0]));
        Assert.Equal((FhirCodes.Diastolic, 82m, "mm[Hg]"), Component(full[1]));
        Assert.Equal(1, panels[1].GetProperty("component").GetArrayLength()); // systolic only: no invented diastolic
        Assert.Equal("vital-signs", panels[0].GetProperty("category")[0].GetProperty("coding")[0].GetProperty("code").GetString());
        Assert.Equal(FhirCodes.Urn(InteropSamples.SessionId), panels[0].GetProperty("encounter").GetProperty("reference").GetString());
        Assert.Equal("/min", Observation(FhirCodes.HeartRate).GetProperty("valueQuantity").GetProperty("code").GetString());
        Assert.Equal("%", Observation(FhirCodes.SpO2Pulse).GetProperty("valueQuantity").GetProperty("code").GetString());
        Assert.Equal(14m, Observation(FhirCodes.RespiratoryRate).GetProperty("valueQuantity").GetProperty("value").GetDecimal());
    }

    private static (string?, decimal, string?) Component(JsonElement component) =>
        (component.GetProperty("code").GetProperty("coding")[0].GetProperty("code").GetString(),
         component.GetProperty("valueQuantity").GetProperty("value").GetDecimal(),
         component.GetProperty("valueQuantity").GetProperty("code").GetString());
}
