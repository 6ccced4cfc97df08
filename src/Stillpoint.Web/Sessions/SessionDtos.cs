using Stillpoint.Core.Sessions;
using Stillpoint.Data.Sessions;

namespace Stillpoint.Web.Sessions;

internal sealed record ScheduleRequest(DateTimeOffset? ScheduledFor, Guid? PlanRevisionId, decimal? ComputedDoseMg, decimal? WeightKgUsed);

internal sealed record TransitionRequest(SessionPhase? To, string? Reason);

internal sealed record PreparationRequest(
    int? Version, string? Intention, bool? FastingConfirmed, bool? EscortConfirmed, PregnancyTest? Pregnancy, bool? MedicationsReviewed, string? ConcomitantMedications);

internal sealed record GoNoGoRequest(string? OverrideReason);

internal sealed record VitalsRequest(DateTimeOffset? TakenAt, int? Systolic, int? Diastolic, int? HeartRate, int? SpO2, int? RespiratoryRate);

internal sealed record VitalsBatchRequest(IReadOnlyList<VitalsRequest>? Readings);

internal sealed record AdministrationRequest(
    string? Drug, AdministrationRoute? Route, decimal? DoseMg, string? LotNumber, DateOnly? LotExpiry, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, Guid? WitnessId);

internal sealed record AdministrationEndRequest(DateTimeOffset? EndedAt);

internal sealed record RatingRequest(DateTimeOffset? At, int? Moaas, int? Cadss6);

internal sealed record ObservationRequest(DateTimeOffset? At, EmotionalState? State, string? Text);

internal sealed record NoteRequest(string? Text, string? Kind);

internal sealed record AdverseEventRequest(DateTimeOffset? At, AdverseEventType? Type, AdverseEventSeverity? Severity, string? ActionTaken, string? Outcome, string? Description);

internal sealed record AcknowledgeRequest(string? ActionTaken);

internal sealed record DischargeScoreRequest(DischargeScoreKind? Kind, IReadOnlyList<int>? Items);

internal sealed record AlertDto(Guid Id, string Code, string Severity, string Explanation, DateTimeOffset At, bool Acknowledged);

internal sealed record EntryRef(Guid Id, DateTimeOffset At);

/// <summary>The answer to a vitals ingestion request (stored for idempotent replays).</summary>
internal sealed record VitalsResult(IReadOnlyList<EntryRef> Entries, IReadOnlyList<AlertDto> Alerts);

internal sealed record TimelineEntryDto(
    Guid Id, string Kind, DateTimeOffset At, DateTimeOffset RecordedAt, Guid? RecordedBy, string Phase, string Source,
    int? Systolic, int? Diastolic, int? HeartRate, int? SpO2, int? RespiratoryRate, int? Moaas, int? Cadss6,
    string? Code, string? Severity, string? Text, string? Drug, decimal? DoseMg, string? LotNumber, DateOnly? LotExpiry,
    DateTimeOffset? EndedAt, Guid? WitnessId, Guid? RelatedEntryId)
{
    public static TimelineEntryDto From(SessionEntry e) => new(
        e.Id, e.Kind, e.At, e.RecordedAt, e.RecordedBy, e.Phase, e.Source, e.Systolic, e.Diastolic, e.HeartRate, e.SpO2, e.RespiratoryRate,
        e.Moaas, e.Cadss6, e.Code, e.Severity, e.Text, e.Drug, e.DoseMg, e.LotNumber, e.LotExpiry, e.EndedAt, e.WitnessId, e.RelatedEntryId);
}

internal sealed record SessionDto(
    Guid Id, Guid PatientId, string Phase, DateTimeOffset ScheduledFor, Guid? PlanRevisionId, decimal? ComputedDoseMg, decimal? WeightKgUsed,
    string? Intention, bool? FastingConfirmed, bool? EscortConfirmed, string Pregnancy, bool? MedicationsReviewed, string? ConcomitantMedications,
    string? GoNoGoVerdict, string? OverrideReason, DateTimeOffset? CheckedInAt, DateTimeOffset? DosingStartedAt, DateTimeOffset? DosingEndedAt,
    DateTimeOffset? FinishedAt, string? AbortReason, int Version)
{
    public static SessionDto From(DosingSession s) => new(
        s.Id, s.PatientId, s.Phase, s.ScheduledFor, s.PlanRevisionId, s.ComputedDoseMg, s.WeightKgUsed, s.Intention, s.FastingConfirmed,
        s.EscortConfirmed, s.Pregnancy, s.MedicationsReviewed, s.ConcomitantMedications, s.GoNoGoVerdict, s.OverrideReason, s.CheckedInAt,
        s.DosingStartedAt, s.DosingEndedAt, s.FinishedAt, s.AbortReason, s.Version);
}

internal sealed record SessionDetail(
    SessionDto Session, IReadOnlyList<TimelineEntryDto> Timeline, IReadOnlyList<ScheduledCheck> Checks, IReadOnlyList<AlertDto> OpenAlerts,
    IReadOnlyList<DischargeCriterion> DischargeUnmet);

internal sealed record GoNoGoResult(string Verdict, bool Cleared, IReadOnlyList<FiredRule> Fired, string? OverrideReason);

internal sealed record MonitorRow(
    Guid SessionId, Guid PatientId, string PatientName, string Phase, int? ElapsedMinutes, TimelineEntryDto? LastVitals,
    IReadOnlyList<ScheduledCheck> OverdueChecks, IReadOnlyList<AlertDto> OpenAlerts);
