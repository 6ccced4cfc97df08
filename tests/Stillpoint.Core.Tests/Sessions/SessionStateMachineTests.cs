using Stillpoint.Core.Sessions;

namespace Stillpoint.Core.Tests.Sessions;

public sealed class SessionStateMachineTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Nurse = Guid.CreateVersion7();

    private static readonly GoNoGoDecision Go = new([], null);
    private static readonly GoNoGoDecision NoGo = new([new FiredRule(GoNoGoRules.BloodPressureHigh, "BP high", true)], null);
    private static readonly GoNoGoDecision Overridden = new([new FiredRule(GoNoGoRules.BloodPressureHigh, "BP high", true)], new GoNoGoOverride(Nurse, "reviewed", At));
    private static readonly GoNoGoDecision MissingVitalsOverridden = new([new FiredRule(GoNoGoRules.MissingVitals, "no vitals", true)], new GoNoGoOverride(Nurse, "reviewed", At));
    private static readonly DischargeEvaluation Ready = new([]);
    private static readonly DischargeEvaluation NotReady = new([new DischargeCriterion(DischargeRules.MoaasNotFive, "MOAA/S 4")]);

    public static TheoryData<SessionPhase, SessionPhase, string, bool> Cases => new()
    {
        // Issue 5 §1: the forward path, one step at a time.
        { SessionPhase.Scheduled, SessionPhase.CheckedIn, "none", true },
        { SessionPhase.CheckedIn, SessionPhase.Preparation, "none", true },
        { SessionPhase.Preparation, SessionPhase.Dosing, "go", true },
        { SessionPhase.Preparation, SessionPhase.Dosing, "overridden", true },
        { SessionPhase.Dosing, SessionPhase.Integration, "dosed", true },
        { SessionPhase.Integration, SessionPhase.Discharged, "ready", true },
        // Issue 5 §2 guard: nothing is dosed without a go (PRODUCT.md "safe by default").
        { SessionPhase.Preparation, SessionPhase.Dosing, "none", false },
        { SessionPhase.Preparation, SessionPhase.Dosing, "nogo", false },
        { SessionPhase.Preparation, SessionPhase.Dosing, "missing-vitals-overridden", false },
        // Issue 5 §3 guard: integration needs a recorded, finished administration.
        { SessionPhase.Dosing, SessionPhase.Integration, "none", false },
        { SessionPhase.Dosing, SessionPhase.Integration, "dosing-running", false },
        // Issue 5 §8 guard: discharge only when the criteria hold.
        { SessionPhase.Integration, SessionPhase.Discharged, "none", false },
        { SessionPhase.Integration, SessionPhase.Discharged, "not-ready", false },
        // Skips and backwards moves are refused.
        { SessionPhase.Scheduled, SessionPhase.Dosing, "go", false },
        { SessionPhase.CheckedIn, SessionPhase.Dosing, "go", false },
        { SessionPhase.Dosing, SessionPhase.Preparation, "none", false },
        { SessionPhase.Integration, SessionPhase.Dosing, "none", false },
        { SessionPhase.Scheduled, SessionPhase.Scheduled, "none", false },
        { SessionPhase.Scheduled, SessionPhase.Discharged, "ready", false },
        // Issue 5 §1: Aborted (with a reason) from any state that is not final.
        { SessionPhase.Scheduled, SessionPhase.Aborted, "reason", true },
        { SessionPhase.CheckedIn, SessionPhase.Aborted, "reason", true },
        { SessionPhase.Preparation, SessionPhase.Aborted, "reason", true },
        { SessionPhase.Dosing, SessionPhase.Aborted, "reason", true },
        { SessionPhase.Integration, SessionPhase.Aborted, "reason", true },
        { SessionPhase.Dosing, SessionPhase.Aborted, "none", false },
        { SessionPhase.Dosing, SessionPhase.Aborted, "blank-reason", false },
        // Final states never change.
        { SessionPhase.Discharged, SessionPhase.Aborted, "reason", false },
        { SessionPhase.Aborted, SessionPhase.Scheduled, "none", false },
        { SessionPhase.Aborted, SessionPhase.Aborted, "reason", false },
        { SessionPhase.Discharged, SessionPhase.Integration, "none", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decide_FollowsThePhaseGraphAndGuards(SessionPhase from, SessionPhase to, string facts, bool allowed)
    {
        var (f, reason) = Facts(facts);

        var result = SessionStateMachine.Decide(from, to, f, Nurse, "Nurse", At, reason);

        Assert.Equal(allowed, result.Allowed);
        if (allowed)
        {
            Assert.Equal(new SessionTransition(from, to, Nurse, "Nurse", At, reason?.Trim()), result.Transition);
            Assert.Null(result.Refusal);
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(result.Refusal));
        }
    }

    [Fact]
    public void Refusal_ToDischarge_ListsEveryUnmetCriterion()
    {
        var evaluation = new DischargeEvaluation([new("a", "first problem"), new("b", "second problem")]);
        var result = SessionStateMachine.Decide(SessionPhase.Integration, SessionPhase.Discharged, new TransitionFacts { Discharge = evaluation }, Nurse, "Nurse", At);
        Assert.Contains("first problem", result.Refusal, StringComparison.Ordinal);
        Assert.Contains("second problem", result.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_ForASkip_NamesTheNextPhase()
    {
        var result = SessionStateMachine.Decide(SessionPhase.CheckedIn, SessionPhase.Integration, new TransitionFacts(), Nurse, "Nurse", At);
        Assert.Contains("Preparation", result.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Reason_LongerThanTheLimit_IsRefused()
    {
        var result = SessionStateMachine.Decide(SessionPhase.Dosing, SessionPhase.Aborted, new TransitionFacts(), Nurse, "Nurse", At, new string('x', SessionStateMachine.MaxReasonLength + 1));
        Assert.False(result.Allowed);
    }

    [Theory]
    [InlineData(SessionPhase.Scheduled, false)]
    [InlineData(SessionPhase.CheckedIn, true)]
    [InlineData(SessionPhase.Preparation, true)]
    [InlineData(SessionPhase.Dosing, true)]
    [InlineData(SessionPhase.Integration, true)]
    [InlineData(SessionPhase.Discharged, false)]
    [InlineData(SessionPhase.Aborted, false)]
    public void InProgress_IsCheckedInUntilFinished(SessionPhase phase, bool expected) =>
        Assert.Equal(expected, SessionStateMachine.IsInProgress(phase));

    private static (TransitionFacts Facts, string? Reason) Facts(string name) => name switch
    {
        "none" => (new TransitionFacts(), null),
        "go" => (new TransitionFacts { GoNoGo = Go }, null),
        "nogo" => (new TransitionFacts { GoNoGo = NoGo }, null),
        "overridden" => (new TransitionFacts { GoNoGo = Overridden }, null),
        "missing-vitals-overridden" => (new TransitionFacts { GoNoGo = MissingVitalsOverridden }, null),
        "dosed" => (new TransitionFacts { Administrations = 1, AllAdministrationsEnded = true }, null),
        "dosing-running" => (new TransitionFacts { Administrations = 2, AllAdministrationsEnded = false }, null),
        "ready" => (new TransitionFacts { Discharge = Ready }, null),
        "not-ready" => (new TransitionFacts { Discharge = NotReady }, null),
        "reason" => (new TransitionFacts(), "  patient unwell  "),
        "blank-reason" => (new TransitionFacts(), "   "),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
