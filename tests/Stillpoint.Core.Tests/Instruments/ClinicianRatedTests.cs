using Stillpoint.Core.Instruments.Definitions;
using static Stillpoint.Core.Tests.Instruments.ShippedInstruments;

namespace Stillpoint.Core.Tests.Instruments;

/// <summary>CADSS-6 (clinical-reference §8, §14.6) and MOAA/S (§11).</summary>
public sealed class ClinicianRatedTests
{
    [Theory]
    // §14.6: CADSS-6 = items 1, 2, 6, 7, 15, 22 of the CADSS-23, each 0–4, total 0–24.
    [InlineData("0,0,0,0,0,0", 0)]
    [InlineData("4,4,4,4,4,4", 24)]
    [InlineData("1,0,2,0,3,0", 6)]
    public void Cadss6_Sum(string answers, int total)
    {
        var result = Score("cadss6", answers);

        Assert.Equal(total, result.Total);
        Assert.Null(result.Severity);
        Assert.Empty(result.Flags); // §14.6: the "> 4" rule is for the 23-item scale, never CADSS-6.
    }

    [Fact]
    public void Cadss6_KeepsOriginalItemNumbersInIds()
    {
        // §3/§14.6: store the original numbers, since short forms renumber.
        Assert.Equal(["cadss23-01", "cadss23-02", "cadss23-06", "cadss23-07", "cadss23-15", "cadss23-22"], Get("cadss6").Items.Select(item => item.Id));
        Assert.Equal(InstrumentKind.ClinicianRated, Get("cadss6").Kind);
    }

    [Theory]
    // §11: MOAA/S 0–5; 0 defines loss of consciousness (SPRAVATO label §5.1).
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(5, false)]
    public void Moaas_ScoreAndLossOfConsciousnessFlag(int rating, bool flagged)
    {
        var result = Score("moaas", rating.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(rating, result.Total);
        Assert.Equal(flagged, FlagNames(result).Contains("loss-of-consciousness"));
    }

    [Fact]
    public void Moaas_HigherIsBetter_AndSixRefused()
    {
        Assert.Equal(ScoreDirection.HigherIsBetter, Get("moaas").Direction); // §11: 5 is fully alert.
        Assert.False(Attempt("moaas", "6").Succeeded);
    }
}
