using Stillpoint.Core.Outcomes;

namespace Stillpoint.Core.Tests.Outcomes;

/// <summary>Numbering of dosed sessions, booster sessions, and the pre/post-dose pairing rule.</summary>
public sealed class SessionTimelineTests
{
    private static readonly DateTimeOffset Day1 = new(2026, 9, 7, 9, 0, 0, TimeSpan.Zero);

    private static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = Guid.Parse("00000000-0000-0000-0000-00000000000c");

    private static IReadOnlyList<TimelineSession> ThreeSessions(int? induction = 2) =>
        SessionTimeline.Number([new DosedSession(C, Day1.AddDays(30)), new DosedSession(A, Day1), new DosedSession(B, Day1.AddDays(2))], induction);

    private static ContextTotal Total(string context, DateTimeOffset at, decimal total, Guid? session = null) =>
        new(Guid.NewGuid(), context, at, total, session);

    [Fact]
    public void Number_OrdersByDoseTime_AndSessionsPastTheInductionCountAreBoosters()
    {
        var sessions = ThreeSessions();

        Assert.Equal([A, B, C], sessions.Select(s => s.SessionId));
        Assert.Equal([1, 2, 3], sessions.Select(s => s.Number));
        Assert.Equal([false, false, true], sessions.Select(s => s.IsBooster));
    }

    [Fact]
    public void Number_WithoutAPlan_CallsNothingABooster()
    {
        Assert.All(ThreeSessions(induction: null), s => Assert.False(s.IsBooster));
    }

    [Fact]
    public void Pair_LinkedResponsesBelongToTheirSession_WhateverTheirTime()
    {
        var sessions = ThreeSessions();
        var pre = Total("pre-dose", Day1.AddDays(-3), 500, A); // linked, though days early
        var post = Total("post-dose", Day1.AddHours(1), 380, A);

        var pair = Assert.Single(PrePostPairing.Pair(sessions, [pre, post]));

        Assert.Equal(A, pair.Session.SessionId);
        Assert.Same(pre, pair.Pre);
        Assert.Same(post, pair.Post);
        Assert.Equal(-120, pair.Change);
        Assert.Equal(60, pair.PostMinutesAfterDose);
    }

    [Fact]
    public void Pair_UnlinkedResponses_FallInTheWindowOfTheNearestSession()
    {
        var sessions = ThreeSessions();
        var preA = Total("pre-dose", Day1.AddMinutes(-20), 520);
        var postA = Total("post-dose", Day1.AddMinutes(40), 410);
        var preB = Total("pre-dose", sessions[1].DosedAt.AddHours(-11), 480); // 12-hour window: inside
        var tooEarly = Total("pre-dose", sessions[2].DosedAt.AddHours(-13), 999); // outside every window

        var pairs = PrePostPairing.Pair(sessions, [preA, postA, preB, tooEarly]);

        Assert.Equal(2, pairs.Count);
        Assert.Same(preA, pairs[0].Pre);
        Assert.Same(postA, pairs[0].Post);
        Assert.Same(preB, pairs[1].Pre);
        Assert.Null(pairs[1].Post);
        Assert.Null(pairs[1].Change);
    }

    [Fact]
    public void Pair_OfSeveralPostDoseAnswers_TakesTheOneNearestFortyMinutes()
    {
        var sessions = ThreeSessions();
        var at15 = Total("post-dose", Day1.AddMinutes(15), 450, A);
        var at45 = Total("post-dose", Day1.AddMinutes(45), 400, A);
        var at120 = Total("post-dose", Day1.AddMinutes(120), 350, A);

        var pair = Assert.Single(PrePostPairing.Pair(sessions, [at15, at120, at45]));

        Assert.Same(at45, pair.Post);
    }

    [Fact]
    public void Pair_OfSeveralPreDoseAnswers_TakesTheLastBeforeTheDose_AndIgnoresOtherContexts()
    {
        var sessions = ThreeSessions();
        var early = Total("pre-dose", Day1.AddHours(-3), 600);
        var late = Total("pre-dose", Day1.AddMinutes(-10), 550);
        var followUp = Total("follow-up", Day1.AddMinutes(30), 100);

        var pair = Assert.Single(PrePostPairing.Pair(sessions, [early, late, followUp]));

        Assert.Same(late, pair.Pre);
        Assert.Null(pair.Post);
    }

    [Fact]
    public void Pair_AResponseLinkedToAnotherSession_IsNotPairedByTime()
    {
        var sessions = ThreeSessions();
        var abortedSession = Total("post-dose", Day1.AddMinutes(35), 300, Guid.NewGuid());

        Assert.Empty(PrePostPairing.Pair(sessions, [abortedSession]));
    }
}
