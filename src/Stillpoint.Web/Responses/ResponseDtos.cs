using System.Text.Json;
using Stillpoint.Web.Instruments;

namespace Stillpoint.Web.Responses;

/// <summary>A stored response with its score snapshot, as the API shows it.</summary>
public sealed record ResponseDto(
    Guid Id,
    Guid PatientId,
    string Instrument,
    string InstrumentTitle,
    string InstrumentVersion,
    string Status,
    string Context,
    DateTimeOffset AnsweredAt,
    DateTimeOffset RecordedAt,
    string EnteredBy,
    Guid? EnteredByUserId,
    Guid? DosingSessionId,
    decimal? Total,
    string? Severity,
    IReadOnlyList<FlagDto> Flags,
    IReadOnlyDictionary<string, decimal> Subscales,
    bool Complete,
    bool Prorated,
    IReadOnlyList<int?> Answers,
    IReadOnlyList<string> Explanation,
    Guid? SupersedesId,
    string? CorrectionReason,
    Guid? SupersededById)
{
    /// <summary>True when a later correction (or the completion of this draft) replaces this response.</summary>
    public bool Superseded => SupersededById is not null;

    public bool HasSuicideRiskFlag => Flags.Any(flag => flag.SuicideRisk);
}

/// <summary>Body of POST /patients/{id}/responses.</summary>
/// <param name="InstrumentId">e.g. "phq9".</param>
/// <param name="Answers">One per item in item order; null = not answered (or skipped by skip logic).</param>
/// <param name="AnsweredAt">When it was answered; default now.</param>
/// <param name="Context">baseline, pre-dose, post-dose or follow-up.</param>
/// <param name="DosingSessionId">Optional dosing session.</param>
/// <param name="Status">complete (default) or draft.</param>
/// <param name="DraftId">A draft this response continues or completes; the draft is then superseded.</param>
public sealed record NewResponseRequest(
    string? InstrumentId,
    IReadOnlyList<JsonElement>? Answers,
    DateTimeOffset? AnsweredAt,
    string? Context,
    Guid? DosingSessionId,
    string? Status,
    Guid? DraftId);

/// <summary>Body of POST .../responses/{responseId}/corrections. Omitted fields keep the corrected response's values.</summary>
public sealed record CorrectionRequest(
    IReadOnlyList<JsonElement>? Answers,
    string? Reason,
    DateTimeOffset? AnsweredAt,
    string? Context,
    Guid? DosingSessionId,
    string? Status);

/// <summary>A response in a reliable-change comparison.</summary>
public sealed record ResponseRef(Guid Id, DateTimeOffset AnsweredAt, decimal Total);

public sealed record OutcomeRuleDto(string Name, bool Met, string Explanation);

/// <summary>The Jacobson–Truax comparison of two complete responses of one instrument.</summary>
public sealed record ReliableChangeDto(
    string Instrument,
    ResponseRef From,
    ResponseRef To,
    decimal Change,
    double? Index,
    string Label,
    string Explanation,
    bool UsesUnverifiedValues,
    IReadOnlyList<OutcomeRuleDto> OutcomeRules);

/// <summary>Already-parsed input of a new response (from the API's JSON or a page's form).</summary>
internal sealed record ResponseInput(
    string? InstrumentId,
    IReadOnlyList<int?>? Answers,
    DateTimeOffset? AnsweredAt,
    string? Context,
    Guid? DosingSessionId,
    string? Status,
    Guid? DraftId = null,
    string? Reason = null);
