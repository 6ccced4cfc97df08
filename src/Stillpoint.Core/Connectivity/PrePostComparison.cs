namespace Stillpoint.Core.Connectivity;

/// <summary>
/// One metric before and after (e.g. baseline vs after the course). With controls, the z-scores and
/// <see cref="TowardControls"/> = |z_pre| − |z_post| say whether the value moved toward the control mean
/// (positive) or away (negative), whichever side it started on.
/// </summary>
public sealed record MetricChange(string Metric, double Pre, double Post, double? PreZ, double? PostZ)
{
    public double Change => Post - Pre;

    public double? TowardControls => PreZ is { } pre && PostZ is { } post ? Math.Abs(pre) - Math.Abs(post) : null;
}

public static class PrePostComparison
{
    /// <summary>Every metric present in both summaries, with control z-scores when a reference is given.</summary>
    public static IReadOnlyList<MetricChange> Compare(DmnSummary pre, DmnSummary post, ControlReference? controls = null)
    {
        ArgumentNullException.ThrowIfNull(pre);
        ArgumentNullException.ThrowIfNull(post);
        var after = post.Metrics();
        return pre.Metrics()
            .Where(m => after.ContainsKey(m.Key))
            .Select(m =>
            {
                var norm = controls?.Find(m.Key);
                var postValue = after[m.Key];
                return new MetricChange(m.Key, m.Value, postValue, norm?.ZScore(m.Value), norm?.ZScore(postValue));
            })
            .ToArray();
    }
}
