namespace Stillpoint.Core.Connectivity;

/// <summary>One named edge's Fisher z, or null when either region was excluded from the matrix.</summary>
public sealed record EdgeValue(string Name, string CodeA, string CodeB, double? FisherZ);

/// <summary>
/// DMN figures of one scan, all in Fisher z. Means are over unique pairs of the regions present; a mean
/// is null when no pair is available (e.g. every core region was constant). No sign is assumed good.
/// </summary>
public sealed record DmnSummary(
    double? CoreMeanZ,
    int CorePairCount,
    IReadOnlyList<string> MissingCoreCodes,
    double? WithinDmnMeanZ,
    double? DmnToRestMeanZ,
    IReadOnlyList<EdgeValue> Edges)
{
    public const string CoreMeanMetric = "core_dmn_mean_z";
    public const string WithinDmnMetric = "within_dmn_mean_z";
    public const string DmnToRestMetric = "dmn_to_rest_mean_z";
    public const string ContrastMetric = "within_minus_rest_z";
    public const string EdgeMetricPrefix = "edge:";

    /// <summary>Within-DMN minus DMN-to-rest mean z: how much more the DMN talks to itself than to the rest.</summary>
    public double? WithinMinusRest => WithinDmnMeanZ - DmnToRestMeanZ;

    /// <summary>Every available figure by a stable metric name, for control norms, pre/post change and export.</summary>
    public IReadOnlyDictionary<string, double> Metrics()
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        void Add(string name, double? value)
        {
            if (value is { } v)
            {
                metrics[name] = v;
            }
        }

        Add(CoreMeanMetric, CoreMeanZ);
        Add(WithinDmnMetric, WithinDmnMeanZ);
        Add(DmnToRestMetric, DmnToRestMeanZ);
        Add(ContrastMetric, WithinMinusRest);
        foreach (var edge in Edges)
        {
            Add(EdgeMetricPrefix + edge.Name, edge.FisherZ);
        }

        return metrics;
    }
}
