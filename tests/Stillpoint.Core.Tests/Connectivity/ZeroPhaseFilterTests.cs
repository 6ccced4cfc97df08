using Stillpoint.Core.Connectivity;

namespace Stillpoint.Core.Tests.Connectivity;

public sealed class ZeroPhaseFilterTests
{
    private const double Tr = 2;

    [Fact]
    public void A_passband_sine_comes_out_in_phase_scaled_by_the_squared_magnitude()
    {
        // Forward then backward filtering multiplies by |H(f)|² and cancels the phase: away from the ends
        // the output is the input sine times |H|², with no shift in time.
        const double hz = 0.04;
        var filter = ButterworthDesign.BandPass(5, 0.01, 0.1, 1 / Tr);
        var input = SyntheticSeries.Sinusoid(1000, hz, Tr, phase: 0.3);
        var gain = Math.Pow(ButterworthDesignTests.Magnitude(filter, hz), 2);

        var output = ZeroPhaseFilter.Apply(filter, input);

        for (var t = 300; t < 700; t++)
        {
            Assert.Equal(gain * input[t], output[t], 1e-4);
        }
    }

    [Fact]
    public void A_stopband_sine_is_removed()
    {
        var filter = ButterworthDesign.BandPass(5, 0.01, 0.1, 1 / Tr);
        var output = ZeroPhaseFilter.Apply(filter, SyntheticSeries.Sinusoid(1000, 0.2, Tr));

        // |H(0.2 Hz)|² ≈ 2e-7; the slowly decaying start-up transient is what remains near the ends.
        Assert.All(output[400..600], v => Assert.InRange(v, -1e-4, 1e-4));
    }

    [Fact]
    public void Steady_state_initial_conditions_make_a_constant_pass_without_a_transient()
    {
        // y = 0.2x + 0.3x₋₁ + 0.5y₋₁ has step gain Σb/Σa = 0.5/0.5 = 1: a constant input started in steady
        // state must come out unchanged from the very first sample (what lfilter_zi is for).
        var filter = new FilterCoefficients([0.2, 0.3], [1, -0.5]);
        var data = Enumerable.Repeat(3.0, 20).ToArray();
        var state = ZeroPhaseFilter.SteadyStateInitialConditions(filter).Select(z => z * 3).ToArray();

        ZeroPhaseFilter.FilterInPlace(filter, data, state);

        Assert.All(data, y => Assert.Equal(3, y, 1e-12));
    }

    [Fact]
    public void Odd_extension_reflects_about_the_end_samples()
    {
        double[] signal = [1, 2, 4, 7, 11];

        var extended = ZeroPhaseFilter.OddExtension(signal, 2);

        // Left: 2·1 − 4, 2·1 − 2; right: 2·11 − 7, 2·11 − 4 (worked by hand).
        Assert.Equal([-2, 0, 1, 2, 4, 7, 11, 15, 18], extended);
    }

    [Fact]
    public void Uses_scipy_default_pad_length_and_refuses_shorter_series()
    {
        var filter = ButterworthDesign.BandPass(5, 0.01, 0.1, 1 / Tr);

        Assert.Equal(33, ZeroPhaseFilter.PadLength(filter));
        Assert.Throws<ArgumentException>(() => ZeroPhaseFilter.Apply(filter, new double[33]));
        Assert.Equal(34, ZeroPhaseFilter.Apply(filter, new double[34]).Length);
    }
}
