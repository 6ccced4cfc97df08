namespace Stillpoint.Core.Connectivity;

/// <summary>
/// Parses per-frame side files: confounds (e.g. motion parameters, time points × k) or a framewise
/// displacement column. A header row of names is allowed and ignored.
/// </summary>
public static class CovariateParser
{
    public static ConnectivityOutcome<ConfoundSet> ParseConfounds(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        var parsed = NumericTableParser.Parse(reader, allowHeader: true);
        if (!parsed.IsSuccess)
        {
            return ConnectivityOutcome<ConfoundSet>.Failure(parsed.Problem!);
        }

        var table = parsed.Value!;
        return table.Columns.Length == 0
            ? ConnectivityOutcome<ConfoundSet>.Failure("the confound file has no columns")
            : ConnectivityOutcome<ConfoundSet>.Success(new ConfoundSet(table.Columns, table.Header));
    }

    /// <summary>One framewise displacement value (mm) per time point, in a single column.</summary>
    public static ConnectivityOutcome<FramewiseDisplacementSeries> ParseFramewiseDisplacement(string text)
    {
        var confounds = ParseConfounds(text);
        if (!confounds.IsSuccess)
        {
            return ConnectivityOutcome<FramewiseDisplacementSeries>.Failure(confounds.Problem!);
        }

        var set = confounds.Value!;
        return set.ColumnCount == 1
            ? ConnectivityOutcome<FramewiseDisplacementSeries>.Success(new FramewiseDisplacementSeries(set.Column(0).ToArray()))
            : ConnectivityOutcome<FramewiseDisplacementSeries>.Failure(
                $"a framewise displacement file has one column; found {set.ColumnCount}");
    }
}
