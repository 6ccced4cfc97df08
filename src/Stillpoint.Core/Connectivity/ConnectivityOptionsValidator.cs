using System.Globalization;

namespace Stillpoint.Core.Connectivity;

/// <summary>Checks that a set of options can be applied to a given series before any work is done.</summary>
internal static class ConnectivityOptionsValidator
{
    public static ConnectivityProblem? Validate(RegionTimeSeries series, ConnectivityOptions options, ConnectivityCovariates covariates)
    {
        return CheckColumns(series, options)
            ?? CheckVolumes(series, options)
            ?? CheckBandPass(options)
            ?? CheckConfounds(series, options, covariates)
            ?? CheckCensoring(series, options, covariates);
    }

    private static ConnectivityProblem? CheckColumns(RegionTimeSeries series, ConnectivityOptions options)
    {
        var outOfRange = options.DroppedColumns.Where(c => c < 0 || c >= series.RegionCount).ToArray();
        if (outOfRange.Length > 0)
        {
            return Problem($"column {outOfRange[0]} cannot be dropped: columns are numbered 0 to {series.RegionCount - 1}");
        }

        return series.RegionCount - options.DroppedColumns.Distinct().Count() < 2
            ? Problem("at least 2 regions must remain after dropping columns")
            : null;
    }

    private static ConnectivityProblem? CheckVolumes(RegionTimeSeries series, ConnectivityOptions options)
    {
        if (options.InitialVolumesRemoved < 0)
        {
            return Problem("the number of initial volumes to remove cannot be negative");
        }

        var remaining = series.TimePointCount - options.InitialVolumesRemoved;
        return remaining < RegionTimeSeriesParser.MinimumTimePoints
            ? Problem($"only {remaining} time points remain after removing {options.InitialVolumesRemoved} initial volumes; at least {RegionTimeSeriesParser.MinimumTimePoints} are needed")
            : null;
    }

    private static ConnectivityProblem? CheckBandPass(ConnectivityOptions options)
    {
        if (options.BandPass is not { } band)
        {
            return null;
        }

        if (options.RepetitionTimeSeconds is not > 0)
        {
            return Problem("band-pass filtering needs a positive repetition time (TR, seconds)");
        }

        var nyquist = 0.5 / options.RepetitionTimeSeconds.Value;
        if (!(band.LowHz > 0 && band.LowHz < band.HighHz && band.HighHz < nyquist))
        {
            return Problem($"the band must satisfy 0 < low < high < {Format(nyquist)} Hz (the Nyquist frequency at this TR); got {Format(band.LowHz)}–{Format(band.HighHz)} Hz");
        }

        return band.Order is < 1 or > 10 ? Problem("the Butterworth order must be between 1 and 10") : null;
    }

    private static ConnectivityProblem? CheckConfounds(RegionTimeSeries series, ConnectivityOptions options, ConnectivityCovariates covariates)
    {
        if (!options.RegressConfounds)
        {
            return null;
        }

        if (covariates.Confounds is not { } confounds)
        {
            return Problem("confound regression was requested but no confounds were supplied");
        }

        return confounds.TimePointCount != series.TimePointCount
            ? Problem($"the confounds have {confounds.TimePointCount} time points but the series has {series.TimePointCount}")
            : null;
    }

    private static ConnectivityProblem? CheckCensoring(RegionTimeSeries series, ConnectivityOptions options, ConnectivityCovariates covariates)
    {
        if (options.Censoring is not { } censoring)
        {
            return null;
        }

        if (covariates.FramewiseDisplacement is not { } fd)
        {
            return Problem("censoring was requested but no framewise displacement was supplied");
        }

        if (fd.Count != series.TimePointCount)
        {
            return Problem($"the framewise displacement has {fd.Count} values but the series has {series.TimePointCount} time points");
        }

        return censoring.FramewiseDisplacementThresholdMm > 0 && censoring.MinimumSegmentLength >= 1
            ? null
            : Problem("the censoring threshold must be positive and the minimum segment length at least 1");
    }

    private static ConnectivityProblem Problem(string message) => new(message);

    private static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
