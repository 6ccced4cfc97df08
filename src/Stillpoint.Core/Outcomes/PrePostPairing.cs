namespace Stillpoint.Core.Outcomes;

/// <summary>One stored total with the context it was answered in ("pre-dose", "post-dose", …) and its session link, if any.</summary>
public sealed record ContextTotal(Guid ResponseId, string Context, DateTimeOffset AnsweredAt, decimal Total, Guid? SessionId);

/// <summary>A session's pre-dose and post-dose totals (either may be missing) and the change post − pre.</summary>
public sealed record PrePostPair(TimelineSession Session, ContextTotal? Pre, ContextTotal? Post)
{
    public decimal? Change => Pre is not null && Post is not null ? Post.Total - Pre.Total : null;

    /// <summary>Minutes from the start of dosing to the post-dose answer.</summary>
    public double? PostMinutesAfterDose => Post is null ? null : Math.Round((Post.AnsweredAt - Session.DosedAt).TotalMinutes, 1);
}

/// <summary>
/// Pairs state measures (e.g. BSRI) before and after each dose: the seeds' claim that rumination falls within about
/// 40 minutes is not established (clinical-reference §13), so the product measures it per session.
/// <list type="number">
/// <item>A response linked to the session (its dosing-session id) with context "pre-dose" or "post-dose" belongs to that
/// session.</item>
/// <item>A response linked to another session (e.g. one aborted before the dose) belongs to no pair.</item>
/// <item>An unlinked one belongs to the session whose dose start is nearest and within the window: pre-dose from
/// <see cref="PreWindow"/> before the dose start up to it; post-dose from the dose start up to <see cref="PostWindow"/>
/// after it.</item>
/// <item>Of several candidates: pre-dose, the last before the dose; post-dose, the one nearest to
/// <see cref="PostTarget"/> after the dose start (the ~40-minute point of §12.2 and §13).</item>
/// </list>
/// </summary>
public static class PrePostPairing
{
    public const string PreDose = "pre-dose";
    public const string PostDose = "post-dose";

    public static readonly TimeSpan PreWindow = TimeSpan.FromHours(12);
    public static readonly TimeSpan PostWindow = TimeSpan.FromHours(4);
    public static readonly TimeSpan PostTarget = TimeSpan.FromMinutes(40);

    public static IReadOnlyList<PrePostPair> Pair(IReadOnlyList<TimelineSession> sessions, IEnumerable<ContextTotal> totals)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(totals);
        var list = totals.ToList();
        return sessions.Select(session => new PrePostPair(
                session,
                Candidates(list, sessions, session, PreDose).OrderByDescending(t => t.AnsweredAt).FirstOrDefault(),
                Candidates(list, sessions, session, PostDose).OrderBy(t => Math.Abs((t.AnsweredAt - session.DosedAt - PostTarget).Ticks)).FirstOrDefault()))
            .Where(pair => pair.Pre is not null || pair.Post is not null)
            .ToList();
    }

    private static IEnumerable<ContextTotal> Candidates(List<ContextTotal> totals, IReadOnlyList<TimelineSession> sessions, TimelineSession session, string context)
    {
        var ofContext = totals.Where(t => string.Equals(t.Context, context, StringComparison.Ordinal)).ToList();
        var linked = ofContext.Where(t => t.SessionId == session.SessionId).ToList();
        if (linked.Count > 0)
        {
            return linked;
        }

        return ofContext.Where(t => t.SessionId is null
            && InWindow(t, session, context)
            && ReferenceEquals(Nearest(sessions.Where(s => InWindow(t, s, context)), t), session));
    }

    private static bool InWindow(ContextTotal total, TimelineSession session, string context) =>
        string.Equals(context, PreDose, StringComparison.Ordinal)
            ? total.AnsweredAt <= session.DosedAt && total.AnsweredAt >= session.DosedAt - PreWindow
            : total.AnsweredAt >= session.DosedAt && total.AnsweredAt <= session.DosedAt + PostWindow;

    private static TimelineSession? Nearest(IEnumerable<TimelineSession> sessions, ContextTotal total) =>
        sessions.OrderBy(s => Math.Abs((s.DosedAt - total.AnsweredAt).Ticks)).FirstOrDefault();
}
