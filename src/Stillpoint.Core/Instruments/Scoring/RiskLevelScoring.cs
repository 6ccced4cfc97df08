using Stillpoint.Core.Instruments.Conditions;
using Stillpoint.Core.Instruments.Definitions;

namespace Stillpoint.Core.Instruments.Scoring;

/// <summary>The level and flag of a <see cref="ScoringMethod.HighestRiskLevel"/> instrument.</summary>
/// <param name="Level">The reported level; null while a higher level still depends on missing answers.</param>
/// <param name="EstablishedLevel">The highest level the answers present already establish, if any.</param>
internal sealed record RiskOutcome(string? Level, RiskLevel? EstablishedLevel, IReadOnlyList<string> Explanation);

internal static class RiskLevelScoring
{
    /// <summary>
    /// The highest level whose rule holds (clinical-reference §7: risk is set by the highest item
    /// endorsed). With answers missing, a level is reported only if no higher level could still
    /// hold; the flag of the highest level already established is raised either way.
    /// </summary>
    public static RiskOutcome Evaluate(InstrumentDefinition definition, IConditionContext context)
    {
        var rules = definition.Scoring;
        var lines = new List<string> { $"No total: risk is set by the highest level whose rule holds ({rules.Provenance.Source})." };
        var higherUndecided = false;
        foreach (var level in rules.RiskLevels)
        {
            var truth = level.When.Evaluate(context);
            if (truth == Truth.True)
            {
                lines.Add($"Risk level {level.Name}: {level.When.Describe(context)} holds.");
                if (higherUndecided)
                {
                    lines.Add($"A higher level depends on missing answers, so the level is at least {level.Name} but not final.");
                }

                return new RiskOutcome(higherUndecided ? null : level.Name, level, lines);
            }

            if (truth == Truth.Unknown)
            {
                higherUndecided = true;
                lines.Add($"Risk level {level.Name} cannot be ruled out: {level.When.Describe(context)} depends on missing answers.");
            }
        }

        if (higherUndecided)
        {
            return new RiskOutcome(null, null, lines);
        }

        lines.Add($"No risk rule holds: level {rules.NoRiskLevel}.");
        return new RiskOutcome(rules.NoRiskLevel, null, lines);
    }
}
