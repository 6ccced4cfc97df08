using Stillpoint.Core.Sessions;

namespace Stillpoint.Core.Tests.Sessions;

public sealed class VitalsScheduleTests
{
    private static readonly DateTimeOffset Dose = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static VitalSigns Bp(int minute) => new(Dose.AddMinutes(minute), 130, 85, 80, 97, 14);

    private static VitalSigns NoBp(int minute) => new(Dose.AddMinutes(minute), null, null, 80, 97, 14);

    private static ScheduledCheck Check(IReadOnlyList<ScheduledCheck> checks, CheckKind kind) => checks.Single(c => c.Kind == kind);

    public static TheoryData<int[], int, CheckStatus> RoutineCases => new()
    {
        // Issue 5 default: every 15 min after the dose; clinic grace 2 min [U].
        { [], 10, CheckStatus.Pending },
        { [], 17, CheckStatus.Pending },   // due 15, grace until 17 inclusive
        { [], 18, CheckStatus.Overdue },
        { [14], 29, CheckStatus.Pending }, // next due at 29
        { [14], 31, CheckStatus.Pending },
        { [14], 32, CheckStatus.Overdue },
        { [-5], 18, CheckStatus.Overdue }, // a pre-dose reading does not restart the routine clock
        { [15, 30, 45], 61, CheckStatus.Pending },
        { [15, 30, 45], 63, CheckStatus.Overdue },
    };

    [Theory]
    [MemberData(nameof(RoutineCases))]
    public void Routine_IsDueOneIntervalAfterTheLastEntry(int[] readingMinutes, int nowMinute, CheckStatus expected)
    {
        var clock = new FakeClock(Dose.AddMinutes(nowMinute));
        var checks = VitalsSchedule.Evaluate(SessionRules.Default, Dose, readingMinutes.Select(NoBp), null, clock);
        Assert.Equal(expected, Check(checks, CheckKind.Routine).Status);
    }

    public static TheoryData<int[], bool[], int, CheckStatus> FortyMinuteCases => new()
    {
        // §12.2: BP at about 40 min after dosing; window ±5 min is a clinic choice [U].
        { [], [], 30, CheckStatus.Pending },
        { [], [], 45, CheckStatus.Pending },
        { [], [], 46, CheckStatus.Overdue },
        { [35], [true], 46, CheckStatus.Done },
        { [34], [true], 46, CheckStatus.Overdue }, // too early to count as the 40-min BP
        { [40], [false], 46, CheckStatus.Overdue }, // vitals without BP do not satisfy a BP check
        { [50], [true], 60, CheckStatus.Done },     // late but recorded
    };

    [Theory]
    [MemberData(nameof(FortyMinuteCases))]
    public void FortyMinuteBloodPressure(int[] minutes, bool[] withBp, int nowMinute, CheckStatus expected)
    {
        var readings = minutes.Select((m, i) => withBp[i] ? Bp(m) : NoBp(m));
        var clock = new FakeClock(Dose.AddMinutes(nowMinute));
        var check = Check(VitalsSchedule.Evaluate(SessionRules.Default, Dose, readings, null, clock), CheckKind.FortyMinuteBloodPressure);
        Assert.Equal(expected, check.Status);
        Assert.Equal(Dose.AddMinutes(40), check.DueAt);
    }

    [Fact]
    public void Clock_Advancing_TurnsPendingIntoOverdue_AndAnAlert()
    {
        var clock = new FakeClock(Dose.AddMinutes(10));
        Assert.Empty(VitalsSchedule.OverdueAlerts(VitalsSchedule.Evaluate(SessionRules.Default, Dose, [], null, clock), clock.GetUtcNow()));

        clock.Advance(TimeSpan.FromMinutes(10));
        var alerts = VitalsSchedule.OverdueAlerts(VitalsSchedule.Evaluate(SessionRules.Default, Dose, [], null, clock), clock.GetUtcNow());

        var alert = Assert.Single(alerts);
        Assert.Equal(SafetyRules.OverdueCheck, alert.Code);
        Assert.Contains("5 min ago", alert.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Interval_IsConfigurable()
    {
        var clock = new FakeClock(Dose.AddMinutes(8));
        var checks = VitalsSchedule.Evaluate(SessionRules.Default with { VitalsIntervalMinutes = 5 }, Dose, [], null, clock);
        Assert.Equal(CheckStatus.Overdue, Check(checks, CheckKind.Routine).Status);
    }

    [Fact]
    public void AfterMonitoringStopped_NothingBecomesOverdue()
    {
        var clock = new FakeClock(Dose.AddHours(5));
        var checks = VitalsSchedule.Evaluate(SessionRules.Default, Dose, [Bp(40), Bp(120)], Dose.AddMinutes(125), clock);
        Assert.DoesNotContain(checks, c => c.Status == CheckStatus.Overdue);
    }
}
