namespace Stillpoint.Web.Boosters;

public sealed record ScoreEvidenceDto(decimal Total, DateTimeOffset At);

/// <summary>A booster suggestion with its evidence: baseline, response, post-response best, latest, and the rules that fired.</summary>
public sealed record BoosterDto(
    Guid Id,
    Guid PatientId,
    string PatientName,
    string InstrumentId,
    ScoreEvidenceDto Baseline,
    ScoreEvidenceDto Response,
    ScoreEvidenceDto Best,
    ScoreEvidenceDto Latest,
    IReadOnlyList<string> Rules,
    string Explanation,
    DateTimeOffset SuggestedAt,
    string State,
    DateTimeOffset? DecidedAt,
    string? DecidedByName,
    string? DecisionReason,
    Guid? PlanId,
    int? PlanRevisionNumber,
    int Version);

/// <param name="Reason">Why (required for accept and dismiss; an accepted booster's reason goes into the plan revision).</param>
/// <param name="Version">The suggestion's version the prescriber saw: a stale one answers 409.</param>
public sealed record BoosterDecisionRequest(string? Reason, int? Version);
