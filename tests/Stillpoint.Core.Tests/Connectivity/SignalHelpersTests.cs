using Stillpoint.Core.Connectivity;

namespace Stillpoint.Core.Tests.Connectivity;

public sealed class SignalHelpersTests
{
    [Fact]
    public void Natural_spline_fills_gaps_in_a_straight_line_exactly()
    {
        // A natural cubic spline reproduces any straight line (zero curvature everywhere).
        var line = SyntheticSeries.Ramp(20, slope: 1.5, offset: -3);
        var damaged = (double[])line.Clone();
        var kept = Enumerable.Repeat(true, 20).ToArray();
        foreach (var t in new[] { 4, 5, 11, 17 })
        {
            damaged[t] = 999;
            kept[t] = false;
        }

        NaturalCubicSpline.FillGaps(damaged, kept);

        Assert.All(Enumerable.Range(0, 20), t => Assert.Equal(line[t], damaged[t], 1e-12));
    }

    [Fact]
    public void Detrend_leaves_nothing_of_a_line_and_keeps_a_centred_sine()
    {
        var line = SyntheticSeries.Ramp(50, 2, 7);
        SignalOperations.Detrend(line);

        Assert.All(line, v => Assert.Equal(0, v, 1e-12));
    }

    [Fact]
    public void Framewise_displacement_sums_translations_and_rotation_arcs()
    {
        // Frame 1: |0.1| + |−0.2| mm translation, and 0.01 rad about one axis → 0.5 mm on a 50 mm sphere.
        var motion = new ConfoundSet([[0, 0.1], [0, -0.2], [0, 0], [0, 0.01], [0, 0], [0, 0]]);

        var fd = FramewiseDisplacement.FromMotionParameters(motion, MotionParameterOrder.TranslationsThenRotations);

        Assert.Equal(0, fd[0]);
        Assert.Equal(0.8, fd[1], 1e-12);
    }

    [Fact]
    public void Matrix_csv_has_codes_in_header_and_first_column_with_round_trip_numbers()
    {
        var (u, v) = SyntheticSeries.OrthogonalPair(40, 3);
        var series = RegionTimeSeries.FromColumns([u, SyntheticSeries.WithCorrelation(u, v, 0.5)], ["#1", "a,b"]);
        var z = ConnectivityPipeline.Compute(series, ConnectivityOptions.Raw()).GetValueOrThrow().FisherZ;

        var lines = ConnectivityMatrixCsv.Format(z).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("region,#1,\"a,b\"", lines[0]);
        Assert.StartsWith("#1,", lines[1], StringComparison.Ordinal);
        Assert.Equal(z[0, 1], double.Parse(lines[1].Split(',')[2], System.Globalization.CultureInfo.InvariantCulture));
    }
}
