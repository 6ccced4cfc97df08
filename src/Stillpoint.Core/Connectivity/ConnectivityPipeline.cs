namespace Stillpoint.Core.Connectivity;

/// <summary>
/// Region time series → connectivity matrix. Steps, each optional and in this order (nilearn's):
/// drop columns → remove initial volumes → exclude constant regions → linear detrend → Butterworth
/// band-pass (zero phase; censored frames spline-filled first) → censor frames by FD → confound
/// regression → exclude regions with nothing left → z-score → Pearson or Ledoit–Wolf r → Fisher z.
/// </summary>
public static class ConnectivityPipeline
{
    public static ConnectivityOutcome<ConnectivityResult> Compute(
        RegionTimeSeries series, ConnectivityOptions options, ConnectivityCovariates? covariates = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(options);
        covariates ??= ConnectivityCovariates.None;
        var problem = ConnectivityOptionsValidator.Validate(series, options, covariates);
        if (problem is not null)
        {
            return ConnectivityOutcome<ConnectivityResult>.Failure(problem);
        }

        var work = PipelineWorkspace.Create(series, options, covariates);
        var kept = options.Censoring is { } censoring
            ? FrameCensoring.KeptFrames(covariates.FramewiseDisplacement!, work.FirstFrame, work.FrameCount, censoring)
            : null;
        problem = PipelineSteps.Preprocess(work, options, kept, out var filter);
        if (problem is not null)
        {
            return ConnectivityOutcome<ConnectivityResult>.Failure(problem);
        }

        if (work.Signals.Count < 2)
        {
            return ConnectivityOutcome<ConnectivityResult>.Failure(
                "fewer than 2 regions have any variance; no correlation can be computed");
        }

        return ConnectivityOutcome<ConnectivityResult>.Success(Correlate(work, series, options, covariates, filter));
    }

    private static ConnectivityResult Correlate(
        PipelineWorkspace work, RegionTimeSeries series, ConnectivityOptions options, ConnectivityCovariates covariates, FilterCoefficients? filter)
    {
        double? shrinkage = null;
        double[] r;
        if (options.Estimator == CorrelationEstimator.LedoitWolf)
        {
            r = CorrelationMatrices.LedoitWolf([.. work.Signals], out var intensity);
            shrinkage = intensity;
            work.Steps.Add(PipelineWorkspace.Invariant($"Ledoit–Wolf shrunk correlation (shrinkage {intensity:0.######})"));
        }
        else
        {
            r = CorrelationMatrices.Pearson([.. work.Signals]);
            work.Steps.Add("Pearson correlation");
        }

        work.Steps.Add(PipelineWorkspace.Invariant($"Fisher z = atanh(r), r clipped to ±(1 − {FisherZ.ClipMargin:0e0})"));
        var regions = work.Regions.ToArray();
        var correlation = new ConnectivityMatrix(regions, r);
        var censored = Enumerable.Range(work.FirstFrame, series.TimePointCount - work.FirstFrame).Except(work.FrameNumbers).ToArray();
        return new ConnectivityResult(
            options,
            correlation,
            correlation.Map(FisherZ.FromCorrelation),
            work.Excluded.OrderBy(e => e.Region.ColumnIndex).ToArray(),
            series.TimePointCount,
            work.FrameCount,
            censored,
            options.RegressConfounds ? covariates.Confounds!.Names : [],
            shrinkage,
            filter,
            work.Steps.ToArray());
    }
}
