namespace Stillpoint.Web.Alerts;

/// <summary>One alert of the clinic inbox (staff only).</summary>
public sealed record AlertDto(
    Guid Id,
    Guid PatientId,
    string PatientName,
    string Kind,
    string Severity,
    string State,
    string Explanation,
    string SourceType,
    string SourceRef,
    string? InstrumentId,
    DateTimeOffset RaisedAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedByName,
    string? AcknowledgeNote,
    DateTimeOffset? ResolvedAt,
    string? ResolvedByName,
    string? ResolutionNote,
    DateTimeOffset? EscalatedAt,
    string? EscalatedTo,
    int Version);

/// <summary>Inbox filters; every one optional. State "active" (default in the page) = open or acknowledged.</summary>
public sealed record AlertFilter(string? State = null, string? Severity = null, string? Kind = null, Guid? PatientId = null);

/// <param name="Note">Optional on acknowledge; the action taken, required on resolve.</param>
/// <param name="Version">The version the user saw: a stale one answers 409.</param>
public sealed record AlertActionRequest(string? Note, int? Version);

public sealed record AlertSettingsDto(
    int OverdueThresholdMinutes, int MissedSessionGraceMinutes, int EscalateAfterMinutes, decimal BoosterResponsePercent, IReadOnlyDictionary<string, decimal> BoosterThresholds, int Version);

public sealed record AlertSettingsRequest(
    int? OverdueThresholdMinutes, int? MissedSessionGraceMinutes, int? EscalateAfterMinutes, decimal? BoosterResponsePercent, IReadOnlyDictionary<string, decimal>? BoosterThresholds, int? Version);
