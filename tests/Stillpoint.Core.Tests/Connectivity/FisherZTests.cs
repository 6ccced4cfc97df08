using Stillpoint.Core.Connectivity;

namespace Stillpoint.Core.Tests.Connectivity;

public sealed class FisherZTests
{
    [Fact]
    public void Matches_atanh_inside_the_clip()
    {
        // atanh(0.5) = ½·ln(3), worked by hand.
        Assert.Equal(0.5 * Math.Log(3), FisherZ.FromCorrelation(0.5), 1e-15);
        Assert.Equal(0, FisherZ.FromCorrelation(0));
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(1.5)]
    [InlineData(0.99999999)]
    public void Clips_r_at_one_minus_1e7(double r)
    {
        // atanh(1 − ε) = ½·ln((2 − ε)/ε) with ε = 1e-7: ½·ln(19,999,999) ≈ 8.4056.
        var expected = 0.5 * Math.Log((2 - 1e-7) / 1e-7);

        Assert.Equal(expected, FisherZ.FromCorrelation(r), 1e-9);
        Assert.Equal(-expected, FisherZ.FromCorrelation(-r), 1e-9);
    }

    [Fact]
    public void Refuses_nan()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FisherZ.FromCorrelation(double.NaN));
    }
}
