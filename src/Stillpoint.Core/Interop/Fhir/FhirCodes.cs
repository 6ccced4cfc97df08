namespace Stillpoint.Core.Interop.Fhir;

/// <summary>Code systems, codes and units used in the exchange (LOINC codes as given in issue 7).</summary>
public static class FhirCodes
{
    /// <summary>Our canonical base: a reserved (.invalid) host, so nothing pretends to resolve it.</summary>
    public const string Base = "https://stillpoint.invalid/fhir";

    public const string Loinc = "http://loinc.org";
    public const string Ucum = "http://unitsofmeasure.org";
    public const string ObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";
    public const string IdentifierType = "http://terminology.hl7.org/CodeSystem/v2-0203";
    public const string ActCode = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    public const string MrnSystem = Base + "/identifier/mrn";
    public const string ResponseContextExtension = Base + "/StructureDefinition/response-context";
    public const string SessionPhaseExtension = Base + "/StructureDefinition/session-phase";

    public const string BloodPressurePanel = "85354-9";
    public const string Systolic = "8480-6";
    public const string Diastolic = "8462-4";
    public const string HeartRate = "8867-4";

    /// <summary>The vital-signs profile's oxygen saturation code; exported beside <see cref="SpO2Pulse"/>.</summary>
    public const string SpO2 = "2708-6";
    public const string SpO2Pulse = "59408-5";
    public const string RespiratoryRate = "9279-1";

    public const string MillimetresOfMercury = "mm[Hg]";
    public const string PerMinute = "/min";
    public const string Percent = "%";
    public const string ScoreUnit = "{score}";

    /// <summary>Instrument totals that have a LOINC code; other instruments' totals get no Observation (they stay derivable from the QuestionnaireResponse).</summary>
    public static readonly IReadOnlyDictionary<string, (string Code, string Display)> TotalCodes =
        new Dictionary<string, (string, string)>(StringComparer.Ordinal)
        {
            ["phq9"] = ("44261-6", "PHQ-9 total score"),
            ["gad7"] = ("70274-6", "GAD-7 total score"),
        };

    public static string QuestionnaireUrl(string instrumentId) => $"{Base}/Questionnaire/{instrumentId}";

    /// <summary>The code system of an instrument's answer values (code = the scored value).</summary>
    public static string AnswerSystem(string instrumentId) => $"{Base}/CodeSystem/{instrumentId}-answers";

    public static string Urn(Guid id) => "urn:uuid:" + id.ToString("D");
}
