using Stillpoint.Core.Connectivity;

namespace Stillpoint.Core.Tests.Connectivity;

public sealed class ConnectivityPipelineTests
{
    private const int Length = 176;

    private static (double[] U, double[] V) Pair() => SyntheticSeries.OrthogonalPair(Length, cycles: 7);

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.3)]
    [InlineData(-0.6)]
    [InlineData(0.9)]
    public void Raw_pearson_recovers_a_constructed_correlation(double r)
    {
        var (u, v) = Pair();
        var series = RegionTimeSeries.FromColumns([u, SyntheticSeries.WithCorrelation(u, v, r)]);

        var result = ConnectivityPipeline.Compute(series, ConnectivityOptions.Raw()).GetValueOrThrow();

        Assert.Equal(r, result.Correlation[0, 1], 1e-12);
        Assert.Equal(FisherZ.FromCorrelation(r), result.FisherZ[1, 0], 1e-12);
    }

    [Fact]
    public void Constant_column_is_reported_and_excluded_and_no_value_is_nan()
    {
        var (u, v) = Pair();
        var series = RegionTimeSeries.FromColumns([u, new double[Length], v, Enumerable.Repeat(3.25, Length).ToArray()]);

        var result = ConnectivityPipeline.Compute(series, ConnectivityOptions.BandPassed(2)).GetValueOrThrow();

        Assert.Equal(["c0", "c2"], result.FisherZ.Regions.Select(r => r.Code));
        Assert.Equal([(1, ExclusionReason.ConstantInput), (3, ExclusionReason.ConstantInput)],
            result.ExcludedRegions.Select(e => (e.Region.ColumnIndex, e.Reason)));
        Assert.All(Enumerable.Range(0, 4), k => Assert.True(double.IsFinite(result.FisherZ[k / 2, k % 2])));
    }

    [Fact]
    public void Pure_drift_correlates_perfectly_raw_but_has_nothing_left_after_detrending()
    {
        var (u, _) = Pair();
        var drift = SyntheticSeries.Ramp(Length, slope: 0.37, offset: 1200);
        var otherDrift = SyntheticSeries.Ramp(Length, slope: -2, offset: 5);
        var series = RegionTimeSeries.FromColumns([u, drift, otherDrift]);

        var raw = ConnectivityPipeline.Compute(series, ConnectivityOptions.Raw()).GetValueOrThrow();
        var detrended = ConnectivityPipeline.Compute(series, new ConnectivityOptions { Detrend = true, Standardize = true });

        Assert.Equal(-1, raw.Correlation.Get("c1", "c2"), 1e-12);
        // After detrending only the sine is left: fewer than 2 regions means a problem, never a NaN matrix.
        Assert.Contains("fewer than 2 regions", detrended.Problem!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Drift_added_to_a_signal_is_removed_by_detrending()
    {
        var (u, v) = Pair();
        var y = SyntheticSeries.WithCorrelation(u, v, 0.5);
        var drifting = y.Select((value, t) => value + (0.05 * t)).ToArray();
        var series = RegionTimeSeries.FromColumns([u, drifting, SyntheticSeries.Ramp(Length, 1, 0)]);

        var result = ConnectivityPipeline.Compute(series, new ConnectivityOptions { Detrend = true }).GetValueOrThrow();

        Assert.Equal(ExclusionReason.NoVarianceAfterProcessing, Assert.Single(result.ExcludedRegions).Reason);
        // Detrending also removes the sine's own small linear component, so r is close to, not exactly, 0.5.
        Assert.Equal(0.5, result.Correlation[0, 1], 2e-2);
    }

    [Fact]
    public void Ledoit_wolf_shrinks_every_correlation_by_the_same_factor()
    {
        var columns = Enumerable.Range(0, 6).Select(i => SyntheticSeries.Noise(Length, i)).ToList();
        columns.Add(columns[0].Zip(columns[1], (a, b) => a + b).ToArray());
        var series = RegionTimeSeries.FromColumns(columns);

        var pearson = ConnectivityPipeline.Compute(series, ConnectivityOptions.Raw()).GetValueOrThrow();
        var shrunk = ConnectivityPipeline.Compute(series, ConnectivityOptions.Raw() with { Estimator = CorrelationEstimator.LedoitWolf }).GetValueOrThrow();

        // On z-scored data every diagonal of the sample covariance equals μ, so Σ_LW = (1 − s)·S + s·μ·I
        // gives r_LW = (1 − s)·r for every pair.
        var s = shrunk.ShrinkageIntensity!.Value;
        Assert.InRange(s, 0, 1);
        Assert.Equal((1 - s) * pearson.Correlation[0, 6], shrunk.Correlation[0, 6], 1e-12);
        Assert.Equal((1 - s) * pearson.Correlation[2, 3], shrunk.Correlation[2, 3], 1e-12);
        Assert.Equal(1, shrunk.Correlation[4, 4]);
    }

    [Fact]
    public void Regressing_a_shared_confound_restores_the_underlying_correlation()
    {
        var (u, v) = Pair();
        var y = SyntheticSeries.WithCorrelation(u, v, 0.2);
        var (motion, _) = SyntheticSeries.OrthogonalPair(Length, cycles: 23);
        var series = RegionTimeSeries.FromColumns([u.Zip(motion, (a, m) => a + (3 * m)).ToArray(), y.Zip(motion, (a, m) => a - (2 * m)).ToArray()]);
        var covariates = new ConnectivityCovariates(new ConfoundSet([motion], ["trans_x"]));

        var result = ConnectivityPipeline.Compute(series, new ConnectivityOptions { RegressConfounds = true }, covariates).GetValueOrThrow();

        Assert.Equal(0.2, result.Correlation[0, 1], 1e-10);
        Assert.Equal(["trans_x"], result.ConfoundsRegressed);
    }

    [Fact]
    public void Censoring_removes_high_motion_frames_and_short_runs()
    {
        var (u, v) = Pair();
        var fd = new double[Length];
        fd[50] = 0.9;
        fd[53] = 0.7;
        fd[120] = 0.6;
        var options = new ConnectivityOptions { InitialVolumesRemoved = 4, Censoring = new CensoringSettings(0.5, MinimumSegmentLength: 5) };
        var series = RegionTimeSeries.FromColumns([u, v]);

        var result = ConnectivityPipeline.Compute(series, options, new ConnectivityCovariates(FramewiseDisplacement: new FramewiseDisplacementSeries(fd))).GetValueOrThrow();

        // Frames 51–52 survive the threshold but form a run of 2 < 5, so they go too.
        Assert.Equal([50, 51, 52, 53, 120], result.CensoredFrames);
        Assert.Equal(Length - 4 - 5, result.TimePointsUsed);
    }

    [Fact]
    public void Censoring_before_band_pass_interpolates_interior_frames_and_keeps_values_finite()
    {
        var (u, v) = Pair();
        var spiked = u.Select((x, t) => t == 80 ? x + 50 : x).ToArray();
        var fd = new double[Length];
        fd[80] = 2;
        fd[0] = 2;
        var covariates = new ConnectivityCovariates(FramewiseDisplacement: new FramewiseDisplacementSeries(fd));
        var options = ConnectivityOptions.BandPassed(2) with { Censoring = new CensoringSettings(0.5) };

        var result = ConnectivityPipeline.Compute(RegionTimeSeries.FromColumns([spiked, v, SyntheticSeries.WithCorrelation(u, v, 0.7)]), options, covariates).GetValueOrThrow();

        Assert.Equal([0, 80], result.CensoredFrames);
        Assert.Equal(0.7, result.Correlation[0, 2], 5e-2);
    }

    [Fact]
    public void Records_every_option_and_step_for_reproduction()
    {
        var (u, v) = Pair();
        var options = ConnectivityOptions.BandPassed(2, new BandPassSettings(0.008, 0.09)) with { InitialVolumesRemoved = 2 };

        var result = ConnectivityPipeline.Compute(RegionTimeSeries.FromColumns([u, v]), options).GetValueOrThrow();

        Assert.Same(options, result.Options);
        Assert.Equal(11, result.Filter!.Length);
        Assert.Equal(Length - 2, result.TimePointsUsed);
        Assert.Collection(result.StepsApplied,
            s => Assert.StartsWith("removed 2 initial volumes", s, StringComparison.Ordinal),
            s => Assert.StartsWith("linear detrend", s, StringComparison.Ordinal),
            s => Assert.StartsWith("Butterworth band-pass order 5, 0.008–0.09 Hz at TR 2 s", s, StringComparison.Ordinal),
            s => Assert.StartsWith("z-scored", s, StringComparison.Ordinal),
            s => Assert.StartsWith("Pearson", s, StringComparison.Ordinal),
            s => Assert.StartsWith("Fisher z", s, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0.01, 0.3, "Nyquist")]
    [InlineData(0.1, 0.01, "0 < low < high")]
    public void Rejects_a_band_outside_the_sampling_range(double low, double high, string expected)
    {
        var (u, v) = Pair();
        var outcome = ConnectivityPipeline.Compute(RegionTimeSeries.FromColumns([u, v]), ConnectivityOptions.BandPassed(2, new BandPassSettings(low, high)));

        Assert.Contains(expected, outcome.Problem!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_series_too_short_for_the_filter_padding()
    {
        var (u, v) = SyntheticSeries.OrthogonalPair(30, 3);
        var outcome = ConnectivityPipeline.Compute(RegionTimeSeries.FromColumns([u, v]), ConnectivityOptions.BandPassed(2));

        Assert.Contains("needs at least 34 time points", outcome.Problem!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_dropped_column_that_does_not_exist()
    {
        var (u, v) = Pair();
        var outcome = ConnectivityPipeline.Compute(RegionTimeSeries.FromColumns([u, v, u]), ConnectivityOptions.Raw() with { DroppedColumns = [3] });

        Assert.Contains("columns are numbered 0 to 2", outcome.Problem!.Message, StringComparison.Ordinal);
    }
}
