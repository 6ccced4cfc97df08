using Stillpoint.Data.Database;

namespace Stillpoint.Web.Tests.Sessions;

public sealed class WalCatchUpScheduleTests
{
    [Fact]
    public void BeforeTheInterval_TheWriterNeverPauses_EvenJustAfterABackgroundCheckpoint()
    {
        var clock = new ManualClock();
        var schedule = new WalCatchUpSchedule(2000, clock);
        clock.Advance(1999);
        schedule.BackgroundCaughtUp();
        Assert.False(schedule.IsDue());
    }

    [Fact]
    public void AfterTheInterval_TheWriterWaitsForAFreshBackgroundCheckpoint_ThenPauses()
    {
        var clock = new ManualClock();
        var schedule = new WalCatchUpSchedule(2000, clock);
        clock.Advance(1000);
        schedule.BackgroundCaughtUp();
        clock.Advance(1200);
        Assert.False(schedule.IsDue()); // that background checkpoint is 1.2 s old: many frames since

        schedule.BackgroundCaughtUp();
        clock.Advance(WalCatchUpSchedule.FreshMilliseconds - 1);
        Assert.True(schedule.IsDue());
    }

    [Fact]
    public void WithoutABackgroundCheckpoint_TheWriterPausesAfterTwoIntervals()
    {
        var clock = new ManualClock();
        var schedule = new WalCatchUpSchedule(2000, clock);
        clock.Advance(3999);
        Assert.False(schedule.IsDue());
        clock.Advance(1);
        Assert.True(schedule.IsDue());
    }

    [Fact]
    public void ABackgroundCheckpointFromBeforeTheLastCatchUp_DoesNotCount()
    {
        var clock = new ManualClock();
        var schedule = new WalCatchUpSchedule(100, clock);
        clock.Advance(100);
        schedule.BackgroundCaughtUp();
        schedule.WriterCaughtUp();
        clock.Advance(WalCatchUpSchedule.FreshMilliseconds - 10);
        clock.Advance(60);
        Assert.False(schedule.IsDue()); // 110 ms since the catch-up, and the only background checkpoint was before it

        schedule.BackgroundCaughtUp();
        Assert.True(schedule.IsDue());
    }

    /// <summary>A clock the test moves by hand (timestamps in milliseconds).</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long _now = 1_000_000;

        public override long TimestampFrequency => 1000;

        public override long GetTimestamp() => _now;

        public void Advance(long milliseconds) => _now += milliseconds;
    }
}
