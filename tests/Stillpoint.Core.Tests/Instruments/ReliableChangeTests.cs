using Stillpoint.Core.Instruments;
using static Stillpoint.Core.Tests.Instruments.ShippedInstruments;

namespace Stillpoint.Core.Tests.Instruments;

public sealed class ReliableChangeTests
{
    // clinical-reference preamble: S_diff = √2 · SD · √(1 − r). PHQ-9 defaults: SD 3.5 (§1, [V]) and
    // r .84 (§1, [U]) → S_diff = √2 × 3.5 × 0.4 = 1.9799; reliable change needs |change| > 1.96 × 1.9799 = 3.88,
    // i.e. about ≥ 4 points, as §1 derives.
    [Theory]
    [InlineData(20, 16, ReliableChangeOutcome.ReliablyImproved)] // −4 points: RCI −2.02
    [InlineData(20, 17, ReliableChangeOutcome.NoReliableChange)] // −3 points: RCI −1.52
    [InlineData(10, 14, ReliableChangeOutcome.ReliablyDeteriorated)] // +4 points: RCI 2.02
    [InlineData(10, 10, ReliableChangeOutcome.NoReliableChange)]
    public void Compute_Phq9Defaults(int earlier, int later, ReliableChangeOutcome expected)
    {
        var result = ReliableChange.Compute(Get("phq9"), earlier, later);

        Assert.Equal(expected, result.Outcome);
        Assert.Equal((later - earlier) / (Math.Sqrt(2) * 3.5 * Math.Sqrt(1 - 0.84)), result.Index!.Value, 10);
        Assert.True(result.UsesUnverifiedValues); // r .84 is [U] (§1, §14.5)
    }

    [Fact]
    public void Compute_Labels()
    {
        Assert.Equal("reliably improved", ReliableChange.Compute(Get("phq9"), 20, 10).Label);
        Assert.Equal("no reliable change", ReliableChange.Compute(Get("phq9"), 20, 19).Label);
        Assert.Equal("reliably deteriorated", ReliableChange.Compute(Get("phq9"), 5, 15).Label);
    }

    [Theory]
    // clinical-reference §2: SD 3.5 and r .83 (both [V]) → S_diff = √2 × 3.5 × √0.17 = 2.041, so the cut is
    // 1.96 × 2.041 = 4.0002 points: §2's "about ≥ 4" is in fact 5 points for whole totals.
    [InlineData(15, 11, ReliableChangeOutcome.NoReliableChange)] // −4: RCI −1.9599, just short
    [InlineData(15, 10, ReliableChangeOutcome.ReliablyImproved)] // −5: RCI −2.45
    public void Compute_Gad7_VerifiedDefaults(int earlier, int later, ReliableChangeOutcome expected)
    {
        var result = ReliableChange.Compute(Get("gad7"), earlier, later);

        Assert.Equal(expected, result.Outcome);
        Assert.False(result.UsesUnverifiedValues);
    }

    [Fact]
    public void Compute_NoPublishedSd_NotComputableUntilConfigured()
    {
        // clinical-reference §3/§14.4: no SD for the RRS-22 total was retrieved.
        Assert.Equal(ReliableChangeOutcome.NotComputable, ReliableChange.Compute(Get("rrs22"), 60, 40).Outcome);

        // With the clinic's own baseline SD (here 10) and the default r .90: S_diff = √2 × 10 × √0.1 = 4.47.
        var configured = ReliableChange.Compute(Get("rrs22"), 60, 50, new ReliableChangeSettings(10, null));
        Assert.Equal(ReliableChangeOutcome.ReliablyImproved, configured.Outcome); // −10 / 4.47 = −2.24
    }

    [Fact]
    public void Compute_HigherIsBetter_RiseIsImprovement()
    {
        // MOAA/S (§11): higher is more alert. It has no published SD; a configured one shows the direction.
        var result = ReliableChange.Compute(Get("moaas"), 1, 5, new ReliableChangeSettings(1, 0.8m));

        Assert.Equal(ReliableChangeOutcome.ReliablyImproved, result.Outcome);
    }
}
