namespace Stillpoint.Core.Connectivity;

/// <summary>
/// Time points × regions, stored region by region (each region's series contiguous) because every
/// pipeline step works along time within one region.
/// </summary>
public sealed class RegionTimeSeries
{
    private readonly double[][] _columns;

    private RegionTimeSeries(IReadOnlyList<RegionRef> regions, double[][] columns, int timePointCount, bool hasHeader)
    {
        Regions = regions;
        _columns = columns;
        TimePointCount = timePointCount;
        HasHeader = hasHeader;
    }

    public IReadOnlyList<RegionRef> Regions { get; }

    public int RegionCount => _columns.Length;

    public int TimePointCount { get; }

    /// <summary>True when region codes came from the file's header row rather than c0, c1, ….</summary>
    public bool HasHeader { get; }

    public ReadOnlySpan<double> Region(int index) => _columns[index];

    /// <summary>Builds a series from region columns (copied). Codes default to c0, c1, … when null.</summary>
    public static RegionTimeSeries FromColumns(IReadOnlyList<double[]> columns, IReadOnlyList<string>? codes = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (codes is not null && codes.Count != columns.Count)
        {
            throw new ArgumentException("One code per column is required.", nameof(codes));
        }

        var length = columns.Count > 0 ? columns[0].Length : 0;
        if (columns.Any(c => c.Length != length))
        {
            throw new ArgumentException("All columns must have the same number of time points.", nameof(columns));
        }

        var copies = columns.Select(c => (double[])c.Clone()).ToArray();
        return new RegionTimeSeries(BuildRegions(codes, columns.Count), copies, length, codes is not null);
    }

    internal static RegionTimeSeries FromTable(NumericTable table) =>
        new(BuildRegions(table.Header, table.Columns.Length), table.Columns, table.RowCount, table.Header is not null);

    private static RegionRef[] BuildRegions(IReadOnlyList<string>? codes, int count) =>
        Enumerable.Range(0, count)
            .Select(i => new RegionRef(i, codes?[i] ?? DefaultCode(i)))
            .ToArray();

    private static string DefaultCode(int index) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"c{index}");
}
