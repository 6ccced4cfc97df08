namespace Stillpoint.Core.FollowUp;

public enum AlertSeverity
{
    Low,
    Medium,
    High,
}

public enum AlertKind
{
    SuicideRisk,
    ReliableDeterioration,
    OverdueMeasure,
    MissedSession,
}

/// <summary>
/// An alert for the care team's inbox. <see cref="Key"/> is deterministic ("suicide-risk/response:{id}",
/// "overdue/{item key}", …) so re-running the rules raises each alert once.
/// </summary>
public sealed record FollowUpAlert(string Key, AlertKind Kind, AlertSeverity Severity, DateTimeOffset RaisedAt, string Explanation)
{
    public string? InstrumentId { get; init; }

    /// <summary>The response or session the alert is about.</summary>
    public Guid? SourceId { get; init; }
}

/// <summary>Clinic-set alert and escalation timings. The defaults are product choices [U], clinic-configurable.</summary>
/// <param name="OverdueThreshold">How long after an item's overdue point it becomes an alert (default 1 day).</param>
/// <param name="MissedSessionGrace">How long after a booked dose time a session not started counts as missed (default 1 h).</param>
/// <param name="EscalateAfter">How long an unacknowledged high-severity alert waits before escalating to the Prescriber (default 30 min).</param>
public sealed record AlertSettings(TimeSpan OverdueThreshold, TimeSpan MissedSessionGrace, TimeSpan EscalateAfter)
{
    public static AlertSettings Default { get; } = new(TimeSpan.FromDays(1), TimeSpan.FromHours(1), TimeSpan.FromMinutes(30));
}
