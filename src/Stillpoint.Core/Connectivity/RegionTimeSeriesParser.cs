namespace Stillpoint.Core.Connectivity;

/// <summary>
/// Parses an uploaded region time-series text (time points × regions; whitespace or commas; optional
/// header row of region codes such as the ABIDE "#2501" style, or names).
/// </summary>
public static class RegionTimeSeriesParser
{
    /// <summary>Fewer points than this cannot give a meaningful correlation (two points always give ±1).</summary>
    public const int MinimumTimePoints = 3;

    public static ConnectivityOutcome<RegionTimeSeries> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        return Parse(reader);
    }

    public static ConnectivityOutcome<RegionTimeSeries> Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var parsed = NumericTableParser.Parse(reader, allowHeader: true);
        if (!parsed.IsSuccess)
        {
            return ConnectivityOutcome<RegionTimeSeries>.Failure(parsed.Problem!);
        }

        var table = parsed.Value!;
        if (table.Columns.Length < 2)
        {
            return ConnectivityOutcome<RegionTimeSeries>.Failure(
                $"at least 2 regions (columns) are needed; found {table.Columns.Length}");
        }

        if (table.RowCount < MinimumTimePoints)
        {
            return ConnectivityOutcome<RegionTimeSeries>.Failure(
                $"at least {MinimumTimePoints} time points (rows) are needed; found {table.RowCount}");
        }

        return ConnectivityOutcome<RegionTimeSeries>.Success(RegionTimeSeries.FromTable(table));
    }
}
