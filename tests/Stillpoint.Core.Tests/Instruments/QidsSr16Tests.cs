using static Stillpoint.Core.Tests.Instruments.ShippedInstruments;

namespace Stillpoint.Core.Tests.Instruments;

public sealed class QidsSr16Tests
{
    [Theory]
    // clinical-reference §9 special rule: total = sleep max(1–4) + mood 5 + appetite/weight max(6–9)
    // + 10 + 11 + 12 + 13 + 14 + psychomotor max(15, 16).
    //          sleep    5  6 7 8 9  10 11 12 13 14 15 16
    [InlineData("3,3,3,3, 0, 0,0,0,0, 0, 0, 0, 0, 0, 0, 0", 3)] // sleep counts once: max, not 12
    [InlineData("0,1,2,3, 0, 0,0,0,0, 0, 0, 0, 0, 0, 0, 0", 3)] // sleep = the highest of four
    [InlineData("0,0,0,0, 0, 1,0,3,0, 0, 0, 0, 0, 0, 0, 0", 3)] // appetite/weight = max over 6–9
    [InlineData("0,0,0,0, 0, 0,0,0,0, 0, 0, 0, 0, 0, 2, 3", 3)] // psychomotor = max(15, 16)
    [InlineData("1,2,0,0, 1, 2,0,1,0, 1, 1, 1, 1, 1, 0, 2", 12)] // 2+1+2+1+1+1+1+1+2
    [InlineData("3,3,3,3, 3, 3,3,3,3, 3, 3, 3, 3, 3, 3, 3", 27)] // §9 range 0–27
    public void Score_DomainMaxRule(string answers, int total)
    {
        Assert.Equal(total, Score("qids-sr16", answers.Replace(" ", "", StringComparison.Ordinal)).Total);
    }

    [Theory]
    // clinical-reference §9: answer either 6 or 7 and either 8 or 9; the unanswered member counts 0 ([U]),
    // and the max over 6–9 still applies.
    [InlineData("0,0,0,0,0, 2,,,1, 0,0,0,0,0,0,0", 2)] // 6 and 9 answered
    [InlineData("0,0,0,0,0, ,3,0,, 0,0,0,0,0,0,0", 3)] // 7 and 8 answered
    [InlineData("0,0,0,0,0, 1,2,,0, 0,0,0,0,0,0,0", 2)] // both of a pair answered: still the max
    public void Score_AppetitePairs_UnansweredMemberCountsZero(string answers, int total)
    {
        var result = Score("qids-sr16", answers.Replace(" ", "", StringComparison.Ordinal));

        Assert.Equal(total, result.Total);
        Assert.True(result.IsComplete);
        Assert.Empty(result.MissingItems);
    }

    [Theory]
    // §9: neither member of a pair answered → the domain is unknown: no total.
    [InlineData("0,0,0,0,0, ,,0,0, 0,0,0,0,0,0,0", new[] { 6, 7 })]
    [InlineData("0,0,0,0,0, 0,0,,, 0,0,0,0,0,0,0", new[] { 8, 9 })]
    // Any other item missing → no total (no prorating rule is published for the QIDS-SR16).
    [InlineData(",0,0,0,0, 0,,0,, 0,0,0,0,0,0,0", new[] { 1 })]
    public void Score_Missing_NoTotal(string answers, int[] missing)
    {
        var result = Score("qids-sr16", answers.Replace(" ", "", StringComparison.Ordinal));

        Assert.Null(result.Total);
        Assert.False(result.IsComplete);
        Assert.Equal(missing, result.MissingItems);
    }

    [Theory]
    // clinical-reference §9 bands: 0–5 none, 6–10 mild, 11–15 moderate, 16–20 severe, 21–27 very severe.
    // Totals are built on the nine single-valued domains (items 1, 5, 6, 10–15 plus zeros).
    [InlineData(0, "none")]
    [InlineData(5, "none")]
    [InlineData(6, "mild")]
    [InlineData(10, "mild")]
    [InlineData(11, "moderate")]
    [InlineData(15, "moderate")]
    [InlineData(16, "severe")]
    [InlineData(20, "severe")]
    [InlineData(21, "very severe")]
    [InlineData(27, "very severe")]
    public void Score_BandBoundaries(int total, string band)
    {
        var domains = WithTotal(total, 9, 3).Split(',');

        // One item per domain carries its value: 1 (sleep), 5, 6 (appetite), 10, 11, 12, 13, 14, 15 (psychomotor).
        var answers = $"{domains[0]},0,0,0,{domains[1]},{domains[2]},,0,,{domains[3]},{domains[4]},{domains[5]},{domains[6]},{domains[7]},{domains[8]},0";
        var result = Score("qids-sr16", answers);

        Assert.Equal(total, result.Total);
        Assert.Equal(band, result.Severity);
    }

    [Theory]
    // clinical-reference §9: flag item 12 for any value ≥ 1 (product decision, [U]).
    [InlineData(0, false)]
    [InlineData(1, true)]
    public void Score_Item12_SuicideFlag(int item12, bool flagged)
    {
        var result = Score("qids-sr16", $"0,0,0,0,0,0,,0,,0,0,{item12},0,0,0,0");

        Assert.Equal(flagged, FlagNames(result).Contains("suicidal-ideation"));
        Assert.All(result.Flags, flag => Assert.False(flag.Provenance.IsVerified)); // [U]: shown as "unverified — review"
    }

    [Fact]
    public void Score_Explanation_ShowsDomainMaxima()
    {
        var result = Score("qids-sr16", "0,1,2,3,0,0,,1,,0,0,0,0,0,0,0");

        Assert.Contains("sleep = highest of (item 1 = 0, item 2 = 1, item 3 = 2, item 4 = 3) = 3", result.ExplanationText, StringComparison.Ordinal);
        Assert.Contains("item 7 not answered, counts 0", result.ExplanationText, StringComparison.Ordinal);
    }
}
