using Stillpoint.Core.Outcomes;
using static Stillpoint.Core.Tests.Instruments.ShippedInstruments;

namespace Stillpoint.Core.Tests.Outcomes;

public sealed class OutcomeSummariesTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static TimedTotal Week(int week, decimal total) => new(Start.AddDays(7 * week), total);

    [Fact]
    public void Course_IsTheStreamedEvaluationOfTheSameDailySeries()
    {
        TimedTotal[] measures = [Week(3, 6), Week(0, 20), Week(1, 9), Week(2, 4), Week(4, 15)];

        var summary = OutcomeSummaries.Summarize("phq9", Get("phq9"), measures)!;

        var expected = OutcomeCourses.Evaluate(Get("phq9"), measures.OrderBy(m => m.At).Select(m => new DatedTotal(DateOnly.FromDateTime(m.At.UtcDateTime), m.Total)));
        Assert.Equal(expected, summary.Course);
        Assert.Equal(DateOnly.FromDateTime(Start.AddDays(7).UtcDateTime), summary.Course!.ResponseDate);
        Assert.NotNull(summary.Course.RelapseDate);
        Assert.Equal(5, summary.Measures);
        Assert.Equal(Week(0, 20), summary.First);
        Assert.Equal(Week(4, 15), summary.Latest);
    }

    [Fact]
    public void Ends_WithinOneSecond_FirstTakesTheLowerTotalAndLatestTheHigher()
    {
        TimedTotal[] measures = [new(Start.AddMilliseconds(700), 12), new(Start, 14), new(Start.AddMilliseconds(300), 9)];

        var summary = OutcomeSummaries.Summarize("phq9", Get("phq9"), measures)!;

        Assert.Equal(9, summary.First.Total);
        Assert.Equal(14, summary.Latest.Total);
    }

    [Fact]
    public void UnknownInstrument_KeepsTheEndsButNoCourse()
    {
        var summary = OutcomeSummaries.Summarize("retired-scale", null, [Week(0, 30), Week(1, 10)])!;

        Assert.Null(summary.Course);
        Assert.Equal(30, summary.First.Total);
        Assert.Equal(10, summary.Latest.Total);
    }

    [Fact]
    public void NoMeasures_NoSummary() =>
        Assert.Null(OutcomeSummaries.Summarize("phq9", Get("phq9"), []));
}
