using System.Text.Json;
using Stillpoint.Core.Instruments;
using Stillpoint.Core.Interop.Fhir;
using Stillpoint.Core.Sessions;

namespace Stillpoint.Core.Interop.Import;

/// <summary>
/// Validates a whole bundle before anything is stored and turns it into an <see cref="ImportPlan"/>: Patients,
/// Encounters (dosing sessions), QuestionnaireResponses (rescored) and vital-sign Observations. References must
/// resolve within the bundle (by fullUrl or Type/id). Questionnaires, total-score Observations and resource types
/// we do not store are listed as skipped, not refused. Every problem of an entry is reported, joined in one refusal.
/// </summary>
public sealed class FhirImportValidator
{
    private readonly InstrumentLibrary _library;
    private readonly FhirImportRules _rules;
    private readonly ImportPlan _plan = new();
    private readonly Dictionary<string, RawEntry> _byReference = new(StringComparer.Ordinal);
    private readonly HashSet<int> _refused = [];
    private readonly HashSet<string> _mrns = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> _encounterPatient = [];
    private readonly VitalsGrouping _vitals = new();

    private FhirImportValidator(InstrumentLibrary library, FhirImportRules rules)
    {
        _library = library;
        _rules = rules;
    }

    public static ImportPlan Validate(JsonDocument document, InstrumentLibrary library, FhirImportRules rules, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(rules);
        var validator = new FhirImportValidator(library, rules);
        var (entries, refusals) = FhirBundleReader.Read(document);
        foreach (var refusal in refusals)
        {
            validator._plan.Refusals.Add(refusal);
        }

        validator.Run(entries, progress);
        return validator._plan;
    }

    internal InstrumentLibrary Library => _library;

    internal FhirImportRules Rules => _rules;

    private void Run(List<RawEntry> entries, IProgress<int>? progress)
    {
        foreach (var entry in entries)
        {
            Index(entry);
        }

        // Patients, then sessions, then what refers to them: a reference to a refused entry is itself refused.
        var order = new[] { "Patient", "Encounter" };
        var done = 0;
        foreach (var entry in entries.OrderBy(e => Array.IndexOf(order, e.ResourceType) is var i && i >= 0 ? i : order.Length).ThenBy(e => e.Index))
        {
            Check(entry);
            progress?.Report(++done);
        }

        foreach (var session in _vitals.DaySessions())
        {
            _plan.Sessions.Add(session);
        }

        foreach (var record in _vitals.Records())
        {
            _plan.Vitals.Add(record);
        }
    }

    private void Index(RawEntry entry)
    {
        if (entry.FullUrl is { } url)
        {
            _byReference.TryAdd(url, entry);
        }

        if (entry.Id is { } id)
        {
            _byReference.TryAdd($"{entry.ResourceType}/{id}", entry);
        }
    }

    private void Check(RawEntry entry)
    {
        var reasons = new List<string>();
        try
        {
            switch (entry.ResourceType)
            {
                case "Patient":
                    PatientImport.Check(entry, entry.As<FhirPatient>()!, reasons, _mrns, _rules.Now, _plan);
                    break;
                case "Encounter":
                    CheckEncounter(entry, entry.As<FhirEncounter>()!, reasons);
                    break;
                case "QuestionnaireResponse":
                    ResponseImport.Check(this, entry, entry.As<FhirQuestionnaireResponse>()!, reasons, _plan);
                    break;
                case "Observation":
                    VitalsImport.Check(this, entry, entry.As<FhirObservation>()!, reasons, _vitals, _plan);
                    break;
                case "Questionnaire":
                    _plan.Skipped.Add(new ImportSkip(entry.Index, entry.ResourceType, entry.Id, "not imported: Stillpoint's own instrument definitions are used"));
                    break;
                default:
                    _plan.Skipped.Add(new ImportSkip(entry.Index, entry.ResourceType, entry.Id, "not imported: this resource type is not stored"));
                    break;
            }
        }
        catch (JsonException e)
        {
            reasons.Add($"not valid {entry.ResourceType} JSON: {e.Message}");
        }

        if (reasons.Count > 0)
        {
            _refused.Add(entry.Index);
            _plan.Refusals.Add(new ImportRefusal(entry.Index, entry.ResourceType, entry.Id, string.Join("; ", reasons)));
        }
    }

    private void CheckEncounter(RawEntry entry, FhirEncounter encounter, List<string> reasons)
    {
        var patient = Resolve(encounter.Subject, "Patient", "subject", reasons);
        if (encounter.Class is null)
        {
            reasons.Add("class is required");
        }

        var phase = FhirValueMaps.ImportedPhase(encounter.Status);
        if (phase is null)
        {
            reasons.Add(encounter.Status is null
                ? "status is required"
                : $"status '{encounter.Status}' cannot be imported: only planned, finished or cancelled sessions (finish a running session first)");
        }

        if (!FhirDates.TryParseInstant(encounter.Period?.Start, out var start))
        {
            reasons.Add("period.start is required as a date-time with time zone");
        }

        DateTimeOffset? end = null;
        if (encounter.Period?.End is { } endText)
        {
            end = FhirDates.TryParseInstant(endText, out var parsed) && parsed >= start ? parsed : null;
            if (end is null)
            {
                reasons.Add("period.end must be a date-time with time zone, not before period.start");
            }
        }

        if (reasons.Count == 0)
        {
            _encounterPatient[entry.Index] = patient!.Value;
            _plan.Sessions.Add(new ImportedSession(SessionKey(entry.Index), patient.Value, phase!.Value, start, end));
        }
    }

    internal static string SessionKey(int encounterIndex) => "encounter:" + encounterIndex.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The entry index a reference points to, checking it resolves, has the right type and was not refused.</summary>
    internal int? Resolve(ResourceReference? reference, string type, string field, List<string> reasons, bool required = true)
    {
        if (string.IsNullOrEmpty(reference?.Reference))
        {
            if (required)
            {
                reasons.Add($"{field} is required");
            }

            return null;
        }

        if (!_byReference.TryGetValue(reference.Reference, out var target))
        {
            reasons.Add($"{field} '{reference.Reference}' does not resolve within the bundle");
            return null;
        }

        if (!string.Equals(target.ResourceType, type, StringComparison.Ordinal))
        {
            reasons.Add($"{field} must refer to a {type}, not a {target.ResourceType}");
            return null;
        }

        if (_refused.Contains(target.Index))
        {
            reasons.Add($"{field} refers to entry {target.Index}, which is refused");
            return null;
        }

        return target.Index;
    }

    /// <summary>The session key of an encounter reference, checking it belongs to <paramref name="patient"/>.</summary>
    internal string? SessionOf(ResourceReference? encounter, int? patient, List<string> reasons)
    {
        if (Resolve(encounter, "Encounter", "encounter", reasons, required: false) is not { } index)
        {
            return null;
        }

        if (_encounterPatient.TryGetValue(index, out var owner) && owner != patient)
        {
            reasons.Add("encounter belongs to another patient");
            return null;
        }

        return SessionKey(index);
    }

    internal static SessionPhase? PhaseExtension(IReadOnlyList<Extension>? extensions) =>
        extensions?.FirstOrDefault(e => e.Url == FhirCodes.SessionPhaseExtension)?.ValueCode is { } code
        && Enum.TryParse<SessionPhase>(code, ignoreCase: false, out var phase) && Enum.IsDefined(phase) ? phase : null;
}
