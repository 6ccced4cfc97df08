namespace Stillpoint.Core.Outcomes;

/// <summary>One group's durability curve (e.g. route "IV", indication "TRD", or 6 induction sessions).</summary>
public sealed record DurabilityGroup<TKey>(TKey Key, KaplanMeierCurve Curve)
    where TKey : notnull;

/// <summary>Durability split by a grouping key: one Kaplan–Meier curve per group, groups in key order.</summary>
public static class DurabilityGroups
{
    /// <param name="items">Anything carrying a key and a durability (e.g. a patient row and its <see cref="OutcomeCourse"/>).</param>
    /// <param name="key">The grouping key: route, indication, number of induction sessions…</param>
    /// <param name="observation">The durability; null for non-responders, who are left out.</param>
    /// <param name="order">Key order; when null, ordinal for strings (culture-invariant), else the default comparer.</param>
    public static IReadOnlyList<DurabilityGroup<TKey>> Split<TItem, TKey>(
        IEnumerable<TItem> items,
        Func<TItem, TKey> key,
        Func<TItem, SurvivalObservation?> observation,
        KaplanMeierOptions? options = null,
        IComparer<TKey>? order = null)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(observation);
        return items
            .Select(item => (Key: key(item), Observation: observation(item)))
            .Where(pair => pair.Observation is not null)
            .GroupBy(pair => pair.Key)
            .OrderBy(group => group.Key, order ?? DefaultOrder<TKey>())
            .Select(group => new DurabilityGroup<TKey>(group.Key, KaplanMeier.Estimate(group.Select(pair => pair.Observation!), options)))
            .ToList();
    }

    private static IComparer<TKey> DefaultOrder<TKey>() =>
        typeof(TKey) == typeof(string) ? (IComparer<TKey>)StringComparer.Ordinal : Comparer<TKey>.Default;
}
