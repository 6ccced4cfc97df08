using System.Numerics;
using Stillpoint.Core.Connectivity;

namespace Stillpoint.Core.Tests.Connectivity;

/// <summary>
/// The design is checked against results derived independently of its pole-by-pole construction:
/// a first-order band-pass worked out by hand, and the closed-form Butterworth magnitude response.
/// (No numpy/scipy is installed on the build machine; the real-data test compares whole pipelines with
/// scipy-computed reference values.)
/// </summary>
public sealed class ButterworthDesignTests
{
    private const double SamplingRate = 0.5; // TR = 2 s
    private const double Low = 0.01;
    private const double High = 0.1;

    /// <summary>Pre-warped analog edge for the bilinear transform with c = 4 (Nyquist-normalised, fs = 2).</summary>
    private static double Warp(double hz) => 4 * Math.Tan(Math.PI * hz / SamplingRate);

    [Fact]
    public void First_order_band_pass_matches_the_hand_derived_bilinear_transform()
    {
        // By hand: H(s) = BW·s / (s² + BW·s + ω₀²); substitute s = c(z − 1)/(z + 1), multiply through by
        // (z + 1)²: numerator BW·c·(z² − 1); denominator D·z² + 2(ω₀² − c²)·z + (c² − BW·c + ω₀²),
        // with D = c² + BW·c + ω₀². Divide by D so a₀ = 1.
        const double c = 4;
        double w1 = Warp(Low), w2 = Warp(High);
        double bw = w2 - w1, w0Squared = w1 * w2, d = (c * c) + (bw * c) + w0Squared;
        double[] expectedB = [bw * c / d, 0, -bw * c / d];
        double[] expectedA = [1, 2 * (w0Squared - (c * c)) / d, ((c * c) - (bw * c) + w0Squared) / d];

        var filter = ButterworthDesign.BandPass(1, Low, High, SamplingRate);

        AssertClose(expectedB, filter.Numerator, 1e-14);
        AssertClose(expectedA, filter.Denominator, 1e-14);
    }

    [Fact]
    public void Fifth_order_numerator_is_gain_times_z_squared_minus_one_to_the_fifth()
    {
        // Five zeros at z = 1 and five at z = −1: b ∝ (1 − z⁻²)⁵ = 1 − 5z⁻² + 10z⁻⁴ − 10z⁻⁶ + 5z⁻⁸ − z⁻¹⁰.
        var filter = ButterworthDesign.BandPass(5, Low, High, SamplingRate);
        var gain = filter.Numerator[0];
        double[] pattern = [1, 0, -5, 0, 10, 0, -10, 0, 5, 0, -1];

        Assert.Equal(11, filter.Length);
        AssertClose(pattern.Select(p => p * gain).ToArray(), filter.Numerator, 1e-15);
        Assert.Equal(1, filter.Denominator[0]);
    }

    [Theory]
    [InlineData(0.001)]
    [InlineData(0.01)]
    [InlineData(0.02)]
    [InlineData(0.0316)]
    [InlineData(0.05)]
    [InlineData(0.1)]
    [InlineData(0.15)]
    [InlineData(0.24)]
    public void Fifth_order_magnitude_matches_the_closed_form_butterworth_response(double hz)
    {
        // Closed form: |H|² = 1 / (1 + ((Ω² − ω₀²)/(Ω·BW))^(2N)) with Ω = 4·tan(π·f/fs), the analog
        // frequency the bilinear transform maps f to.
        double w1 = Warp(Low), w2 = Warp(High), omega = Warp(hz);
        var ratio = ((omega * omega) - (w1 * w2)) / (omega * (w2 - w1));
        var expected = 1 / Math.Sqrt(1 + Math.Pow(ratio, 10));

        var filter = ButterworthDesign.BandPass(5, Low, High, SamplingRate);

        Assert.Equal(expected, Magnitude(filter, hz), 1e-9);
    }

    [Fact]
    public void Band_edges_are_at_minus_three_decibels_and_all_poles_are_stable()
    {
        var filter = ButterworthDesign.BandPass(5, Low, High, SamplingRate);

        Assert.Equal(Math.Sqrt(0.5), Magnitude(filter, Low), 1e-9);
        Assert.Equal(Math.Sqrt(0.5), Magnitude(filter, High), 1e-9);
        Assert.Equal(1, Magnitude(filter, Math.Sqrt(Low * High) * 1.2), 1e-2);
    }

    [Fact]
    public void Rejects_edges_outside_zero_to_nyquist()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ButterworthDesign.BandPass(5, 0.01, 0.3, SamplingRate));
        Assert.Throws<ArgumentOutOfRangeException>(() => ButterworthDesign.BandPass(5, 0.1, 0.01, SamplingRate));
    }

    internal static double Magnitude(FilterCoefficients filter, double hz)
    {
        var z = Complex.FromPolarCoordinates(1, 2 * Math.PI * hz / SamplingRate);
        Complex Evaluate(IReadOnlyList<double> c) => c.Select((v, k) => v * Complex.Pow(z, -k)).Aggregate(Complex.Zero, (s, v) => s + v);
        return Complex.Abs(Evaluate(filter.Numerator) / Evaluate(filter.Denominator));
    }

    private static void AssertClose(double[] expected, IReadOnlyList<double> actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"coefficient {i}: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }
}
