namespace Stillpoint.Core.Connectivity;

/// <summary>Mean and sample SD of one metric over a control group.</summary>
public sealed record MetricNorm(string Metric, double Mean, double StandardDeviation, int Count)
{
    /// <summary>(value − mean)/SD, or null when the controls do not vary (the z-score would be meaningless).</summary>
    public double? ZScore(double value) => StandardDeviation > 0 ? (value - Mean) / StandardDeviation : null;
}

/// <summary>Where one patient value sits against the controls.</summary>
public sealed record MetricPosition(string Metric, double Value, MetricNorm? Norm, double? ZScore);

/// <summary>
/// A named set of healthy-control norms (e.g. uploaded control scans processed with the same options).
/// The literature disagrees on the direction of DMN change in depression, so positions are reported as
/// signed z-scores and "normalisation" means moving toward the control mean from either side.
/// </summary>
public sealed class ControlReference
{
    /// <summary>A norm needs a spread, so at least two controls must have the metric.</summary>
    public const int MinimumControls = 2;

    private readonly Dictionary<string, MetricNorm> _norms;

    public ControlReference(string name, IReadOnlyList<MetricNorm> norms)
    {
        ArgumentNullException.ThrowIfNull(norms);
        Name = name;
        Norms = norms;
        _norms = norms.ToDictionary(n => n.Metric, StringComparer.Ordinal);
    }

    public string Name { get; }

    public IReadOnlyList<MetricNorm> Norms { get; }

    public static ControlReference FromSummaries(string name, IEnumerable<DmnSummary> controls)
    {
        ArgumentNullException.ThrowIfNull(controls);
        var norms = controls
            .SelectMany(c => c.Metrics())
            .GroupBy(m => m.Key, m => m.Value, StringComparer.Ordinal)
            .Where(g => g.Count() >= MinimumControls)
            .Select(g => Norm(g.Key, g.ToArray()))
            .OrderBy(n => n.Metric, StringComparer.Ordinal)
            .ToArray();
        return new ControlReference(name, norms);
    }

    public MetricNorm? Find(string metric) => _norms.GetValueOrDefault(metric);

    public IReadOnlyList<MetricPosition> Position(DmnSummary patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        return patient.Metrics()
            .Select(m => (m, Norm: Find(m.Key)))
            .Select(x => new MetricPosition(x.m.Key, x.m.Value, x.Norm, x.Norm?.ZScore(x.m.Value)))
            .ToArray();
    }

    private static MetricNorm Norm(string metric, double[] values)
    {
        var mean = values.Average();
        var variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
        return new MetricNorm(metric, mean, Math.Sqrt(variance), values.Length);
    }
}
