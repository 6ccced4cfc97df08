using Stillpoint.Data.Entities;

namespace Stillpoint.Data.Sessions;

/// <summary>
/// A dosing session (issue 5). Editable (versioned) for its phase, preparation checklist and go/no-go; everything
/// that happens during it is an immutable <see cref="SessionEntry"/> on its timeline. The plan revision, dose and
/// weight are copied in as plain values so the session stays readable whatever happens to the plan later.
/// </summary>
public sealed class DosingSession : IPatientOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ClinicId { get; set; }

    public Guid PatientId { get; set; }

    /// <summary>A Core <c>SessionPhase</c> name.</summary>
    public string Phase { get; set; } = "Scheduled";

    public DateTimeOffset ScheduledFor { get; set; }

    public Guid? PlanRevisionId { get; set; }

    public decimal? ComputedDoseMg { get; set; }

    public decimal? WeightKgUsed { get; set; }

    public string? Intention { get; set; }

    public bool? FastingConfirmed { get; set; }

    public bool? EscortConfirmed { get; set; }

    /// <summary>A Core <c>PregnancyTest</c> name.</summary>
    public string Pregnancy { get; set; } = "NotDone";

    public bool? MedicationsReviewed { get; set; }

    public string? ConcomitantMedications { get; set; }

    /// <summary>go, no-go or overridden; null until checked.</summary>
    public string? GoNoGoVerdict { get; set; }

    public DateTimeOffset? GoNoGoAt { get; set; }

    public Guid? OverrideBy { get; set; }

    public string? OverrideReason { get; set; }

    public DateTimeOffset? CheckedInAt { get; set; }

    /// <summary>Start of the first administration: the session clock's zero.</summary>
    public DateTimeOffset? DosingStartedAt { get; set; }

    public DateTimeOffset? DosingEndedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public string? AbortReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Guid? CreatedBy { get; set; }

    public int Version { get; set; }
}

/// <summary>What a timeline entry is.</summary>
public static class EntryKinds
{
    public const string Vitals = "vitals";
    public const string Rating = "rating";
    public const string Observation = "observation";
    public const string Note = "note";
    public const string Administration = "administration";
    public const string AdministrationEnd = "administration-end";
    public const string AdverseEvent = "adverse-event";
    public const string Alert = "alert";
    public const string Acknowledgement = "acknowledgement";
    public const string Transition = "transition";
    public const string GoNoGo = "go-no-go";
    public const string DischargeScore = "discharge-score";
}

/// <summary>
/// One immutable entry on a session's timeline. One table with typed nullable columns for every kind (instead
/// of one table per kind): the timeline is one indexed range read, and the ingestion writer inserts one row type.
/// Corrections are new entries, never updates.
/// </summary>
public sealed class SessionEntry : IPatientOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ClinicId { get; set; }

    public Guid PatientId { get; set; }

    public Guid SessionId { get; set; }

    /// <summary>One of <see cref="EntryKinds"/>.</summary>
    public string Kind { get; set; } = EntryKinds.Note;

    /// <summary>The clinical time (when measured / happened).</summary>
    public DateTimeOffset At { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public Guid? RecordedBy { get; set; }

    /// <summary>The session phase when the entry was recorded (pre-dose vitals are those recorded before Dosing).</summary>
    public string Phase { get; set; } = "Scheduled";

    public int? Systolic { get; set; }

    public int? Diastolic { get; set; }

    public int? HeartRate { get; set; }

    public int? SpO2 { get; set; }

    public int? RespiratoryRate { get; set; }

    public int? Moaas { get; set; }

    public int? Cadss6 { get; set; }

    /// <summary>Alert/rule code, adverse-event type, emotional state, transition target, route, or score kind.</summary>
    public string? Code { get; set; }

    /// <summary>Alert or adverse-event severity.</summary>
    public string? Severity { get; set; }

    /// <summary>Explanation, free text, reason, action taken or outcome.</summary>
    public string? Text { get; set; }

    public string? Drug { get; set; }

    public decimal? DoseMg { get; set; }

    public string? LotNumber { get; set; }

    public DateOnly? LotExpiry { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public Guid? WitnessId { get; set; }

    /// <summary>The entry this one refers to (acknowledgement → alert, alert → triggering entry, end → administration).</summary>
    public Guid? RelatedEntryId { get; set; }

    /// <summary>"device" for the ingestion API, "staff" for forms.</summary>
    public string Source { get; set; } = "staff";
}

/// <summary>
/// A stored answer to an idempotent request (vitals ingestion). A retry with the same key gets this answer back
/// and stores nothing twice. Not IClinicScoped (it is request bookkeeping, written in the same transaction as the
/// audited rows it answers for); it carries ClinicId and every lookup filters by it.
/// </summary>
public sealed class IdempotencyRecord
{
    public Guid ClinicId { get; set; }

    public string Key { get; set; } = string.Empty;

    /// <summary>SHA-256 of the route and body: the same key with a different request is refused.</summary>
    public string RequestHash { get; set; } = string.Empty;

    public int StatusCode { get; set; }

    public string ResponseJson { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }
}
