using Stillpoint.Core.Instruments.Conditions;

namespace Stillpoint.Core.Instruments.Definitions;

/// <summary>How the total is reached.</summary>
public enum ScoringMethod
{
    /// <summary>The total is the sum of the scoring groups (by default one group per item).</summary>
    Sum,

    /// <summary>No total; the result is the highest risk level whose rule holds (C-SSRS screener).</summary>
    HighestRiskLevel,
}

/// <summary>How the items of one scoring group combine into the group's value.</summary>
public enum GroupCombination
{
    /// <summary>The group has one item; its value is the item's scored value.</summary>
    SingleItem,

    /// <summary>The highest scored value among the group's items (QIDS-SR16 domains).</summary>
    Max,
}

/// <summary>A part of the total: one item, or the maximum over several (e.g. QIDS "sleep").</summary>
public sealed record ScoringGroup(string Name, IReadOnlyList<int> ItemNumbers, GroupCombination Combination);

/// <summary>What happens when answers are missing.</summary>
public enum MissingItemPolicy
{
    /// <summary>Any missing required answer leaves the total null.</summary>
    RequireAll,

    /// <summary>
    /// Up to <see cref="MissingItemRule.MaxMissing"/> missing answers: total = sum × items / answered.
    /// </summary>
    Prorate,
}

public sealed record MissingItemRule(MissingItemPolicy Policy, int MaxMissing, Provenance Provenance)
{
    public static MissingItemRule RequireAllAnswers(Provenance provenance) => new(MissingItemPolicy.RequireAll, 0, provenance);
}

/// <summary>
/// Items of which the respondent answers at least one (QIDS-SR16 6/7 and 8/9, clinical-reference §9);
/// an unanswered member then counts as 0.
/// </summary>
public sealed record AnswerOneOfSet(IReadOnlyList<int> ItemNumbers, Provenance Provenance);

/// <summary>A risk level of a <see cref="ScoringMethod.HighestRiskLevel"/> instrument, highest first.</summary>
public sealed record RiskLevel(string Name, string FlagName, Condition When);

public sealed record ScoringRules
{
    public required ScoringMethod Method { get; init; }

    /// <summary>For <see cref="ScoringMethod.Sum"/>: groups covering every item exactly once.</summary>
    public IReadOnlyList<ScoringGroup> Groups { get; init; } = [];

    public IReadOnlyList<AnswerOneOfSet> AnswerOneOf { get; init; } = [];

    public required MissingItemRule MissingItems { get; init; }

    /// <summary>For <see cref="ScoringMethod.HighestRiskLevel"/>: levels from highest to lowest.</summary>
    public IReadOnlyList<RiskLevel> RiskLevels { get; init; } = [];

    /// <summary>The level reported when no risk rule holds.</summary>
    public string NoRiskLevel { get; init; } = "none";

    public required Provenance Provenance { get; init; }
}
