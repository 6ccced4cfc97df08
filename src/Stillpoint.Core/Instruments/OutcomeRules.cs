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

        // Improvement is a fall for higher-is-worse scales and a rise otherwise.
        var improvement = definition.Direction == ScoreDirection.HigherIsWorse ? baseline - current : current - baseline;
        return definition.OutcomeRules.Select(rule => rule.Kind switch
        {
            OutcomeRuleKind.PercentDrop => Result(rule, baseline > 0 && improvement * 100 >= rule.Value * baseline, $"improvement {improvement} of baseline {baseline} ≥ {rule.Value}%"),
            OutcomeRuleKind.PointDrop => Result(rule, improvement >= rule.Value, $"improvement {improvement} ≥ {rule.Value} points"),
            OutcomeRuleKind.Below => Result(rule, current < rule.Value, $"current {current} < {rule.Value}"),
            OutcomeRuleKind.AtMost => Result(rule, current <= rule.Value, $"current {current} ≤ {rule.Value}"),
            _ => throw new InvalidOperationException($"Unknown outcome rule kind {rule.Kind}."),
        }).ToList();
    }

    private static OutcomeRuleResult Result(OutcomeRule rule, bool isMet, FormattableString test) =>
        new(rule, isMet, $"{rule.Name}: {test.ToString(CultureInfo.InvariantCulture)} is {(isMet ? "met" : "not met")} ({rule.Provenance.Source}).");
}
