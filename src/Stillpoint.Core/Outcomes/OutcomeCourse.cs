using Stillpoint.Core.Instruments.Definitions;

namespace Stillpoint.Core.Outcomes;

/// <summary>One instrument total on one day (the clinic's local date; the caller converts from UTC).</summary>
public sealed record DatedTotal(DateOnly Date, decimal Total);

/// <summary>How a relapse after response is recognised. clinical-reference defines no relapse rule: [U].</summary>
public enum RelapseCriterion
{
    /// <summary>A measure after the response no longer meets the instrument's response rule against the baseline.</summary>
    LossOfResponse,

    /// <summary>
    /// A measure after the response is at or beyond <see cref="RelapseSettings.Threshold"/> in the worse direction
    /// (≥ for higher-is-worse scales, ≤ otherwise), e.g. PHQ-9 ≥ 10, the §1 "moderate" band.
    /// </summary>
    WorseThanThreshold,
}

/// <summary>
/// The clinic's relapse rule. Every value here is a clinic-configurable default, unverified — review:
/// clinical-reference (§1, §9) gives response and remission rules but no relapse rule. [U]
/// </summary>
/// <param name="ConfirmingMeasures">
/// How many consecutive qualifying measures make a relapse (1 = the first one does). The relapse date is the
/// first of them; a run cut short by the end of the series is not a relapse (the patient is censored).
/// </param>
public sealed record RelapseSettings(
    RelapseCriterion Criterion = RelapseCriterion.LossOfResponse,
    decimal? Threshold = null,
    int ConfirmingMeasures = 1)
{
    public static RelapseSettings Default { get; } = new();
}

/// <summary>
/// Time from the response to relapse (<see cref="Relapsed"/>) or to the last measure (right-censored: still in
/// response), in whole days, for <see cref="KaplanMeier"/>.
/// </summary>
public sealed record DurabilityObservation(DateOnly Start, DateOnly End, bool Relapsed)
{
    public int Days => End.DayNumber - Start.DayNumber;

    public SurvivalObservation ToSurvival() => new(Days, Relapsed);
}

/// <summary>
/// A patient's course on one instrument: baseline, the first response, the first remission, the first relapse
/// after that response, and the durability observation. Dates are null when not reached; a null rule means the
/// instrument publishes none (e.g. GAD-7 has no response rule), which is different from "not reached".
/// </summary>
public sealed record OutcomeCourse(
    string InstrumentId,
    DatedTotal? Baseline,
    OutcomeRule? ResponseRule,
    OutcomeRule? RemissionRule,
    DateOnly? ResponseDate,
    DateOnly? RemissionDate,
    DateOnly? RelapseDate,
    DurabilityObservation? Durability)
{
    /// <summary>
    /// True when the response or remission rule is marked [U] in the clinical reference: show "unverified — review".
    /// The relapse rule is always a clinic-configurable [U] default (<see cref="RelapseSettings"/>).
    /// </summary>
    public bool UsesUnverifiedRules =>
        ResponseRule is { Provenance.IsVerified: false } || RemissionRule is { Provenance.IsVerified: false };
}
