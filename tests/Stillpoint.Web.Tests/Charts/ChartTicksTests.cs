using Stillpoint.Web.Charts;

namespace Stillpoint.Web.Tests.Charts;

/// <summary>Axis domains, nice ticks, time ticks and the linear map, without rendering.</summary>
public sealed class ChartTicksTests
{
    [Theory]
    [InlineData(0.3, 0.5)] // rounds up to 5 × 10⁻¹
    [InlineData(3.0, 5.0)] // 3 → 5
    [InlineData(2.2, 2.5)] // 2.2 → 2.5
    [InlineData(40.0, 50.0)] // 40 → 50
    [InlineData(1.0, 1.0)] // already nice
    [InlineData(0.012, 0.02)] // small magnitudes too
    public void NiceStep_RoundsUpToOneTwoTwoAndAHalfOrFive(double rough, double expected) =>
        Assert.Equal(expected, ChartTicks.NiceStep(rough), 10);

    [Theory]
    [InlineData(10.0, 5.0)]
    [InlineData(5.0, 2.5)]
    [InlineData(2.5, 2.0)]
    [InlineData(2.0, 1.0)]
    [InlineData(1.0, 0.5)]
    public void SmallerNiceStep_StepsDownTheSequence(double step, double expected) =>
        Assert.Equal(expected, ChartTicks.SmallerNiceStep(step), 10);

    [Fact]
    public void Linear_OpenEnds_RoundOutToTicksAroundTheData()
    {
        var (min, max, ticks) = ChartTicks.Linear(3, 18, null, null);

        Assert.Equal(0, min);
        Assert.Equal(20, max);
        Assert.Equal([0, 5, 10, 15, 20], ticks);
    }

    [Fact]
    public void Linear_CallerRange_IsKeptExactly_AndTicksStayInside()
    {
        // PHQ-9 0–27 (clinical-reference §1): the axis is the scale's range, not rounded to 30.
        var (min, max, ticks) = ChartTicks.Linear(4, 18, 0, 27);

        Assert.Equal(0, min);
        Assert.Equal(27, max);
        Assert.Equal([0, 5, 10, 15, 20, 25], ticks);
    }

    [Fact]
    public void Linear_DataBeyondTheCallerRange_WidensTheAxis()
    {
        var (min, max, _) = ChartTicks.Linear(30, 230, 40, 220);

        Assert.True(min <= 30, $"min {min}");
        Assert.True(max >= 230, $"max {max}");
    }

    [Fact]
    public void Linear_SingleValue_SitsStrictlyInsideTheAxis()
    {
        var (min, max, ticks) = ChartTicks.Linear(5, 5, null, null);

        Assert.True(min < 5 && max > 5, $"{min}–{max}");
        Assert.NotEmpty(ticks);
    }

    [Fact]
    public void Linear_NoData_GivesAUnitAxis()
    {
        var (min, max, _) = ChartTicks.Linear(null, null, null, null);

        Assert.Equal(0, min);
        Assert.Equal(1, max);
    }

    [Fact]
    public void Linear_FractionalSteps_PrintWithoutFloatingPointNoise()
    {
        var (_, _, ticks) = ChartTicks.Linear(0, 1, 0, 1);

        Assert.Equal(["0", "0.2", "0.4", "0.6", "0.8", "1"], ticks.Select(t => ChartTicks.Format(t, "0.##")));
    }

    [Fact]
    public void Time_TwoMonths_TicksWeeklyOrMonthly_AllInsideThePaddedDomain()
    {
        var from = ChartTime.ToX(new DateOnly(2026, 9, 1));
        var to = ChartTime.ToX(new DateOnly(2026, 11, 1));

        var (min, max, ticks) = ChartTicks.Time(from, to, null, null);

        Assert.True(min < from && max > to);
        Assert.InRange(ticks.Count, 2, 7);
        Assert.All(ticks, t => Assert.InRange(t, min, max));
    }

    [Fact]
    public void Time_TwoYears_TicksOnTheFirstOfAMonth()
    {
        var (_, _, ticks) = ChartTicks.Time(ChartTime.ToX(new DateOnly(2025, 1, 10)), ChartTime.ToX(new DateOnly(2026, 12, 20)), null, null);

        Assert.All(ticks, t => Assert.Equal(1, ChartTime.ToDate(t).Day));
    }

    [Fact]
    public void Time_SinglePoint_GetsAtLeastADayEitherSide()
    {
        var day = ChartTime.ToX(new DateOnly(2026, 11, 3));

        var (min, max, _) = ChartTicks.Time(day, day, null, null);

        Assert.True(min <= day - 1 && max >= day + 1);
    }

    [Fact]
    public void ChartTime_RoundTripsDates_AndFormatsInvariantly()
    {
        var date = new DateOnly(2026, 11, 3);

        Assert.Equal(date, ChartTime.ToDate(ChartTime.ToX(date)));
        Assert.Equal(ChartTime.ToX(date) + 0.5, ChartTime.ToX(new DateTimeOffset(2026, 11, 3, 12, 0, 0, TimeSpan.Zero)), 6);
        Assert.Equal("3 Nov 2026", ChartTime.Format(ChartTime.ToX(date)));
    }

    [Fact]
    public void LinearScale_MapsOntoABackwardRange_AsTheYAxisDoes()
    {
        var scale = new LinearScale(0, 10, 200, 100);

        Assert.Equal(200, scale.Map(0));
        Assert.Equal(175, scale.Map(2.5));
        Assert.Equal(100, scale.Map(10));
    }
}
