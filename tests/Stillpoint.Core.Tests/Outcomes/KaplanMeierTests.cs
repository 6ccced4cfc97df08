using Stillpoint.Core.Outcomes;
using static Stillpoint.Core.Tests.Outcomes.TextbookData;

namespace Stillpoint.Core.Tests.Outcomes;

public sealed class KaplanMeierTests
{
    private const double Tolerance = 1e-6;

    // 6-MP group (TextbookData.SixMp), worked by hand. nⱼ = at risk just before tⱼ (censored at tⱼ included),
    // Ŝ = ∏(1 − dⱼ/nⱼ), Σ = Σ dⱼ/(nⱼ(nⱼ − dⱼ)), SE = Ŝ√Σ (Greenwood), log-log limits Ŝ^exp(±1.96·√(Σ/(ln Ŝ)²)).
    //  t   n  d  c   Ŝ                               Σ (running)                      SE
    //  6  21  3  1   18/21            = 0.857143     3/(21·18) = 0.0079365             0.076360
    //  7  17  1  0   ×16/17           = 0.806723     + 1/(17·16) → 0.0116130           0.086935
    //  9  16  0  1   (censoring only: no change)
    // 10  15  1  1   ×14/15           = 0.752941     + 1/(15·14) → 0.0163749           0.096350
    // 11  13  0  1
    // 13  12  1  0   ×11/12           = 0.690196     + 1/(12·11) → 0.0239506           0.106815
    // 16  11  1  0   ×10/11           = 0.627451     + 1/(11·10) → 0.0330416           0.114054
    // 17, 19, 20: one censoring each (n 10, 9, 8)
    // 22   7  1  0   ×6/7             = 0.537815     + 1/(7·6)   → 0.0568511           0.128234
    // 23   6  1  0   ×5/6             = 0.448179     + 1/(6·5)   → 0.0901844           0.134591
    // 25 (n 5), 32 (n 4, two censored), 34 (n 2), 35 (n 1): censorings only.
    // Log-log at t = 6: ln Ŝ = −0.154151, v = 0.0079365/0.0237624 = 0.333994, √v = 0.577922,
    //   k = exp(1.959964 × 0.577922) = 3.104046, lower = 0.857143^3.104046 = 0.619718, upper = 0.857143^(1/k) = 0.951552.
    // At t = 23: ln Ŝ = −0.802562, v = 0.0901844/0.644106 = 0.140015, √v = 0.374186, k = 2.082128,
    //   lower = 0.448179^2.082128 = 0.188052, upper = 0.448179^(1/k) = 0.680143.
    // Checked with an independent script; R's summary(survfit(Surv(time, status) ~ 1, conf.type = "log-log")) should
    // print the same figures (R was not run for this test).
    [Theory]
    [InlineData(6, 21, 3, 1, 0.857143, 0.076360, 0.619718, 0.951552)]
    [InlineData(7, 17, 1, 0, 0.806723, 0.086935, 0.563147, 0.922809)]
    [InlineData(9, 16, 0, 1, 0.806723, 0.086935, 0.563147, 0.922809)]
    [InlineData(10, 15, 1, 1, 0.752941, 0.096350, 0.503200, 0.889362)]
    [InlineData(13, 12, 1, 0, 0.690196, 0.106815, 0.431610, 0.849066)]
    [InlineData(16, 11, 1, 0, 0.627451, 0.114054, 0.367511, 0.804912)]
    [InlineData(22, 7, 1, 0, 0.537815, 0.128234, 0.267779, 0.746791)]
    [InlineData(23, 6, 1, 0, 0.448179, 0.134591, 0.188052, 0.680143)]
    [InlineData(32, 4, 0, 2, 0.448179, 0.134591, 0.188052, 0.680143)]
    [InlineData(35, 1, 0, 1, 0.448179, 0.134591, 0.188052, 0.680143)]
    public void SixMp_LogLog_MatchesHandWorkedTable(double time, int atRisk, int events, int censored, double survival, double se, double lower, double upper)
    {
        var step = KaplanMeier.Estimate(SixMp).Steps.Single(candidate => candidate.Time == time);

        Assert.Equal((atRisk, events, censored), (step.AtRisk, step.Events, step.Censored));
        Assert.Equal(survival, step.Survival, Tolerance);
        Assert.Equal(se, step.StandardError!.Value, Tolerance);
        Assert.Equal(lower, step.Lower!.Value, Tolerance);
        Assert.Equal(upper, step.Upper!.Value, Tolerance);
    }

    [Fact]
    public void SixMp_OneStepPerDistinctTime_AndTotals()
    {
        var curve = KaplanMeier.Estimate(SixMp);

        Assert.Equal([6, 7, 9, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 34, 35], curve.Steps.Select(step => step.Time));
        Assert.Equal((21, 9, 12), (curve.Subjects, curve.Events, curve.Censored));
        Assert.Equal(SurvivalConfidenceTransform.LogLog, curve.Transform);
        Assert.Equal(curve.Subjects, curve.Steps.Sum(step => step.Events + step.Censored));
    }

    // Median: the first t with Ŝ(t) ≤ 0.5 is 23 (Ŝ(22) = 0.538 > 0.5, Ŝ(23) = 0.448); Kleinbaum & Klein give 23 weeks.
    // Its interval: the lower band first drops to ≤ 0.5 at 13 (0.4316; at 10 it is 0.5032), the upper band never does
    // (it ends at 0.680), so the upper limit is not reached (R's survfit is expected to print median 23, 0.95LCL 13, UCL NA).
    [Fact]
    public void SixMp_Median23_Interval13ToNotReached()
    {
        Assert.Equal(new MedianSurvival(23, 13, null), KaplanMeier.Estimate(SixMp).Median);
    }

    // Plain interval Ŝ ± 1.96·SE, hand-worked: t = 6: 0.857143 ± 1.959964 × 0.076360 = [0.707479, 1.006807] → upper
    // clipped to 1. t = 23: 0.448179 ± 0.263795 = [0.184385, 0.711974].
    // Median interval: lower band first ≤ 0.5 at 13 (0.690196 − 0.209353 = 0.480843; at 10 it is 0.564099),
    // upper band never ≤ 0.5 → not reached.
    [Fact]
    public void SixMp_Plain_IntervalsClippedAndMedian()
    {
        var curve = KaplanMeier.Estimate(SixMp, new KaplanMeierOptions(SurvivalConfidenceTransform.Plain));

        var first = curve.Steps[0];
        Assert.Equal(0.707479, first.Lower!.Value, Tolerance);
        Assert.Equal(1, first.Upper!.Value);
        var last = curve.Steps.Single(step => step.Time == 23);
        Assert.Equal(0.184385, last.Lower!.Value, Tolerance);
        Assert.Equal(0.711974, last.Upper!.Value, Tolerance);
        Assert.Equal(new MedianSurvival(23, 13, null), curve.Median);
        Assert.Equal(SurvivalConfidenceTransform.Plain, curve.Transform);
    }

    // Placebo group: every patient relapses. Ŝ falls by dⱼ/21 of the start each time: after 5 (9 relapses) 12/21 = 0.571,
    // after 8 (13 relapses) 8/21 = 0.381 → median 8 weeks (Kleinbaum & Klein: 8 vs 23 on 6-MP). The last relapse (23, n 1)
    // takes Ŝ to 0, where Greenwood's sum is infinite: no SE and no interval.
    [Fact]
    public void Placebo_AllEvents_MedianEight_EndsAtZeroWithoutInterval()
    {
        var curve = KaplanMeier.Estimate(Placebo);

        Assert.Equal(8, curve.Median.Estimate);
        Assert.Equal(8.0 / 21, curve.SurvivalAt(8), Tolerance);
        Assert.Equal(12.0 / 21, curve.SurvivalAt(7.9), Tolerance);
        var last = curve.Steps[^1];
        Assert.Equal((23.0, 1, 1, 0.0), (last.Time, last.AtRisk, last.Events, last.Survival));
        Assert.Null(last.StandardError);
        Assert.Null(last.Lower);
        Assert.Null(last.Upper);
        Assert.Equal(0, curve.Censored);
    }

    // Collett's IUD data (TextbookData.Iud), hand-worked:
    //  t    n  d  c  Ŝ                          t    n  d  c  Ŝ
    //  10  18  1  0  17/18 = 0.944444           59   8  1  0  ×7/8 = 0.652635
    //  13, 18: censored (n 17, 16)              75   7  1  0  ×6/7 = 0.559402
    //  19  15  1  0  ×14/15 = 0.881481          93   6  1  0  ×5/6 = 0.466168  ← first ≤ 0.5: median 93
    //  23: censored (n 14)                      97   5  1  0  ×4/5 = 0.372934
    //  30  13  1  0  ×12/13 = 0.813675          104: censored (n 4)
    //  36  12  1  0  ×11/12 = 0.745869          107  3  1  2  ×2/3 = 0.248623  (events first: n = 3, not 1)
    //  38, 54, 56: censored (n 11, 10, 9)
    // Greenwood at 107: Σ = 1/306 + 1/210 + 1/156 + 1/132 + 1/56 + 1/42 + 1/30 + 1/20 + 1/6 = 0.313683,
    //   SE = 0.248623 × √0.313683 = 0.139247; log-log: ln Ŝ = −1.391818, v = 0.313683/1.937156 = 0.161929, √v = 0.402405,
    //   k = exp(1.959964 × 0.402405) = 2.200530, lower = 0.248623^2.200417 = 0.046760, upper = 0.248623^(1/k) = 0.531266.
    // Median interval: lower band 0.524 at 30, 0.4536 at 36 → 36; the upper band ends at 0.531 → not reached.
    [Fact]
    public void Iud_TieOfEventAndCensorings_EventsFirst()
    {
        var curve = KaplanMeier.Estimate(Iud);

        var last = curve.Steps[^1];
        Assert.Equal((107.0, 3, 1, 2), (last.Time, last.AtRisk, last.Events, last.Censored));
        Assert.Equal(0.248623, last.Survival, Tolerance);
        Assert.Equal(0.139247, last.StandardError!.Value, Tolerance);
        Assert.Equal(0.046760, last.Lower!.Value, Tolerance);
        Assert.Equal(0.531266, last.Upper!.Value, Tolerance);
        Assert.Equal(0.466168, curve.SurvivalAt(93), Tolerance);
        Assert.Equal(new MedianSurvival(93, 36, null), curve.Median);
    }

    // Four subjects 1, 2, 2+, 3. Events first at 2: n = 3 → Ŝ(2) = ¾ × ⅔ = 0.5 exactly, so the median is 2 (Ŝ ≤ 0.5;
    // R would report 2.5, averaging over the flat stretch). Censorings first would give n = 2 and Ŝ = 0.375.
    // Ŝ(3) = 0 (n 1, d 1). Log-log bands: at 1, Σ = 1/12, ln ¾ = −0.287682, v = 1.006916, k = exp(1.959964 × 1.003452)
    // = 7.147264, lower = 0.75^7.147264 = 0.127947 → the median's lower limit is 1; the upper band at 2 is
    // 0.5^exp(−1.959964·√(0.25/0.480453)) = 0.844861, and at 3 there is no band (Ŝ = 0, counted as 0) → upper limit 3.
    [Fact]
    public void SmallTie_EventsBeforeCensoring_MedianAtExactlyHalf()
    {
        var curve = KaplanMeier.Estimate(Build([1, 2, 3], [2]));

        Assert.Equal([4, 3, 1], curve.Steps.Select(step => step.AtRisk));
        Assert.Equal(0.5, curve.Steps[1].Survival, 1e-15);
        Assert.Equal(0.127947, curve.Steps[0].Lower!.Value, Tolerance);
        Assert.Equal(0.844861, curve.Steps[1].Upper!.Value, Tolerance);
        Assert.Equal(new MedianSurvival(2, 1, 3), curve.Median);
    }

    [Fact]
    public void AllCensored_SurvivalStaysOne_MedianNotReached()
    {
        var curve = KaplanMeier.Estimate(Build([], [3, 5, 5]));

        Assert.All(curve.Steps, step => Assert.Equal((1.0, 0.0, 1.0, 1.0), (step.Survival, step.StandardError!.Value, step.Lower!.Value, step.Upper!.Value)));
        Assert.Equal([3, 2], curve.Steps.Select(step => step.AtRisk));
        Assert.Equal(new MedianSurvival(null, null, null), curve.Median);
        Assert.Equal(0, curve.Events);
    }

    [Fact]
    public void Empty_NoStepsNoMedian()
    {
        var curve = KaplanMeier.Estimate([]);

        Assert.Empty(curve.Steps);
        Assert.Equal(0, curve.Subjects);
        Assert.Equal(new MedianSurvival(null, null, null), curve.Median);
        Assert.Equal(1, curve.SurvivalAt(10));
    }

    [Fact]
    public void EventAtTimeZero_IsAStep()
    {
        var curve = KaplanMeier.Estimate(Build([0], [4]));

        Assert.Equal((0.0, 2, 1), (curve.Steps[0].Time, curve.Steps[0].AtRisk, curve.Steps[0].Events));
        Assert.Equal(0.5, curve.SurvivalAt(0));
        Assert.Equal(0, curve.Median.Estimate);
    }

    [Fact]
    public void InputOrder_DoesNotMatter()
    {
        var shuffled = SixMp.Reverse().ToList();

        Assert.Equal(KaplanMeier.Estimate(SixMp).Steps, KaplanMeier.Estimate(shuffled).Steps);
    }

    [Fact]
    public void SurvivalAt_IsRightContinuousStepFunction()
    {
        var curve = KaplanMeier.Estimate(SixMp);

        Assert.Equal(1, curve.SurvivalAt(5.99));
        Assert.Equal(18.0 / 21, curve.SurvivalAt(6), Tolerance);
        Assert.Equal(18.0 / 21 * 16 / 17, curve.SurvivalAt(9.5), Tolerance);
        Assert.Equal(0.448179, curve.SurvivalAt(100), Tolerance);
    }

    [Theory]
    [InlineData(SurvivalConfidenceTransform.LogLog)]
    [InlineData(SurvivalConfidenceTransform.Plain)]
    public void Bands_ContainTheEstimate_WithinZeroAndOne(SurvivalConfidenceTransform transform)
    {
        foreach (var data in new[] { SixMp, Iud, Placebo })
        {
            foreach (var step in KaplanMeier.Estimate(data, new KaplanMeierOptions(transform)).Steps.Where(step => step.Survival > 0))
            {
                Assert.InRange(step.Lower!.Value, 0, step.Survival);
                Assert.InRange(step.Upper!.Value, step.Survival, 1);
            }
        }
    }

    [Fact]
    public void LogLog_LowerTailNarrowerThanPlainNeverBelowZero()
    {
        // IUD at 107: the plain band goes below 0 (0.248623 − 0.272919) and is clipped; log-log stays positive.
        var plain = KaplanMeier.Estimate(Iud, new KaplanMeierOptions(SurvivalConfidenceTransform.Plain)).Steps[^1];
        var logLog = KaplanMeier.Estimate(Iud).Steps[^1];

        Assert.Equal(0, plain.Lower);
        Assert.True(logLog.Lower > 0);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Observation_RejectsInvalidTimes(double time)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SurvivalObservation(time, true));
    }
}
