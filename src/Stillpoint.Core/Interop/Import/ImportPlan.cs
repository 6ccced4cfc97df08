using Stillpoint.Core.Instruments.Definitions;
using Stillpoint.Core.Instruments.Scoring;
using Stillpoint.Core.Patients;
using Stillpoint.Core.Sessions;

namespace Stillpoint.Core.Interop.Import;

/// <summary>Why one bundle entry cannot be imported. <see cref="Index"/> is the 0-based entry position (-1: the bundle itself).</summary>
public sealed record ImportRefusal(int Index, string? ResourceType, string? ResourceId, string Reason);

/// <summary>An entry that is valid but deliberately not stored (e.g. a Questionnaire: ours are used; a total: we rescore).</summary>
public sealed record ImportSkip(int Index, string ResourceType, string? ResourceId, string Reason);

public sealed record ImportedPatient(int Index, string Mrn, string GivenName, string FamilyName, DateOnly BirthDate, Sex Sex, string? Email, string? Phone);

/// <summary>A dosing session: from an Encounter, or made for vitals without one (one per patient and UTC day).</summary>
public sealed record ImportedSession(string Key, int PatientIndex, SessionPhase Phase, DateTimeOffset Start, DateTimeOffset? End);

/// <summary>A response rescored by our engine; the sender's total, if any, is never used.</summary>
public sealed record ImportedResponse(
    int Index, int PatientIndex, InstrumentDefinition Definition, IReadOnlyList<int?> Answers, ScoreResult Score,
    DateTimeOffset AnsweredAt, string Context, string? SessionKey);

/// <summary>One vitals record: the Observations of one patient, session and time merged.</summary>
public sealed record ImportedVitals(
    int PatientIndex, string SessionKey, DateTimeOffset At, SessionPhase? Phase,
    int? Systolic, int? Diastolic, int? HeartRate, int? SpO2, int? RespiratoryRate);

/// <summary>What to store, and what was refused. Nothing is stored unless <see cref="Refusals"/> is empty.</summary>
public sealed class ImportPlan
{
    public IList<ImportedPatient> Patients { get; } = new List<ImportedPatient>();

    public IList<ImportedSession> Sessions { get; } = new List<ImportedSession>();

    public IList<ImportedResponse> Responses { get; } = new List<ImportedResponse>();

    public IList<ImportedVitals> Vitals { get; } = new List<ImportedVitals>();

    public IList<ImportRefusal> Refusals { get; } = new List<ImportRefusal>();

    public IList<ImportSkip> Skipped { get; } = new List<ImportSkip>();

    public bool CanImport => Refusals.Count == 0;
}

/// <summary>What the validator needs to know that is not in the bundle.</summary>
/// <param name="Contexts">Accepted response contexts (extension values).</param>
/// <param name="DefaultContext">The context of a response without the extension.</param>
/// <param name="Now">Times after this are refused.</param>
public sealed record FhirImportRules(IReadOnlyList<string> Contexts, string DefaultContext, DateTimeOffset Now);
