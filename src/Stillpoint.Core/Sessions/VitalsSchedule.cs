using System.Globalization;

namespace Stillpoint.Core.Sessions;

public enum CheckKind
{
    Routine,
    FortyMinuteBloodPressure,
}

public enum CheckStatus
{
    Pending,
    Done,
    Overdue,
}

/// <summary>One scheduled vitals check: what, when it falls due, and whether it is done, pending or overdue.</summary>
public sealed record ScheduledCheck(CheckKind Kind, string Label, DateTimeOffset DueAt, CheckStatus Status, DateTimeOffset? DoneAt);

/// <summary>
/// The vitals schedule after the dose (issue 5 §4): a routine check every clinic-set interval (default 15 min)
/// counted from the last entry, and the BP check at about 40 minutes after the dose (§12.2). A check that is not
/// done by its due time plus the clinic's grace is overdue, which the safety rules turn into an alert (fail closed).
/// </summary>
public static class VitalsSchedule
{
    /// <param name="doseStartedAt">Start of the first administration: the session clock's zero.</param>
    /// <param name="stoppedAt">When monitoring ended (discharge or abort), or null while it runs.</param>
    public static IReadOnlyList<ScheduledCheck> Evaluate(
        SessionRules rules, DateTimeOffset doseStartedAt, IEnumerable<VitalSigns> readings, DateTimeOffset? stoppedAt, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(readings);
        ArgumentNullException.ThrowIfNull(clock);
        var now = stoppedAt ?? clock.GetUtcNow();
        var ordered = readings.OrderBy(r => r.TakenAt).ToList();
        var grace = TimeSpan.FromMinutes(rules.OverdueGraceMinutes);
        var checks = new List<ScheduledCheck>(2) { FortyMinuteCheck(rules, doseStartedAt, ordered, now) };

        // Routine: due one interval after the last entry taken since the dose (or after the dose itself).
        var lastSinceDose = ordered.LastOrDefault(r => r.TakenAt >= doseStartedAt)?.TakenAt ?? doseStartedAt;
        var due = lastSinceDose + TimeSpan.FromMinutes(rules.VitalsIntervalMinutes);
        if (stoppedAt is null || due <= stoppedAt)
        {
            var status = now > due + grace ? CheckStatus.Overdue : CheckStatus.Pending;
            checks.Add(new ScheduledCheck(CheckKind.Routine, Label(rules.VitalsIntervalMinutes, "Routine vitals (every {0} min)"), due, status, null));
        }

        return checks;
    }

    /// <summary>The overdue checks as alerts.</summary>
    public static IReadOnlyList<SafetyAlert> OverdueAlerts(IEnumerable<ScheduledCheck> checks, DateTimeOffset now) =>
        [.. checks.Where(c => c.Status == CheckStatus.Overdue).Select(c => SafetyRules.Overdue(c, now))];

    private static ScheduledCheck FortyMinuteCheck(SessionRules rules, DateTimeOffset doseStartedAt, List<VitalSigns> ordered, DateTimeOffset now)
    {
        // §12.2: BP at about 40 min after dosing; "about" is the clinic's window either side.
        var due = doseStartedAt + TimeSpan.FromMinutes(rules.BloodPressureCheckMinutes);
        var window = TimeSpan.FromMinutes(rules.BloodPressureWindowMinutes);
        var label = Label(rules.BloodPressureCheckMinutes, "BP at {0} min after the dose");
        var done = ordered.FirstOrDefault(r => r.HasBloodPressure && r.TakenAt >= due - window);
        if (done is not null)
        {
            return new ScheduledCheck(CheckKind.FortyMinuteBloodPressure, label, due, CheckStatus.Done, done.TakenAt);
        }

        var status = now > due + window ? CheckStatus.Overdue : CheckStatus.Pending;
        return new ScheduledCheck(CheckKind.FortyMinuteBloodPressure, label, due, status, null);
    }

    private static string Label(int minutes, string format) => string.Format(CultureInfo.InvariantCulture, format, minutes);
}
