using System.Globalization;
using Stillpoint.Core.Instruments;
using Stillpoint.Core.Instruments.Definitions;
using Stillpoint.Core.Outcomes;

namespace Stillpoint.Web.Outcomes;

/// <summary>
/// The four change labels of one instrument, each with its explanation and the rule it applies: reliable change
/// (baseline → latest), response and remission (the instrument's published rules through <see cref="OutcomeCourses"/>),
/// relapse after response (the clinic's relapse rule, a [U] default).
/// </summary>
internal static class OutcomeLabels
{
    public const string ReliableChangeRule = "Jacobson–Truax reliable change index, |RCI| > 1.96 (clinical-reference, preamble)";
    public const string RelapseRule =
        "Loss of response: a measure after the first response no longer meets the response rule against the baseline " +
        "(clinic default; the clinical reference defines no relapse rule — unverified, review)";

    public static IReadOnlyList<OutcomeLabelDto> For(InstrumentDefinition definition, OutcomeCourse course, ScorePointDto baseline, ScorePointDto latest, int measures) =>
        [Reliable(definition, baseline, latest, measures), Response(definition, course, latest, measures), Remission(definition, course, baseline, latest, measures), Relapse(course)];

    private static OutcomeLabelDto Reliable(InstrumentDefinition definition, ScorePointDto baseline, ScorePointDto latest, int measures)
    {
        if (measures < 2)
        {
            return new("reliable-change", "not-applicable", "Reliable change: needs a later measure", "Only the baseline has been measured.", ReliableChangeRule, false, null);
        }

        var result = ReliableChange.Compute(definition, baseline.Total, latest.Total);
        var (status, label) = result.Outcome switch
        {
            ReliableChangeOutcome.ReliablyImproved => ("reliably-improved", "Reliable improvement"),
            ReliableChangeOutcome.ReliablyDeteriorated => ("reliably-deteriorated", "Reliable deterioration"),
            ReliableChangeOutcome.NoReliableChange => ("no-reliable-change", "No reliable change"),
            ReliableChangeOutcome.NotComputable => ("not-computable", "Reliable change not computable"),
            _ => throw new InvalidOperationException($"Unknown outcome {result.Outcome}."),
        };
        return new("reliable-change", status, label, $"Baseline {Text(baseline)} → latest {Text(latest)}. {result.Explanation}",
            ReliableChangeRule, result.UsesUnverifiedValues, PatientOutcomeService.DateOf(latest.AnsweredAt));
    }

    private static OutcomeLabelDto Response(InstrumentDefinition definition, OutcomeCourse course, ScorePointDto latest, int measures)
    {
        if (course.ResponseRule is not { } rule)
        {
            return NoRule("response", definition);
        }

        var cite = Describe(rule);
        var unverified = !rule.Provenance.IsVerified;
        if (course.ResponseDate is { } date)
        {
            return new("response", "met", "Response", $"First met on {Day(date)} against the baseline {Num(course.Baseline!.Total)}.", cite, unverified, date);
        }

        return measures < 2
            ? new("response", "not-applicable", "Response: needs a later measure", "Only the baseline has been measured.", cite, unverified, null)
            : new("response", "not-met", "No response", $"Not met by any measure after the baseline; latest: {Explain(definition, rule, course.Baseline!.Total, latest.Total)}", cite, unverified, null);
    }

    private static OutcomeLabelDto Remission(InstrumentDefinition definition, OutcomeCourse course, ScorePointDto baseline, ScorePointDto latest, int measures)
    {
        if (course.RemissionRule is not { } rule)
        {
            return NoRule("remission", definition);
        }

        var cite = Describe(rule);
        var unverified = !rule.Provenance.IsVerified;
        if (measures < 2)
        {
            return new("remission", "not-applicable", "Remission: needs a later measure", "Only the baseline has been measured.", cite, unverified, null);
        }

        var now = Result(definition, rule, baseline.Total, latest.Total).IsMet;
        var first = course.RemissionDate is { } d ? $" First reached on {Day(d)}." : " Not reached at any measure.";
        return now
            ? new("remission", "met", "Remission", $"In remission at the latest measure: {Explain(definition, rule, baseline.Total, latest.Total)}{first}", cite, unverified, course.RemissionDate)
            : new("remission", "not-met", "Not in remission", $"Latest: {Explain(definition, rule, baseline.Total, latest.Total)}{first}", cite, unverified, course.RemissionDate);
    }

    private static OutcomeLabelDto Relapse(OutcomeCourse course)
    {
        if (course.ResponseDate is not { } response)
        {
            return new("relapse", "not-applicable", "Relapse: no response to relapse from", "Relapse is judged only after a response.", RelapseRule, true, null);
        }

        return course.RelapseDate is { } relapse
            ? new("relapse", "met", "Relapse after response", $"Response on {Day(response)}; on {Day(relapse)} the response rule was no longer met against the baseline.", RelapseRule, true, relapse)
            : new("relapse", "not-met", "No relapse since response", $"Still in response at the last measure ({Day(course.Durability!.End)}), {course.Durability.Days} days after the response on {Day(response)}.", RelapseRule, true, null);
    }

    private static OutcomeLabelDto NoRule(string kind, InstrumentDefinition definition) =>
        new(kind, "no-rule", $"No published {kind} rule", $"The clinical reference publishes no {kind} rule for {definition.Title}, so none is applied.", definition.Source, false, null);

    /// <summary>e.g. "≥ 50 % improvement from baseline (clinical-reference §1 response/remission)".</summary>
    public static string Describe(OutcomeRule rule)
    {
        var test = rule.Kind switch
        {
            OutcomeRuleKind.PercentDrop => $"≥ {Num(rule.Value)} % improvement from baseline",
            OutcomeRuleKind.PointDrop => $"≥ {Num(rule.Value)}-point improvement from baseline",
            OutcomeRuleKind.Below => $"total < {Num(rule.Value)}",
            OutcomeRuleKind.AtMost => $"total ≤ {Num(rule.Value)}",
            _ => throw new InvalidOperationException($"Unknown outcome rule kind {rule.Kind}."),
        };
        return $"{test} ({rule.Provenance.Source}{(rule.Provenance.IsVerified ? string.Empty : "; unverified — review")})";
    }

    private static string Explain(InstrumentDefinition definition, OutcomeRule rule, decimal baseline, decimal current) =>
        Result(definition, rule, baseline, current).Explanation;

    private static OutcomeRuleResult Result(InstrumentDefinition definition, OutcomeRule rule, decimal baseline, decimal current) =>
        OutcomeRules.Evaluate(definition, baseline, current).First(r => ReferenceEquals(r.Rule, rule));

    private static string Text(ScorePointDto point) => $"{Num(point.Total)} on {Day(PatientOutcomeService.DateOf(point.AnsweredAt))}";

    public static string Day(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string Num(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
