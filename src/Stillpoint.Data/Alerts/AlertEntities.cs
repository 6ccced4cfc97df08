using Stillpoint.Data.Entities;

namespace Stillpoint.Data.Alerts;

/// <summary>
/// An alert for the clinic's care team (issue 6 §4). About one patient, but staff-only: no endpoint a patient can
/// reach returns it (the patient filter alone would let a patient read its own alerts, so the alert service refuses
/// patient callers as well). Raised once per clinic and <see cref="Key"/> (unique index), so re-running the rules is
/// harmless. Editable (acknowledge, resolve, escalate) with optimistic concurrency.
/// </summary>
public sealed class CareAlert : IPatientOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ClinicId { get; set; }

    public Guid PatientId { get; set; }

    /// <summary>The domain's deterministic key, e.g. "suicide-risk/{responseId}"; unique per clinic.</summary>
    public required string Key { get; set; }

    /// <summary>A Core <c>AlertKind</c> name.</summary>
    public required string Kind { get; set; }

    /// <summary>A Core <c>AlertSeverity</c> name.</summary>
    public required string Severity { get; set; }

    /// <summary>0 = suicide risk (always first), then 1 high, 2 medium, 3 low: the inbox sorts on it.</summary>
    public int Rank { get; set; }

    /// <summary>The domain's explanation (clinical: staff eyes only, never copied into the outbox).</summary>
    public required string Explanation { get; set; }

    /// <summary>"response", "session" or "due-item".</summary>
    public required string SourceType { get; set; }

    /// <summary>The response or session id, or the due item's key.</summary>
    public required string SourceRef { get; set; }

    public string? InstrumentId { get; set; }

    public DateTimeOffset RaisedAt { get; set; }

    /// <summary>One of <see cref="AlertStates"/>.</summary>
    public required string State { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public Guid? AcknowledgedBy { get; set; }

    public string? AcknowledgedByName { get; set; }

    public string? AcknowledgeNote { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public Guid? ResolvedBy { get; set; }

    public string? ResolvedByName { get; set; }

    /// <summary>What was done about it (required to resolve).</summary>
    public string? ResolutionNote { get; set; }

    /// <summary>Set when an unacknowledged high alert passed the clinic's escalation time.</summary>
    public DateTimeOffset? EscalatedAt { get; set; }

    /// <summary>The role escalated to (Prescriber) and how many accounts were notified, in words.</summary>
    public string? EscalatedTo { get; set; }

    public int Version { get; set; }
}

public static class AlertStates
{
    public const string Open = "open";
    public const string Acknowledged = "acknowledged";
    public const string Resolved = "resolved";

    public static readonly IReadOnlyList<string> All = [Open, Acknowledged, Resolved];
}

/// <summary>
/// A clinic's alert and booster settings (one row per clinic; absent = the Core defaults). Durations in minutes;
/// booster thresholds as a JSON object instrument id → total.
/// </summary>
public sealed class ClinicAlertSettings : IClinicScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ClinicId { get; set; }

    public int OverdueThresholdMinutes { get; set; }

    public int MissedSessionGraceMinutes { get; set; }

    public int EscalateAfterMinutes { get; set; }

    public decimal BoosterResponsePercent { get; set; }

    public required string BoosterThresholdsJson { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid? UpdatedBy { get; set; }

    public int Version { get; set; }
}

/// <summary>
/// A booster session suggested by the booster rule, with its evidence, waiting for a prescriber's decision (accept →
/// plan revision, or dismiss with a reason). <see cref="EvidenceKey"/> is unique per clinic, so the same evidence is
/// never suggested twice, whatever was decided.
/// </summary>
public sealed class BoosterSuggestionRow : IPatientOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ClinicId { get; set; }

    public Guid PatientId { get; set; }

    /// <summary>"booster/{instrument}/{latest response id}".</summary>
    public required string EvidenceKey { get; set; }

    public required string InstrumentId { get; set; }

    public decimal BaselineTotal { get; set; }

    public DateTimeOffset BaselineAt { get; set; }

    public decimal ResponseTotal { get; set; }

    public DateTimeOffset ResponseAt { get; set; }

    public decimal BestTotal { get; set; }

    public DateTimeOffset BestAt { get; set; }

    public decimal LatestTotal { get; set; }

    public DateTimeOffset LatestAt { get; set; }

    public Guid LatestResponseId { get; set; }

    /// <summary>The rules that fired, as a JSON array of sentences.</summary>
    public required string RulesJson { get; set; }

    public required string Explanation { get; set; }

    public DateTimeOffset SuggestedAt { get; set; }

    /// <summary>One of <see cref="BoosterStates"/>.</summary>
    public required string State { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public Guid? DecidedBy { get; set; }

    public string? DecidedByName { get; set; }

    public string? DecisionReason { get; set; }

    /// <summary>On accept: the plan revised and its new revision number.</summary>
    public Guid? PlanId { get; set; }

    public int? PlanRevisionNumber { get; set; }

    public int Version { get; set; }
}

public static class BoosterStates
{
    public const string Open = "open";
    public const string Accepted = "accepted";
    public const string Dismissed = "dismissed";
}
