using static Stillpoint.Core.Tests.Instruments.ShippedInstruments;

namespace Stillpoint.Core.Tests.Instruments;

/// <summary>
/// C-SSRS screener (clinical-reference §7). Positions: Q1, Q2, Q3, Q4, Q5, Q6, Q6 follow-up
/// ("within the past 3 months"); 1 = yes, 0 = no, empty = skipped or unanswered.
/// </summary>
public sealed class CssrsScreenTests
{
    [Theory]
    // §7 risk: Q1–2 low; Q3 or behaviour more than 3 months ago moderate; Q4, Q5 or behaviour within 3 months high.
    // §7 skip logic: Q2 = no → Q3–Q5 skipped (empty); Q6 = no → follow-up skipped (empty).
    [InlineData("0,0,,,,0,", "none", null)] // nothing endorsed
    [InlineData("1,0,,,,0,", "low", "suicide-risk-low")] // Q1 only
    [InlineData("0,1,0,0,0,0,", "low", "suicide-risk-low")] // Q2, no method/intent/plan
    [InlineData("1,1,1,0,0,0,", "moderate", "suicide-risk-moderate")] // Q3 method
    [InlineData("0,0,,,,1,0", "moderate", "suicide-risk-moderate")] // behaviour, not within 3 months
    [InlineData("1,1,0,1,0,0,", "high", "suicide-risk-high")] // Q4 intent without plan
    [InlineData("1,1,0,0,1,0,", "high", "suicide-risk-high")] // Q5 intent with plan
    [InlineData("0,0,,,,1,1", "high", "suicide-risk-high")] // behaviour within 3 months
    [InlineData("1,1,1,1,1,1,1", "high", "suicide-risk-high")] // everything endorsed: highest wins, one flag
    public void Score_RiskLevels(string answers, string level, string? flag)
    {
        var result = Score("cssrs-screen", answers);

        Assert.Equal(level, result.Severity);
        Assert.Null(result.Total); // §7: there is no official total.
        Assert.True(result.IsComplete);
        if (flag is null)
        {
            Assert.Empty(result.Flags);
        }
        else
        {
            Assert.Equal(flag, Assert.Single(result.Flags).Name);
            Assert.Contains("suicid", flag, StringComparison.Ordinal);
        }
    }

    [Theory]
    // §7 skip logic: a skipped item must be left empty; a value there contradicts the earlier answer.
    [InlineData("0,0,0,,,0,", 3)] // Q3 answered though Q2 = no
    [InlineData("0,0,,,1,0,", 5)] // Q5 answered though Q2 = no
    [InlineData("0,0,,,,0,0", 7)] // follow-up answered though Q6 = no
    public void Score_ValueInSkippedPosition_Refused(string answers, int item)
    {
        var attempt = Attempt("cssrs-screen", answers);

        Assert.False(attempt.Succeeded);
        Assert.Equal(item, Assert.Single(attempt.Errors).ItemNumber);
    }

    [Theory]
    // §7 skip logic: when Q2 = yes, Q3–Q5 are asked, so leaving them empty is incomplete.
    [InlineData("0,1,,,,0,", null, null)] // could still be high (Q4/Q5 unknown): no level, no flag beyond Q2's
    [InlineData("0,0,,,,1,", null, "suicide-risk-moderate")] // behaviour, recency unknown: at least moderate
    [InlineData("0,1,,1,,0,", "high", "suicide-risk-high")] // Q4 yes settles "high" whatever is missing
    [InlineData(",0,,,,0,", null, null)] // Q1 unanswered
    public void Score_Incomplete_LevelOnlyWhenSettled(string answers, string? level, string? flag)
    {
        var result = Score("cssrs-screen", answers);

        Assert.False(result.IsComplete);
        Assert.Equal(level, result.Severity);
        if (flag is not null)
        {
            Assert.Contains(flag, FlagNames(result));
        }
    }

    [Fact]
    public void Score_Q2YesThreeToFiveMissing_LowFlagKept()
    {
        // Q2 = yes establishes at least low risk (§7) even though Q3–Q5 are missing.
        var result = Score("cssrs-screen", "0,1,,,,0,");

        Assert.Equal(["suicide-risk-low"], FlagNames(result));
        Assert.Equal([3, 4, 5], result.MissingItems);
    }
}
