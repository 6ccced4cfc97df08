using Stillpoint.Core.FollowUp;
using static Stillpoint.Core.Tests.FollowUp.FollowUpData;

namespace Stillpoint.Core.Tests.FollowUp;

public sealed class ScheduleStatusTests
{
    // BSRI about 40 min after a dose at T0: opens +30, due +40, overdue after +50, closes +120 (minutes).
    private static readonly DueItem PostDose = new("bsri", DefaultScheduleTemplate.FortyMinutesAfter.At(T0), [new("bsri-post", "BSRI about 40 min after the dose", SessionId: Id(1))]);

    public static TheoryData<int, DueStatus> Unanswered => new()
    {
        { -60, DueStatus.Upcoming },
        { 29, DueStatus.Upcoming },
        { 30, DueStatus.Due },      // opens inclusive
        { 40, DueStatus.Due },
        { 49, DueStatus.Due },
        { 50, DueStatus.Overdue },  // overdue-after inclusive
        { 119, DueStatus.Overdue },
        { 120, DueStatus.Missed },  // closes inclusive
        { 10_000, DueStatus.Missed },
    };

    [Theory]
    [MemberData(nameof(Unanswered))]
    public void Unanswered_StatusFollowsTheClock(int nowMinute, DueStatus expected)
    {
        var state = Assert.Single(ScheduleStatus.Evaluate([PostDose], [], T0.AddMinutes(nowMinute)));
        Assert.Equal(expected, state.Status);
        Assert.Null(state.CompletedBy);
    }

    public static TheoryData<string, int, int, DueStatus> Answered => new()
    {
        // instrument answered, answer minute, now minute → status
        { "bsri", 35, 60, DueStatus.Completed },
        { "bsri", 30, 60, DueStatus.Completed },   // at opening
        { "bsri", 119, 130, DueStatus.Completed }, // just before closing
        { "bsri", 55, 56, DueStatus.Completed },   // late but inside the window
        { "bsri", 29, 60, DueStatus.Overdue },     // before the window: does not count
        { "bsri", -20, 200, DueStatus.Missed },    // the pre-dose answer is not the post-dose one
        { "bsri", 120, 130, DueStatus.Missed },    // at closing: too late
        { "bsri", 45, 40, DueStatus.Due },         // answered after "now": not yet known
        { "rrs22", 35, 60, DueStatus.Overdue },    // another instrument
    };

    [Theory]
    [MemberData(nameof(Answered))]
    public void Answered_CompletesOnlyInsideTheWindow(string instrument, int answerMinute, int nowMinute, DueStatus expected)
    {
        var answer = Answer(1, instrument, T0.AddMinutes(answerMinute), 20);
        var state = Assert.Single(ScheduleStatus.Evaluate([PostDose], [answer], T0.AddMinutes(nowMinute)));
        Assert.Equal(expected, state.Status);
        Assert.Equal(expected == DueStatus.Completed ? answer : null, state.CompletedBy);
    }

    [Fact]
    public void TheClockMoving_WalksTheStatusesInOrder()
    {
        var statuses = new[] { 0, 35, 55, 150 }.Select(m => ScheduleStatus.Evaluate([PostDose], [], T0.AddMinutes(m))[0].Status);
        Assert.Equal([DueStatus.Upcoming, DueStatus.Due, DueStatus.Overdue, DueStatus.Missed], statuses);
    }

    [Fact]
    public void OneAnswer_CompletesOneItem_TheEarliestDue()
    {
        var later = new DueItem("bsri", new DueWindow(T0.AddMinutes(35), T0.AddMinutes(60), T0.AddMinutes(70), T0.AddMinutes(180)), [new("other", "Other", Occurrence: 0)]);
        var states = ScheduleStatus.Evaluate([later, PostDose], [Answer(1, "bsri", T0.AddMinutes(45), 20)], T0.AddMinutes(75));
        Assert.Equal([DueStatus.Completed, DueStatus.Overdue], states.Select(s => s.Status));
        Assert.Same(PostDose, states[0].Item);
    }

    [Fact]
    public void TwoAnswers_TheEarliestInTheWindowCompletesIt()
    {
        var first = Answer(1, "bsri", T0.AddMinutes(50), 20);
        var second = Answer(2, "bsri", T0.AddMinutes(40), 22);
        var state = Assert.Single(ScheduleStatus.Evaluate([PostDose], [first, second], T0.AddMinutes(60)));
        Assert.Equal(second, state.CompletedBy);
    }

    [Fact]
    public void GeneratedSchedule_WithAnswers_GivesEachItemItsStatus()
    {
        var items = Generate(Plan(0, [Dose(1, 2)]));
        var answers = new[]
        {
            Answer(1, "phq9", Days(0).AddHours(1), 12),
            Answer(2, "bsri", Days(2).AddMinutes(-30), 30),
            Answer(3, "rrs22", Days(1), 60),
        };
        var states = ScheduleStatus.Evaluate(items, answers, Days(2).AddMinutes(45))
            .ToDictionary(s => s.Item.Key, s => s.Status, StringComparer.Ordinal);
        Assert.Equal(DueStatus.Completed, states["phq9-weekly/occurrence:0"]);
        Assert.Equal(DueStatus.Due, states["gad7-2w/occurrence:0"]); // overdue only 3 days after
        Assert.Equal(DueStatus.Completed, states[SessionKey("bsri-pre", 1)]);
        Assert.Equal(DueStatus.Due, states[SessionKey("bsri-post", 1)]);
        Assert.Equal(DueStatus.Completed, states[SessionKey("rrs22-baseline", 1)]);
        Assert.Equal(DueStatus.Missed, states[SessionKey("ptq-baseline", 1)]);
        Assert.Equal(DueStatus.Upcoming, states[SessionKey("rrs22-1d", 1)]);
    }
}
