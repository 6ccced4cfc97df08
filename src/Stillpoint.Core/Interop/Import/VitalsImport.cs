using Stillpoint.Core.Interop.Fhir;
using Stillpoint.Core.Sessions;

namespace Stillpoint.Core.Interop.Import;

public enum VitalMeasure
{
    Systolic,
    Diastolic,
    HeartRate,
    SpO2,
    RespiratoryRate,
}

/// <summary>A vital-sign Observation → measured values, checking LOINC codes, UCUM units and plausibility bounds.</summary>
internal static class VitalsImport
{
    private sealed record Expected(VitalMeasure Measure, string Unit, int Min, int Max);

    private static readonly Expected SystolicRule = new(VitalMeasure.Systolic, FhirCodes.MillimetresOfMercury, VitalSigns.MinSystolic, VitalSigns.MaxSystolic);
    private static readonly Expected DiastolicRule = new(VitalMeasure.Diastolic, FhirCodes.MillimetresOfMercury, VitalSigns.MinDiastolic, VitalSigns.MaxDiastolic);
    private static readonly Expected HeartRateRule = new(VitalMeasure.HeartRate, FhirCodes.PerMinute, VitalSigns.MinHeartRate, VitalSigns.MaxHeartRate);
    private static readonly Expected SpO2Rule = new(VitalMeasure.SpO2, FhirCodes.Percent, VitalSigns.MinSpO2, VitalSigns.MaxSpO2);
    private static readonly Expected RespiratoryRule = new(VitalMeasure.RespiratoryRate, FhirCodes.PerMinute, VitalSigns.MinRespiratoryRate, VitalSigns.MaxRespiratoryRate);

    public static void Check(FhirImportValidator validator, RawEntry entry, FhirObservation observation, List<string> reasons, VitalsGrouping grouping, ImportPlan plan)
    {
        if (FhirCodes.TotalCodes.Values.Any(t => observation.Code?.Has(FhirCodes.Loinc, t.Code) == true))
        {
            plan.Skipped.Add(new ImportSkip(entry.Index, entry.ResourceType, entry.Id, "not imported: totals are recomputed from the QuestionnaireResponses"));
            return;
        }

        if (observation.Status is not ("final" or "amended" or "corrected"))
        {
            reasons.Add(observation.Status is null ? "status is required" : $"status '{observation.Status}' cannot be imported: only final, amended or corrected");
        }

        if (observation.Category?.Any(c => c.Has(FhirCodes.ObservationCategory, "vital-signs")) != true)
        {
            reasons.Add("category vital-signs is required");
        }

        var patient = validator.Resolve(observation.Subject, "Patient", "subject", reasons);
        var session = validator.SessionOf(observation.Encounter, patient, reasons);
        if (!FhirDates.TryParseInstant(observation.EffectiveDateTime, out var at))
        {
            reasons.Add("effectiveDateTime is required as a date-time with time zone");
        }
        else if (at > validator.Rules.Now)
        {
            reasons.Add("effectiveDateTime is in the future");
        }

        var values = Values(observation, reasons);
        if (reasons.Count == 0)
        {
            grouping.Add(patient!.Value, session, at, FhirImportValidator.PhaseExtension(observation.Extension), values, reasons);
        }
    }

    private static Dictionary<VitalMeasure, int> Values(FhirObservation observation, List<string> reasons)
    {
        var values = new Dictionary<VitalMeasure, int>();
        var code = observation.Code;
        if (code is null)
        {
            reasons.Add("code is required");
        }
        else if (code.Has(FhirCodes.Loinc, FhirCodes.BloodPressurePanel))
        {
            foreach (var component in observation.Component ?? [])
            {
                var rule = component.Code?.Has(FhirCodes.Loinc, FhirCodes.Systolic) == true ? SystolicRule
                    : component.Code?.Has(FhirCodes.Loinc, FhirCodes.Diastolic) == true ? DiastolicRule
                    : null;
                if (rule is null)
                {
                    reasons.Add($"blood pressure component code must be LOINC {FhirCodes.Systolic} or {FhirCodes.Diastolic}");
                }
                else if (Read(component.ValueQuantity, rule, reasons) is { } value && !values.TryAdd(rule.Measure, value))
                {
                    reasons.Add($"{rule.Measure} appears twice");
                }
            }

            if (values.Count == 0 && reasons.Count == 0)
            {
                reasons.Add("blood pressure panel has no systolic or diastolic component");
            }
        }
        else if (SingleRule(code) is { } rule)
        {
            if (Read(observation.ValueQuantity, rule, reasons) is { } value)
            {
                values[rule.Measure] = value;
            }
        }
        else
        {
            reasons.Add($"code is not a supported vital sign (LOINC {FhirCodes.BloodPressurePanel}, {FhirCodes.HeartRate}, {FhirCodes.SpO2}/{FhirCodes.SpO2Pulse}, {FhirCodes.RespiratoryRate}) nor an instrument total");
        }

        return values;
    }

    private static Expected? SingleRule(CodeableConcept code) =>
        code.Has(FhirCodes.Loinc, FhirCodes.HeartRate) ? HeartRateRule
        : code.Has(FhirCodes.Loinc, FhirCodes.SpO2) || code.Has(FhirCodes.Loinc, FhirCodes.SpO2Pulse) ? SpO2Rule
        : code.Has(FhirCodes.Loinc, FhirCodes.RespiratoryRate) ? RespiratoryRule
        : null;

    private static int? Read(Quantity? quantity, Expected rule, List<string> reasons)
    {
        var name = rule.Measure.ToString();
        if (quantity?.Value is not { } value)
        {
            reasons.Add($"{name}: valueQuantity.value is required");
            return null;
        }

        if (!string.Equals(quantity.System, FhirCodes.Ucum, StringComparison.Ordinal) || !string.Equals(quantity.Code, rule.Unit, StringComparison.Ordinal))
        {
            reasons.Add($"{name}: unit must be UCUM '{rule.Unit}'");
            return null;
        }

        if (value != decimal.Truncate(value) || value < rule.Min || value > rule.Max)
        {
            reasons.Add(FormattableString.Invariant($"{name}: {value} is not a whole number between {rule.Min} and {rule.Max}"));
            return null;
        }

        return (int)value;
    }
}

/// <summary>
/// Merges the Observations of one patient, session and moment into one vitals record (our export writes one
/// Observation per measure). Vitals without an Encounter go into one session per patient and UTC day.
/// </summary>
internal sealed class VitalsGrouping
{
    private readonly Dictionary<(int Patient, string Session, long Ticks), (DateTimeOffset At, SessionPhase? Phase, Dictionary<VitalMeasure, int> Values)> _records = [];
    private readonly Dictionary<string, (int Patient, DateTimeOffset First, DateTimeOffset Last)> _days = new(StringComparer.Ordinal);

    public void Add(int patient, string? session, DateTimeOffset at, SessionPhase? phase, Dictionary<VitalMeasure, int> values, List<string> reasons)
    {
        var key = session ?? DayKey(patient, at);
        var record = _records.TryGetValue((patient, key, at.UtcTicks), out var existing) ? existing : (at, phase, new Dictionary<VitalMeasure, int>());
        foreach (var (measure, value) in values)
        {
            if (!record.Item3.TryAdd(measure, value))
            {
                reasons.Add($"{measure} for this patient at {FhirJson.DateTime(at)} is already given by another Observation");
                return;
            }
        }

        _records[(patient, key, at.UtcTicks)] = record;
        if (session is null)
        {
            _days[key] = _days.TryGetValue(key, out var day)
                ? (patient, at < day.First ? at : day.First, at > day.Last ? at : day.Last)
                : (patient, at, at);
        }
    }

    public IEnumerable<ImportedSession> DaySessions() =>
        _days.Select(d => new ImportedSession(d.Key, d.Value.Patient, SessionPhase.Discharged, d.Value.First, d.Value.Last));

    public IEnumerable<ImportedVitals> Records() => _records.Select(r => new ImportedVitals(
        r.Key.Patient, r.Key.Session, r.Value.At, r.Value.Phase,
        Get(r.Value.Values, VitalMeasure.Systolic), Get(r.Value.Values, VitalMeasure.Diastolic), Get(r.Value.Values, VitalMeasure.HeartRate),
        Get(r.Value.Values, VitalMeasure.SpO2), Get(r.Value.Values, VitalMeasure.RespiratoryRate)));

    private static int? Get(Dictionary<VitalMeasure, int> values, VitalMeasure measure) => values.TryGetValue(measure, out var v) ? v : null;

    private static string DayKey(int patient, DateTimeOffset at) =>
        FormattableString.Invariant($"day:{patient}:{at.UtcDateTime:yyyy-MM-dd}");
}
