using Stillpoint.Core.Access;

namespace Stillpoint.Core.FollowUp;

public enum EscalationState
{
    /// <summary>Only high-severity alerts escalate.</summary>
    NotApplicable,

    /// <summary>Unacknowledged and the clinic's time not yet up.</summary>
    Waiting,

    /// <summary>Acknowledged before the deadline: no escalation.</summary>
    Averted,

    /// <summary>Not acknowledged by the deadline: escalated to the Prescriber at <see cref="EscalationDecision.Deadline"/>.</summary>
    Escalated,
}

/// <param name="Deadline">RaisedAt + the clinic's EscalateAfter; null when not applicable.</param>
/// <param name="Recipient">The role escalated to (Prescriber) when escalated.</param>
public sealed record EscalationDecision(EscalationState State, DateTimeOffset? Deadline, string? Recipient, string Explanation);

/// <summary>Escalation timing (issue 6 §4): a pure function of alert time, acknowledgement and now.</summary>
public static class Escalation
{
    /// <param name="acknowledgedAt">When someone acknowledged the alert, or null. An acknowledgement after the deadline does
    /// not undo the escalation that already happened; one after <paramref name="now"/> is not yet known and is ignored.</param>
    public static EscalationDecision Evaluate(FollowUpAlert alert, DateTimeOffset? acknowledgedAt, DateTimeOffset now, AlertSettings settings)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(settings);
        if (alert.Severity != AlertSeverity.High)
        {
            return new(EscalationState.NotApplicable, null, null, "Only high-severity alerts escalate.");
        }

        var deadline = alert.RaisedAt + settings.EscalateAfter;
        var known = acknowledgedAt is { } ack && ack <= now ? ack : (DateTimeOffset?)null;
        if (known is { } acknowledged && acknowledged < deadline)
        {
            return new(EscalationState.Averted, deadline, null, $"Acknowledged {FollowUpText.At(acknowledged)}, before the escalation deadline {FollowUpText.At(deadline)}.");
        }

        return now >= deadline
            ? new(EscalationState.Escalated, deadline, Roles.Prescriber, $"Not acknowledged within {FollowUpText.Span(settings.EscalateAfter)} of {FollowUpText.At(alert.RaisedAt)}: escalated to the Prescriber at {FollowUpText.At(deadline)}.")
            : new(EscalationState.Waiting, deadline, null, $"Escalates to the Prescriber at {FollowUpText.At(deadline)} unless acknowledged.");
    }
}
