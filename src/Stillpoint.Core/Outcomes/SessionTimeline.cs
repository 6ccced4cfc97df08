namespace Stillpoint.Core.Outcomes;

/// <summary>A dosing session that was dosed (its dosing started), for the patient's outcome timeline.</summary>
public sealed record DosedSession(Guid SessionId, DateTimeOffset DosedAt);

/// <summary>A dosed session numbered in dosing order, and whether it was a booster.</summary>
public sealed record TimelineSession(Guid SessionId, int Number, DateTimeOffset DosedAt, bool IsBooster);

/// <summary>
/// Numbers a patient's dosed sessions and tells the booster sessions apart. The induction course is the session count of
/// the patient's first plan as first written (e.g. 6 infusions, clinical-reference §12.3); an accepted booster adds a
/// session to the plan by a later revision, so every dosed session beyond the induction count is a booster. Without a
/// plan nothing is called a booster.
/// </summary>
public static class SessionTimeline
{
    public static IReadOnlyList<TimelineSession> Number(IEnumerable<DosedSession> sessions, int? inductionSessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        return sessions
            .OrderBy(s => s.DosedAt)
            .ThenBy(s => s.SessionId)
            .Select((s, index) => new TimelineSession(s.SessionId, index + 1, s.DosedAt, inductionSessions is { } count && index + 1 > count))
            .ToList();
    }
}
