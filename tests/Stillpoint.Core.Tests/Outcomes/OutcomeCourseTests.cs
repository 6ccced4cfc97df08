using Stillpoint.Core.Instruments.Definitions;
using Stillpoint.Core.Outcomes;
using static Stillpoint.Core.Tests.Instruments.ShippedInstruments;

namespace Stillpoint.Core.Tests.Outcomes;

public sealed class OutcomeCourseTests
{
    private static readonly DateOnly Day0 = new(2026, 1, 5);

    /// <summary>Totals one week apart from Day0; the first is the baseline.</summary>
    private static List<DatedTotal> Weekly(params decimal[] totals) =>
        [.. totals.Select((total, week) => new DatedTotal(Day0.AddDays(7 * week), total))];

    private static DateOnly Week(int week) => Day0.AddDays(7 * week);

    // clinical-reference §1: PHQ-9 response = ≥ 50 % drop from baseline [U]. Baseline 20: 10 is exactly 50 % (met), 11 is 45 %.
    // Baseline 21: 10.5 would be the line, so 11 (47.6 %) is not a response and 10 (52.4 %) is.
    [Theory]
    [InlineData(20, 10, true)]
    [InlineData(20, 11, false)]
    [InlineData(21, 11, false)]
    [InlineData(21, 10, true)]
    [InlineData(0, 0, false)] // no baseline symptoms: no percentage, no response
    public void Phq9_Response_AtTheFiftyPercentBoundary(int baseline, int later, bool responded)
    {
        var course = OutcomeCourses.Evaluate(Get("phq9"), Weekly(baseline, later));

        Assert.Equal(responded ? Week(1) : null, course.ResponseDate);
        Assert.Equal("response", course.ResponseRule!.Name);
    }

    // §1: PHQ-9 remission = total < 5 [U]: 4 remits, 5 does not.
    [Theory]
    [InlineData(5, false)]
    [InlineData(4, true)]
    public void Phq9_Remission_BelowFive(int later, bool remitted)
    {
        var course = OutcomeCourses.Evaluate(Get("phq9"), Weekly(18, later));

        Assert.Equal(remitted ? Week(1) : null, course.RemissionDate);
        Assert.True(course.UsesUnverifiedRules);
    }

    // §9: QIDS-SR16 remission = total ≤ 5 (STAR*D), response ≥ 50 %; both verified.
    [Theory]
    [InlineData(5, true)]
    [InlineData(6, false)]
    public void QidsSr16_Remission_AtMostFive(int later, bool remitted)
    {
        var course = OutcomeCourses.Evaluate(Get("qids-sr16"), Weekly(16, later));

        Assert.Equal(remitted ? Week(1) : null, course.RemissionDate);
        Assert.Equal(Week(1), course.ResponseDate); // 16 → 6 is a 62.5 % drop; 16 → 5 is 68.75 %
        Assert.False(course.UsesUnverifiedRules);
    }

    // §6: PCL-5 response = a 5-point drop (the instrument's own rule, not 50 %); PCL-5 publishes no remission rule.
    [Theory]
    [InlineData(45, true)]
    [InlineData(46, false)]
    public void Pcl5_Response_FivePointDrop(int later, bool responded)
    {
        var course = OutcomeCourses.Evaluate(Get("pcl5"), Weekly(50, later));

        Assert.Equal(responded ? Week(1) : null, course.ResponseDate);
        Assert.Null(course.RemissionRule);
        Assert.Null(course.RemissionDate);
    }

    // §2: GAD-7 publishes remission (< 5, [U]) but no response rule: no response, so no relapse and no durability.
    [Fact]
    public void Gad7_NoResponseRule_RemissionOnly()
    {
        var course = OutcomeCourses.Evaluate(Get("gad7"), Weekly(15, 3, 12));

        Assert.Null(course.ResponseRule);
        Assert.Equal(Week(1), course.RemissionDate);
        Assert.Null(course.ResponseDate);
        Assert.Null(course.RelapseDate);
        Assert.Null(course.Durability);
    }

    // Default relapse rule: losing response ([U]). Baseline 20; week 1 at 10 responds; week 2 at 9 still responds;
    // week 3 at 11 is a 45 % drop, no longer a response → relapse at week 3, 14 days after the response.
    [Fact]
    public void LossOfResponse_RelapseAndDurability()
    {
        var course = OutcomeCourses.Evaluate(Get("phq9"), Weekly(20, 10, 9, 11, 4));

        Assert.Equal(new DatedTotal(Day0, 20), course.Baseline);
        Assert.Equal(Week(1), course.ResponseDate);
        Assert.Equal(Week(3), course.RelapseDate);
        Assert.Equal(Week(4), course.RemissionDate); // remission is its own first date, even after the relapse
        Assert.Equal(new DurabilityObservation(Week(1), Week(3), Relapsed: true), course.Durability);
        Assert.Equal(14, course.Durability!.Days);
        Assert.Equal(new SurvivalObservation(14, true), course.Durability.ToSurvival());
    }

    // Still in response at the last measure: right-censored at that date.
    [Fact]
    public void StillResponding_CensoredAtLastMeasure()
    {
        var course = OutcomeCourses.Evaluate(Get("phq9"), Weekly(20, 14, 10, 8, 10));

        Assert.Equal(Week(2), course.ResponseDate);
        Assert.Null(course.RelapseDate);
        Assert.Equal(new DurabilityObservation(Week(2), Week(4), Relapsed: false), course.Durability);
        Assert.Equal(new SurvivalObservation(14, false), course.Durability!.ToSurvival());
    }

    [Fact]
    public void ResponseAtLastMeasure_CensoredAtZeroDays()
    {
        var course = OutcomeCourses.Evaluate(Get("phq9"), Weekly(20, 10));

        Assert.Equal(0, course.Durability!.Days);
        Assert.False(course.Durability.Relapsed);
    }

    // A worse measure before the response is not a relapse; only the first response episode counts.
    [Fact]
    public void OnlyMeasuresAfterFirstResponse_CanRelapse_AndReResponseIsIgnored()
    {
        var course = OutcomeCourses.Evaluate(Get("phq9"), Weekly(20, 22, 10, 15, 8, 16));

        Assert.Equal(Week(2), course.ResponseDate);
        Assert.Equal(Week(3), course.RelapseDate);
        Assert.Equal(7, course.Durability!.Days);
    }

    // Two confirming measures: a single lapse (week 2) is not a relapse; weeks 4–5 are, dated at week 4.
    [Fact]
    public void ConfirmingMeasures_Two_SingleLapseIgnored_RelapseDatedAtFirstOfRun()
    {
        var course = OutcomeCourses.Evaluate(Get("phq9"), Weekly(20, 10, 12, 9, 13, 14), new RelapseSettings(ConfirmingMeasures: 2));

        Assert.Equal(Week(4), course.RelapseDate);
        Assert.Equal(21, course.Durability!.Days);
    }

    // A run cut short by the end of the series is not (yet) a relapse: censored at the last measure.
    [Fact]
    public void ConfirmingMeasures_UnconfirmedAtEnd_Censored()
    {
        var course = OutcomeCourses.Evaluate(Get("phq9"), Weekly(20, 10, 9, 13), new RelapseSettings(ConfirmingMeasures: 2));

        Assert.Null(course.RelapseDate);
        Assert.Equal(new DurabilityObservation(Week(1), Week(3), Relapsed: false), course.Durability);
    }

    // Threshold rule, e.g. PHQ-9 ≥ 10 (§1 "moderate" band start; clinic-configurable, [U] as a relapse rule).
    // Baseline 24; 8 responds; 12 is still a 50 % drop (no loss of response) but is ≥ 10 → a threshold relapse.
    [Theory]
    [InlineData(RelapseCriterion.LossOfResponse, null)]
    [InlineData(RelapseCriterion.WorseThanThreshold, 2)]
    public void Threshold_VersusLossOfResponse(RelapseCriterion criterion, int? relapseWeek)
    {
        var course = OutcomeCourses.Evaluate(Get("phq9"), Weekly(24, 8, 12), new RelapseSettings(criterion, Threshold: 10));

        Assert.Equal(relapseWeek is { } week ? Week(week) : null, course.RelapseDate);
    }

    [Theory]
    [InlineData(10, true)]
    [InlineData(9, false)]
    public void Threshold_IsInclusive(int later, bool relapsed)
    {
        var course = OutcomeCourses.Evaluate(Get("phq9"), Weekly(24, 4, later), new RelapseSettings(RelapseCriterion.WorseThanThreshold, 10));

        Assert.Equal(relapsed, course.Durability!.Relapsed);
    }

    // On a higher-is-better scale improvement is a rise and "worse than the threshold" is at or below it.
    [Fact]
    public void HigherIsBetter_ResponseIsARise_ThresholdIsAtOrBelow()
    {
        var definition = Get("phq9") with { Id = "higher-better", Direction = ScoreDirection.HigherIsBetter };

        var course = OutcomeCourses.Evaluate(definition, Weekly(10, 15, 14, 12), new RelapseSettings(RelapseCriterion.WorseThanThreshold, 12));
        var lossOfResponse = OutcomeCourses.Evaluate(definition, Weekly(10, 15, 14, 12));

        Assert.Equal(Week(1), course.ResponseDate);
        Assert.Equal(Week(3), course.RelapseDate);
        Assert.Equal(Week(2), lossOfResponse.RelapseDate); // 14 is a 40 % rise: response lost
        Assert.Equal("higher-better", course.InstrumentId);
    }

    [Fact]
    public void Series_SortedByDate_BaselineIsEarliest()
    {
        var measures = Weekly(20, 10, 11);
        measures.Reverse();

        var course = OutcomeCourses.Evaluate(Get("phq9"), measures);

        Assert.Equal(new DatedTotal(Day0, 20), course.Baseline);
        Assert.Equal(Week(2), course.RelapseDate);
    }

    [Fact]
    public void SameDay_KeepsGivenOrder()
    {
        var course = OutcomeCourses.Evaluate(Get("phq9"), [new(Day0, 20), new(Week(1), 10), new(Week(1), 12)]);

        Assert.Equal(Week(1), course.RelapseDate);
        Assert.Equal(0, course.Durability!.Days);
        Assert.True(course.Durability.Relapsed);
    }

    [Fact]
    public void EmptyOrBaselineOnly_NothingReached()
    {
        var empty = OutcomeCourses.Evaluate(Get("phq9"), []);
        var baselineOnly = OutcomeCourses.Evaluate(Get("phq9"), Weekly(3));

        Assert.Null(empty.Baseline);
        Assert.Null(empty.Durability);
        Assert.Equal(new DatedTotal(Day0, 3), baselineOnly.Baseline);
        Assert.Null(baselineOnly.RemissionDate); // the baseline itself is never a remission
        Assert.Null(baselineOnly.ResponseDate);
    }

    [Fact]
    public void InvalidSettings_Throw()
    {
        Assert.Throws<ArgumentException>(() => OutcomeCourses.Evaluate(Get("phq9"), Weekly(20, 10), new RelapseSettings(RelapseCriterion.WorseThanThreshold)));
        Assert.Throws<ArgumentOutOfRangeException>(() => OutcomeCourses.Evaluate(Get("phq9"), Weekly(20, 10), new RelapseSettings(ConfirmingMeasures: 0)));
    }
}
