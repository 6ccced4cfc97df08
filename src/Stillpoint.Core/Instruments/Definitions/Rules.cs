using Stillpoint.Core.Instruments.Conditions;

namespace Stillpoint.Core.Instruments.Definitions;

/// <summary>A subscale: the sum of the scored values of its items.</summary>
public sealed record Subscale(string Name, string Title, IReadOnlyList<int> ItemNumbers, Provenance Provenance);

/// <summary>
/// A severity band as published (e.g. PHQ-9 10–14 moderate). A total t is in the band when
/// Min ≤ t &lt; Max + 1, so a prorated, non-whole total falls in exactly one band.
/// </summary>
public sealed record SeverityBand(string Name, int Min, int Max, Provenance Provenance)
{
    public bool Contains(decimal total) => total >= Min && total < Max + 1;
}

/// <summary>A flag raised whenever its condition holds, whatever the total.</summary>
public sealed record FlagRule(string Name, string Description, Condition When, Provenance Provenance);

/// <summary>A clinic-configurable number with its published default and allowed range.</summary>
public sealed record InstrumentParameter(string Name, string Description, decimal Default, decimal Min, decimal Max, Provenance Provenance);

/// <summary>The SD and reliability a Jacobson–Truax index needs; null where not published.</summary>
public sealed record ReliableChangeReference(ReferenceValue? StandardDeviation, ReferenceValue? Reliability, string Note)
{
    public static ReliableChangeReference None { get; } = new(null, null, "");
}

/// <summary>How a response or remission rule is tested.</summary>
public enum OutcomeRuleKind
{
    /// <summary>The score fell by at least Value percent of the baseline.</summary>
    PercentDrop,

    /// <summary>The score fell by at least Value points.</summary>
    PointDrop,

    /// <summary>The current score is below Value.</summary>
    Below,

    /// <summary>The current score is at most Value.</summary>
    AtMost,
}

/// <summary>A published response/remission rule, e.g. PHQ-9 remission = total below 5.</summary>
public sealed record OutcomeRule(string Name, OutcomeRuleKind Kind, decimal Value, Provenance Provenance);
