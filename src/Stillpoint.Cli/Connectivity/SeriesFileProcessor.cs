using Stillpoint.Core.Connectivity;

namespace Stillpoint.Cli.Connectivity;

/// <summary>Reads one series file and runs the pipeline; the one place both subcommands turn a file into a result.</summary>
internal static class SeriesFileProcessor
{
    public static (RegionTimeSeries? Series, ConnectivityOutcome<ConnectivityResult>? Outcome, string? Error) Process(
        string path, ConnectivityOptions options, ConnectivityCovariates? covariates = null)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, null, $"{path}: cannot be read ({e.Message})");
        }

        var parsed = RegionTimeSeriesParser.Parse(text);
        if (!parsed.IsSuccess)
        {
            return (null, null, $"{path}: {parsed.Problem}");
        }

        var outcome = ConnectivityPipeline.Compute(parsed.Value!, options, covariates);
        return outcome.IsSuccess ? (parsed.Value, outcome, null) : (parsed.Value, outcome, $"{path}: {outcome.Problem}");
    }

    public static string DescribeExclusion(ExcludedRegion excluded) =>
        FormattableString.Invariant($"{excluded.Region.Code} (column {excluded.Region.ColumnIndex}): {Reason(excluded.Reason)}");

    private static string Reason(ExclusionReason reason) => reason switch
    {
        ExclusionReason.DroppedByRequest => "dropped on request",
        ExclusionReason.ConstantInput => "constant series (no variance), excluded",
        ExclusionReason.NoVarianceAfterProcessing => "no variance left after processing, excluded",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };
}
