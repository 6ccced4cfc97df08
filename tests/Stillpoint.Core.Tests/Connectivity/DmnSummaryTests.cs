using Stillpoint.Core.Connectivity;

namespace Stillpoint.Core.Tests.Connectivity;

public sealed class DmnSummaryTests
{
    private const string Labels = """
        index,name,hemisphere,network
        0,PCC,,DMN core
        1,mPFC,,DMN core
        2,AG,L,DMN core
        3,Hippocampus,L,DMN subsystem
        4,V1,,Visual
        5,M1,,Motor
        """;

    /// <summary>Six regions built from three orthogonal sines so every pairwise r is known exactly.</summary>
    private static (RegionTimeSeries Series, ConnectivityResult Result) Scan(double coreR)
    {
        var (a, b) = SyntheticSeries.OrthogonalPair(200, 5);
        var (c, d) = SyntheticSeries.OrthogonalPair(200, 11);
        var series = RegionTimeSeries.FromColumns([
            a, SyntheticSeries.WithCorrelation(a, b, coreR), SyntheticSeries.WithCorrelation(a, c, coreR), b, c, d,
        ]);
        return (series, ConnectivityPipeline.Compute(series, ConnectivityOptions.Raw()).GetValueOrThrow());
    }

    private static DmnSummary Summary(double coreR)
    {
        var (series, result) = Scan(coreR);
        var labels = RegionLabelParser.Parse(Labels).GetValueOrThrow();
        return DmnSummarizer.Summarize(result.FisherZ, DmnDefinition.FromLabels(series, labels));
    }

    [Fact]
    public void Core_mean_is_over_the_unique_core_pairs()
    {
        var summary = Summary(0.6);

        // r(PCC,mPFC) = r(PCC,AG) = 0.6; r(mPFC,AG) = 0.36 (their shared part is 0.6·a each).
        var expected = ((2 * FisherZ.FromCorrelation(0.6)) + FisherZ.FromCorrelation(0.36)) / 3;
        Assert.Equal(3, summary.CorePairCount);
        Assert.Equal(expected, summary.CoreMeanZ!.Value, 1e-12);
        Assert.Equal(3, summary.Edges.Count);
        Assert.Equal("PCC – mPFC", summary.Edges[0].Name);
        Assert.Empty(summary.MissingCoreCodes);
    }

    [Fact]
    public void Within_dmn_and_dmn_to_rest_contrast_use_the_wider_network()
    {
        var summary = Summary(0.6);

        Assert.NotNull(summary.WithinDmnMeanZ);
        Assert.NotNull(summary.DmnToRestMeanZ);
        Assert.Equal(summary.WithinDmnMeanZ - summary.DmnToRestMeanZ, summary.WithinMinusRest);
        Assert.Equal(summary.WithinMinusRest, summary.Metrics()[DmnSummary.ContrastMetric]);
    }

    [Fact]
    public void A_constant_core_region_is_reported_missing_not_nan()
    {
        var (a, b) = SyntheticSeries.OrthogonalPair(100, 4);
        var series = RegionTimeSeries.FromColumns([a, new double[100], b, a, b, a]);
        var z = ConnectivityPipeline.Compute(series, ConnectivityOptions.Raw()).GetValueOrThrow().FisherZ;

        var summary = DmnSummarizer.Summarize(z, DmnDefinition.FromLabels(series, RegionLabelParser.Parse(Labels).GetValueOrThrow()));

        Assert.Equal(["c1"], summary.MissingCoreCodes);
        Assert.Equal(1, summary.CorePairCount);
        Assert.Null(summary.Edges[0].FisherZ);
    }

    [Fact]
    public void Control_reference_gives_signed_z_scores_and_normalisation_from_either_side()
    {
        var controls = ControlReference.FromSummaries("healthy", [Summary(0.3), Summary(0.4), Summary(0.5)]);
        var norm = controls.Find(DmnSummary.CoreMeanMetric)!;

        var above = PrePostComparison.Compare(Summary(0.8), Summary(0.5), controls).Single(c => c.Metric == DmnSummary.CoreMeanMetric);
        var below = PrePostComparison.Compare(Summary(0.05), Summary(0.3), controls).Single(c => c.Metric == DmnSummary.CoreMeanMetric);

        Assert.Equal(3, norm.Count);
        Assert.True(above.PreZ > 0 && above.Change < 0 && above.TowardControls > 0);
        Assert.True(below.PreZ < 0 && below.Change > 0 && below.TowardControls > 0);
        Assert.Equal((above.Post - norm.Mean) / norm.StandardDeviation, above.PostZ!.Value, 1e-12);
    }

    [Fact]
    public void Pre_post_matrix_difference_covers_regions_present_in_both()
    {
        var pre = Scan(0.2).Result.FisherZ;
        var post = Scan(0.5).Result.FisherZ;

        var change = ConnectivityMatrix.Difference(post, pre);

        Assert.Equal(6, change.Size);
        Assert.Equal(FisherZ.FromCorrelation(0.5) - FisherZ.FromCorrelation(0.2), change[0, 1], 1e-12);
    }
}
