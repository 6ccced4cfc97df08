namespace Stillpoint.Core.FollowUp;

public enum DueStatus
{
    /// <summary>Before the window opens.</summary>
    Upcoming,

    /// <summary>The window is open and the overdue point not reached.</summary>
    Due,

    /// <summary>Past the overdue point, the window still open.</summary>
    Overdue,

    /// <summary>The window closed unanswered.</summary>
    Missed,

    /// <summary>An answer of the instrument lies in the window.</summary>
    Completed,
}

/// <summary>An item's status at a given "now", with the answer that completed it.</summary>
public sealed record DueItemState(DueItem Item, DueStatus Status, MeasureResponse? CompletedBy);

/// <summary>Statuses of due items at an injected "now" (no clock).</summary>
public static class ScheduleStatus
{
    /// <summary>
    /// Answers given after <paramref name="now"/> are ignored. Each answer completes at most one item: items are
    /// matched in order of due time, each to the earliest unused answer of its instrument inside its window.
    /// </summary>
    public static IReadOnlyList<DueItemState> Evaluate(IEnumerable<DueItem> items, IEnumerable<MeasureResponse> responses, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(responses);
        var unused = responses.Where(r => r.AnsweredAt <= now).OrderBy(r => r.AnsweredAt).ThenBy(r => r.Id).ToList();
        var states = new List<DueItemState>();
        foreach (var item in items.OrderBy(i => i.Window.Due).ThenBy(i => i.Key, StringComparer.Ordinal))
        {
            var match = unused.Find(r => string.Equals(r.InstrumentId, item.InstrumentId, StringComparison.Ordinal) && item.Window.Contains(r.AnsweredAt));
            if (match is not null)
            {
                unused.Remove(match);
                states.Add(new DueItemState(item, DueStatus.Completed, match));
            }
            else
            {
                states.Add(new DueItemState(item, StatusAt(item.Window, now), null));
            }
        }

        return states;
    }

    /// <summary>The status of an unanswered window at <paramref name="now"/>.</summary>
    public static DueStatus StatusAt(DueWindow window, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(window);
        return now < window.Opens ? DueStatus.Upcoming
            : now < window.OverdueAfter ? DueStatus.Due
            : now < window.Closes ? DueStatus.Overdue
            : DueStatus.Missed;
    }
}
