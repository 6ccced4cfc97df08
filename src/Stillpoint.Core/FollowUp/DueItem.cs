using System.Globalization;

namespace Stillpoint.Core.FollowUp;

/// <summary>Why an item exists: one template rule applied to one anchor.</summary>
/// <param name="SessionId">The dose it belongs to (each-dose and first-dose rules).</param>
/// <param name="Occurrence">The recurrence number, 0 at the plan start (recurring rules).</param>
/// <param name="TriggerResponseId">The answer that triggered it (trigger rules).</param>
public sealed record DueItemSource(string RuleId, string Label, Guid? SessionId = null, int? Occurrence = null, Guid? TriggerResponseId = null)
{
    /// <summary>
    /// Stable across regenerations: "rule/session:{id}", "rule/occurrence:{n}" or "rule/response:{id}". A moved
    /// session keeps its keys; persist status or reminders against this key.
    /// </summary>
    public string Key => SessionId is { } session ? string.Create(CultureInfo.InvariantCulture, $"{RuleId}/session:{session}")
        : Occurrence is { } occurrence ? string.Create(CultureInfo.InvariantCulture, $"{RuleId}/occurrence:{occurrence}")
        : TriggerResponseId is { } response ? string.Create(CultureInfo.InvariantCulture, $"{RuleId}/response:{response}")
        : RuleId;
}

/// <summary>
/// One questionnaire to answer in a window. After deduplication one item may stand for several sources
/// (e.g. RRS-22 7 days after dose 1 and 1 day after dose 2): one answer then satisfies all of them.
/// </summary>
public sealed record DueItem(string InstrumentId, DueWindow Window, IReadOnlyList<DueItemSource> Sources)
{
    /// <summary>The key of the first (earliest-due) source.</summary>
    public string Key => Sources[0].Key;

    public string Label => string.Join("; ", Sources.Select(source => source.Label));

    /// <summary>Value equality including the sources, so a regenerated schedule compares equal when nothing changed.</summary>
    public bool Equals(DueItem? other) =>
        other is not null
        && string.Equals(InstrumentId, other.InstrumentId, StringComparison.Ordinal)
        && Window == other.Window
        && Sources.SequenceEqual(other.Sources);

    public override int GetHashCode() => HashCode.Combine(InstrumentId, Window, Sources.Count);
}
