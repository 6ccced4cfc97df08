namespace Stillpoint.Core.Connectivity;

/// <summary>Nuisance regressors (time points × k), e.g. the six motion parameters.</summary>
public sealed class ConfoundSet
{
    private readonly double[][] _columns;

    public ConfoundSet(IReadOnlyList<double[]> columns, IReadOnlyList<string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _columns = columns.Select(c => (double[])c.Clone()).ToArray();
        TimePointCount = _columns.Length > 0 ? _columns[0].Length : 0;
        if (_columns.Any(c => c.Length != TimePointCount))
        {
            throw new ArgumentException("All confound columns must have the same length.", nameof(columns));
        }

        Names = names ?? Enumerable.Range(0, _columns.Length)
            .Select(i => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"confound{i}"))
            .ToArray();
    }

    public IReadOnlyList<string> Names { get; }

    public int ColumnCount => _columns.Length;

    public int TimePointCount { get; }

    public ReadOnlySpan<double> Column(int index) => _columns[index];
}

/// <summary>Framewise displacement (mm), one value per time point; the first frame is conventionally 0.</summary>
public sealed class FramewiseDisplacementSeries
{
    private readonly double[] _values;

    public FramewiseDisplacementSeries(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = [.. values];
    }

    public int Count => _values.Length;

    public double this[int frame] => _values[frame];
}
