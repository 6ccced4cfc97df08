namespace Stillpoint.Web.Outcomes;

/// <summary>GET /api/v1/patients/{id}/outcomes: everything the outcome page and the printable report show.</summary>
/// <param name="Sessions">Dosed sessions in dosing order (boosters marked).</param>
/// <param name="Instruments">One trajectory per instrument with complete totals (post-dose answers excluded, see <see cref="PatientOutcomeService"/>).</param>
/// <param name="StateRumination">BSRI pre-dose vs post-dose per session.</param>
public sealed record PatientOutcomesDto(
    Guid PatientId,
    string PatientName,
    string Mrn,
    DateOnly DateOfBirth,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<SessionMarkDto> Sessions,
    IReadOnlyList<InstrumentOutcomeDto> Instruments,
    StatePairsDto StateRumination);

/// <summary>A dosed session on the timeline; <see cref="Booster"/> when it lies beyond the first plan's induction count.</summary>
public sealed record SessionMarkDto(Guid SessionId, int Number, DateTimeOffset DosedAt, bool Booster);

public sealed record SeverityBandDto(string Name, int Min, int Max, bool Verified);

public sealed record ScorePointDto(Guid ResponseId, DateTimeOffset AnsweredAt, decimal Total, string? Severity, string Context, Guid? DosingSessionId);

/// <summary>
/// One change label: <see cref="Kind"/> is reliable-change, response, remission or relapse; <see cref="Status"/> is
/// met, not-met, not-applicable or not-computable; <see cref="Rule"/> cites where the rule comes from.
/// </summary>
public sealed record OutcomeLabelDto(string Kind, string Status, string Label, string Explanation, string Rule, bool Unverified, DateOnly? Date);

public sealed record InstrumentOutcomeDto(
    string Instrument,
    string Title,
    string Direction,
    int RangeMin,
    int RangeMax,
    IReadOnlyList<SeverityBandDto> Bands,
    IReadOnlyList<ScorePointDto> Scores,
    ScorePointDto? Baseline,
    ScorePointDto? Latest,
    decimal? Change,
    IReadOnlyList<OutcomeLabelDto> Labels);

/// <summary>One session's pre-dose and post-dose totals and the change (post − pre).</summary>
public sealed record PrePostDto(
    Guid SessionId,
    int Number,
    bool Booster,
    DateTimeOffset DosedAt,
    decimal? PreDose,
    decimal? PostDose,
    decimal? Change,
    double? PostMinutesAfterDose,
    Guid? PreResponseId,
    Guid? PostResponseId);

/// <param name="PairingRule">How responses were matched to sessions, in words.</param>
public sealed record StatePairsDto(string Instrument, string PairingRule, IReadOnlyList<PrePostDto> Pairs);
