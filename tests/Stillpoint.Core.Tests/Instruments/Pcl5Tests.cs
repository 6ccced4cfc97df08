using Stillpoint.Core.Instruments;
using Stillpoint.Core.Instruments.Scoring;
using static Stillpoint.Core.Tests.Instruments.ShippedInstruments;

namespace Stillpoint.Core.Tests.Instruments;

public sealed class Pcl5Tests
{
    private const string CutoffFlag = "provisional-ptsd-cutoff";
    private const string PatternFlag = "provisional-ptsd-dsm5-pattern";

    [Fact]
    public void Score_ClustersBToE()
    {
        // Item n answered n mod 5.
        var result = Score("pcl5", string.Join(",", Enumerable.Range(1, 20).Select(n => n % 5)));

        // clinical-reference §6 clusters: B 1–5 → 1+2+3+4+0 = 10; C 6–7 → 1+2 = 3;
        // D 8–14 → 3+4+0+1+2+3+4 = 17; E 15–20 → 0+1+2+3+4+0 = 10.
        Assert.Equal(10, Subscale(result, "B"));
        Assert.Equal(3, Subscale(result, "C"));
        Assert.Equal(17, Subscale(result, "D"));
        Assert.Equal(10, Subscale(result, "E"));
        Assert.Equal(40, result.Total);
        Assert.Null(result.Severity); // §6: no empirically derived severity bands.
    }

    [Theory]
    // clinical-reference §14.7: cut-off defaults to 33. Items filled from item 1 at 4, so B and C are
    // endorsed but D and E are not, and the DSM-5 pattern does not fire.
    [InlineData(32, false)]
    [InlineData(33, true)]
    [InlineData(80, true)] // §6 range 0–80
    public void Score_DefaultCutoff33(int total, bool flagged)
    {
        var answers = total == 80 ? Repeat(4, 20) : WithTotal(total, 20, 4);
        var result = Score("pcl5", answers);

        Assert.Equal(flagged, FlagNames(result).Contains(CutoffFlag));
    }

    [Theory]
    // clinical-reference §14.7: configurable within 31–33.
    [InlineData(31, 31, true)]
    [InlineData(31, 30, false)]
    [InlineData(32, 32, true)]
    public void Score_ConfiguredCutoff(int cutoff, int total, bool flagged)
    {
        var settings = new ScoringSettings(new Dictionary<string, decimal> { ["provisionalCutoff"] = cutoff });
        var result = Score("pcl5", WithTotal(total, 20, 4), settings);

        Assert.Equal(flagged, FlagNames(result).Contains(CutoffFlag));
    }

    [Theory]
    [InlineData(30)]
    [InlineData(34)]
    public void Score_CutoffOutsidePublishedRange_Throws(int cutoff)
    {
        // clinical-reference §14.7: 31–33 is the published range; anything else is a configuration bug.
        var settings = new ScoringSettings(new Dictionary<string, decimal> { ["provisionalCutoff"] = cutoff });

        Assert.ThrowsAny<ArgumentException>(() => InstrumentScorer.Score(Get("pcl5"), Enumerable.Repeat<int?>(0, 20).ToList(), settings));
    }

    [Theory]
    // clinical-reference §6/§14.7 DSM-5 rule: items ≥ 2 count; need ≥1 B, ≥1 C, ≥2 D, ≥2 E.
    //                  B         C    D              E
    [InlineData("2,0,0,0,0, 2,0, 2,2,0,0,0,0,0, 2,2,0,0,0,0", true)] // the minimum pattern, total 12 < 33
    [InlineData("1,1,1,1,1, 2,0, 2,2,0,0,0,0,0, 2,2,0,0,0,0", false)] // no B item ≥ 2
    [InlineData("2,0,0,0,0, 1,1, 2,2,0,0,0,0,0, 2,2,0,0,0,0", false)] // no C item ≥ 2
    [InlineData("2,0,0,0,0, 2,0, 2,1,1,1,1,1,1, 2,2,0,0,0,0", false)] // only one D item ≥ 2
    [InlineData("2,0,0,0,0, 2,0, 2,2,0,0,0,0,0, 4,1,1,1,1,1", false)] // only one E item ≥ 2
    [InlineData("4,4,4,4,4, 4,4, 1,1,1,1,1,1,1, 1,1,1,1,1,1", false)] // total 41 ≥ 33 but no D/E pattern
    public void Score_Dsm5Pattern(string answers, bool pattern)
    {
        var result = Score("pcl5", answers.Replace(" ", "", StringComparison.Ordinal));

        Assert.Equal(pattern, FlagNames(result).Contains(PatternFlag));
    }

    [Fact]
    public void Score_PatternEstablishedDespiteMissingItems_Flagged()
    {
        // The DSM-5 pattern (§6) is already met by the answers present; missing items cannot undo it.
        var result = Score("pcl5", "2,,,,,2,,2,2,,,,,,2,2,,,,");

        Assert.Null(result.Total);
        Assert.Contains(PatternFlag, FlagNames(result));
        Assert.DoesNotContain(CutoffFlag, FlagNames(result));
    }

    [Theory]
    // clinical-reference §6 change: 5 points is the minimum for response, 10 for clinically meaningful change.
    [InlineData(50, 45, true, false)]
    [InlineData(50, 46, false, false)]
    [InlineData(50, 40, true, true)]
    public void OutcomeRules_PointDrops(int baseline, int current, bool response, bool meaningful)
    {
        var results = OutcomeRules.Evaluate(Get("pcl5"), baseline, current);

        Assert.Equal(response, results.Single(result => result.Rule.Name == "response").IsMet);
        Assert.Equal(meaningful, results.Single(result => result.Rule.Name == "clinically meaningful change").IsMet);
    }
}
