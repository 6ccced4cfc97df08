using System.Globalization;
using Stillpoint.Core.Instruments.Definitions;

namespace Stillpoint.Core.Instruments;

/// <summary>Whether one published response/remission rule is met.</summary>
public sealed record OutcomeRuleResult(OutcomeRule Rule, bool IsMet, string Explanation);

/// <summary>Evaluates an instrument's response/remission rules for a baseline and a current total.</summary>
public static class OutcomeRules
{
    public static IReadOnlyList<OutcomeRuleResult> Evaluate(InstrumentDefinition definition, decimal baseline, decimal current)
    {
        ArgumentNullException.ThrowIfNull(definition);

        var improvement = Improvement(definition, baseline, current);
        return definition.OutcomeRules.Select(rule => rule.Kind switch
        {
            OutcomeRuleKind.PercentDrop => Result(rule, IsMet(definition, rule, baseline, current), $"improvement {improvement} of baseline {baseline} ≥ {rule.Value}%"),
            OutcomeRuleKind.PointDrop => Result(rule, IsMet(definition, rule, baseline, current), $"improvement {improvement} ≥ {rule.Value} points"),
            OutcomeRuleKind.Below => Result(rule, IsMet(definition, rule, baseline, current), $"current {current} < {rule.Value}"),
            OutcomeRuleKind.AtMost => Result(rule, IsMet(definition, rule, baseline, current), $"current {current} ≤ {rule.Value}"),
            _ => throw new InvalidOperationException($"Unknown outcome rule kind {rule.Kind}."),
        }).ToList();
    }

    /// <summary>Whether one rule is met, without building the explanation (outcome queries test it for every measure).</summary>
    public static bool IsMet(InstrumentDefinition definition, OutcomeRule rule, decimal baseline, decimal current)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(rule);
        var improvement = Improvement(definition, baseline, current);
        return rule.Kind switch
        {
            OutcomeRuleKind.PercentDrop => baseline > 0 && improvement * 100 >= rule.Value * baseline,
            OutcomeRuleKind.PointDrop => improvement >= rule.Value,
            OutcomeRuleKind.Below => current < rule.Value,
            OutcomeRuleKind.AtMost => current <= rule.Value,
            _ => throw new InvalidOperationException($"Unknown outcome rule kind {rule.Kind}."),
        };
    }

    // Improvement is a fall for higher-is-worse scales and a rise otherwise.
    private static decimal Improvement(InstrumentDefinition definition, decimal baseline, decimal current) =>
        definition.Direction == ScoreDirection.HigherIsWorse ? baseline - current : current - baseline;

    private static OutcomeRuleResult Result(OutcomeRule rule, bool isMet, FormattableString test) =>
        new(rule, isMet, $"{rule.Name}: {test.ToString(CultureInfo.InvariantCulture)} is {(isMet ? "met" : "not met")} ({rule.Provenance.Source}).");
}
