using Stillpoint.Core.Instruments;
using static Stillpoint.Core.Tests.Instruments.ShippedInstruments;

namespace Stillpoint.Core.Tests.Instruments;

public sealed class Phq9Tests
{
    [Theory]
    // clinical-reference §1 item-9 flag: item 9 ≥ 1 is significant whatever the total.
    [InlineData("0,0,0,0,0,0,0,0,1", true)] // total 1 (minimal) still flags
    [InlineData("0,0,0,0,0,0,0,0,3", true)]
    [InlineData("3,3,3,3,3,3,3,3,0", false)] // total 24 (severe) but item 9 = 0: no suicide flag
    public void Score_Item9_SuicideFlagWhateverTheTotal(string answers, bool flagged)
    {
        var result = Score("phq9", answers);

        Assert.Equal(flagged, result.Flags.Any(flag => flag.Name.Contains("suicid", StringComparison.Ordinal)));
    }

    [Theory]
    // clinical-reference §14.5 (NHS Data Dictionary): up to two missing items take the mean of the answered
    // items, i.e. total = sum × 9 / answered, which we round to two decimals.
    [InlineData("1,1,1,1,1,1,1,1,", 9, "mild")] // 8 × 9 / 8 = 9
    [InlineData("2,2,2,2,2,2,2,,", 18, "moderately severe")] // 14 × 9 / 7 = 18
    [InlineData("3,1,1,1,1,1,1,1,", 11.25, "moderate")] // 10 × 9 / 8 = 11.25
    [InlineData("1,2,1,1,1,1,1,,", 10.29, "moderate")] // 8 × 9 / 7 = 10.2857… → 10.29
    [InlineData("1,1,1,1,1,1,1,,", 9, "mild")] // 7 × 9 / 7 = 9
    [InlineData(",1,1,1,1,1,0,1,", 7.71, "mild")] // 6 × 9 / 7 = 7.714… → 7.71
    [InlineData("3,3,3,3,3,3,3,,", 27, "severe")] // 21 × 9 / 7 = 27, the top of the range
    public void Score_UpToTwoMissing_Prorated(string answers, double expected, string band)
    {
        var result = Score("phq9", answers);

        Assert.Equal(decimal.Round((decimal)expected, 2), result.Total);
        Assert.Equal(band, result.Severity);
        Assert.True(result.IsComplete);
        Assert.True(result.IsProrated);
        Assert.NotEmpty(result.MissingItems);
    }

    [Theory]
    // clinical-reference §14.5: forms with more than two missing items are disregarded → no total, incomplete.
    [InlineData("1,1,1,1,1,1,,,")]
    [InlineData(",,,,,,,,")]
    public void Score_MoreThanTwoMissing_NoTotalIncomplete(string answers)
    {
        var result = Score("phq9", answers);

        Assert.Null(result.Total);
        Assert.Null(result.Severity);
        Assert.False(result.IsComplete);
        Assert.False(result.IsProrated);
    }

    [Fact]
    public void Score_Item9Missing_FailClosedFlagStillNamesSuicide()
    {
        // Product decision (fail closed on the clinical-reference §1 item-9 flag): an unanswered item 9 is flagged.
        var result = Score("phq9", "0,0,0,0,0,0,0,0,");

        Assert.Contains("suicide-item-unanswered", FlagNames(result));
        Assert.DoesNotContain("suicidal-ideation", FlagNames(result));
        Assert.Equal(0, result.Total); // 0 × 9 / 8 = 0 (§14.5)
    }

    [Fact]
    public void Score_IncompleteBeyondRule_Item9FlagStillRaised()
    {
        // clinical-reference §1: item 9 ≥ 1 flags whatever the total, so also when there is no total.
        var result = Score("phq9", ",,,,,,,,2");

        Assert.Null(result.Total);
        Assert.Contains("suicidal-ideation", FlagNames(result));
    }

    [Theory]
    // clinical-reference §1 scale: 0–3 per item; anything else is refused with the item named.
    [InlineData("4,0,0,0,0,0,0,0,0", 1)]
    [InlineData("0,0,0,0,0,0,0,0,-1", 9)]
    public void Score_OutOfRange_RefusedNamingTheItem(string answers, int item)
    {
        var attempt = Attempt("phq9", answers);

        Assert.False(attempt.Succeeded);
        Assert.Equal(item, Assert.Single(attempt.Errors).ItemNumber);
    }

    [Theory]
    [InlineData("0,0,0,0,0,0,0,0")] // 8 answers for 9 items
    [InlineData("0,0,0,0,0,0,0,0,0,0")] // 10: the unscored 10th item is not part of the definition (§1)
    public void Score_WrongCount_Refused(string answers)
    {
        var attempt = Attempt("phq9", answers);

        Assert.False(attempt.Succeeded);
        Assert.Null(Assert.Single(attempt.Errors).ItemNumber);
    }

    [Fact]
    public void Score_Complete_ExplanationShowsTheSumAndBand()
    {
        var result = Score("phq9", "1,2,3,0,1,2,3,0,1");

        Assert.Equal(13, result.Total);
        Assert.Contains("1 + 2 + 3 + 0 + 1 + 2 + 3 + 0 + 1 = 13", result.ExplanationText, StringComparison.Ordinal);
        Assert.Contains("10–14: moderate", result.ExplanationText, StringComparison.Ordinal);
    }

    [Theory]
    // clinical-reference §1 response/remission [U]: response is a ≥50% drop; remission is PHQ-9 < 5.
    [InlineData(20, 10, true, false)] // exactly 50%
    [InlineData(20, 11, false, false)]
    [InlineData(20, 4, true, true)]
    [InlineData(8, 5, false, false)] // 5 is not below 5
    public void OutcomeRules_ResponseAndRemission(int baseline, int current, bool response, bool remission)
    {
        var results = OutcomeRules.Evaluate(Get("phq9"), baseline, current);

        Assert.Equal(response, results.Single(result => result.Rule.Name == "response").IsMet);
        Assert.Equal(remission, results.Single(result => result.Rule.Name == "remission").IsMet);
        Assert.All(results, result => Assert.False(result.Rule.Provenance.IsVerified));
    }
}
