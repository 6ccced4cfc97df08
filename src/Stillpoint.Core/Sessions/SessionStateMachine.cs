namespace Stillpoint.Core.Sessions;

/// <summary>The phases of a dosing session (issue 5 §1).</summary>
public enum SessionPhase
{
    Scheduled,
    CheckedIn,
    Preparation,
    Dosing,
    Integration,
    Discharged,
    Aborted,
}

/// <summary>What the guards need to know about the session at the moment of a transition.</summary>
public sealed record TransitionFacts
{
    /// <summary>The latest go/no-go decision, if one was made (needed to start dosing).</summary>
    public GoNoGoDecision? GoNoGo { get; init; }

    public int Administrations { get; init; }

    /// <summary>True when every administration has an end time.</summary>
    public bool AllAdministrationsEnded { get; init; }

    /// <summary>The discharge evaluation (needed to discharge).</summary>
    public DischargeEvaluation? Discharge { get; init; }
}

/// <summary>A recorded transition: who moved the session, when, and why.</summary>
public sealed record SessionTransition(SessionPhase From, SessionPhase To, Guid? ActorId, string? ActorRole, DateTimeOffset At, string? Reason);

/// <summary>The answer to a transition request: the transition to record, or the reason it is refused.</summary>
public sealed record TransitionResult(SessionTransition? Transition, string? Refusal)
{
    public bool Allowed => Transition is not null;
}

/// <summary>
/// The session state machine: Scheduled → CheckedIn → Preparation → Dosing → Integration → Discharged, or
/// Aborted (with a reason) from any state that is not final. Pure: the caller supplies the facts and the time.
/// </summary>
public static class SessionStateMachine
{
    public const int MaxReasonLength = 1000;

    public static bool IsFinal(SessionPhase phase) => phase is SessionPhase.Discharged or SessionPhase.Aborted;

    /// <summary>Sessions the nurse station shows: checked in and not yet finished.</summary>
    public static bool IsInProgress(SessionPhase phase) =>
        phase is SessionPhase.CheckedIn or SessionPhase.Preparation or SessionPhase.Dosing or SessionPhase.Integration;

    /// <summary>The phase a normal forward step leads to, or null from a final phase.</summary>
    public static SessionPhase? Next(SessionPhase phase) => phase switch
    {
        SessionPhase.Scheduled => SessionPhase.CheckedIn,
        SessionPhase.CheckedIn => SessionPhase.Preparation,
        SessionPhase.Preparation => SessionPhase.Dosing,
        SessionPhase.Dosing => SessionPhase.Integration,
        SessionPhase.Integration => SessionPhase.Discharged,
        SessionPhase.Discharged or SessionPhase.Aborted => null,
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, "Unknown phase."),
    };

    public static TransitionResult Decide(
        SessionPhase from, SessionPhase to, TransitionFacts facts, Guid? actorId, string? actorRole, DateTimeOffset at, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var refusal = Refusal(from, to, facts, reason);
        return refusal is null
            ? new TransitionResult(new SessionTransition(from, to, actorId, actorRole, at, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()), null)
            : new TransitionResult(null, refusal);
    }

    private static string? Refusal(SessionPhase from, SessionPhase to, TransitionFacts facts, string? reason)
    {
        if (IsFinal(from))
        {
            return $"The session is {from}: a finished session cannot change phase.";
        }

        if (reason is { Length: > MaxReasonLength })
        {
            return $"The reason is longer than {MaxReasonLength} characters.";
        }

        if (to == SessionPhase.Aborted)
        {
            return string.IsNullOrWhiteSpace(reason) ? "Aborting a session needs a reason." : null;
        }

        if (Next(from) != to)
        {
            return $"A session in {from} cannot move to {to}; the next phase is {Next(from)} (or Aborted with a reason).";
        }

        return to switch
        {
            SessionPhase.Dosing => DosingGuard(facts.GoNoGo),
            SessionPhase.Integration => IntegrationGuard(facts),
            SessionPhase.Discharged => DischargeGuard(facts.Discharge),
            _ => null,
        };
    }

    private static string? DosingGuard(GoNoGoDecision? decision) => decision switch
    {
        null => "Dosing needs a go/no-go check first (pre-dose vitals and checklist).",
        { Cleared: false } => "The go/no-go check is no-go and has no prescriber override: " + string.Join("; ", decision.Blocking.Select(r => r.Explanation)),
        _ => null,
    };

    private static string? IntegrationGuard(TransitionFacts facts)
    {
        if (facts.Administrations == 0)
        {
            return "Integration needs at least one administration record.";
        }

        return facts.AllAdministrationsEnded ? null : "Every administration needs an end time before integration.";
    }

    private static string? DischargeGuard(DischargeEvaluation? evaluation) => evaluation switch
    {
        null => "Discharge needs the discharge criteria to be evaluated.",
        { Ready: false } => "Discharge criteria are not met: " + string.Join("; ", evaluation.Unmet.Select(c => c.Explanation)),
        _ => null,
    };
}
