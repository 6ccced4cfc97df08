using Stillpoint.Core.FollowUp;
using Stillpoint.Core.Sessions;
using Stillpoint.Data.Responses;
using Stillpoint.Data.Sessions;
using Stillpoint.Web.Instruments;

namespace Stillpoint.Web.FollowUp;

/// <summary>Maps stored rows to the follow-up domain's inputs.</summary>
internal static class ScheduleSources
{
    /// <summary>
    /// A booked session not started this long after its time counts as missed, so its items drop out: the same grace
    /// the missed-session alert uses (<see cref="AlertSettings.Default"/>, a product choice [U]).
    /// </summary>
    public static TimeSpan MissedAfter => AlertSettings.Default.MissedSessionGrace;

    /// <summary>How long recurring measures continue after a completed course (a product choice [U]).</summary>
    public static TimeSpan FollowUpAfterCourse { get; } = TimeSpan.FromDays(84);

    /// <summary>How far ahead the recurring measures of an active plan are listed.</summary>
    public static TimeSpan Lookahead { get; } = TimeSpan.FromDays(14);

    public static DoseSession ToDose(DosingSession session, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        var doseAt = session.DosingStartedAt ?? session.ScheduledFor;
        var state = session.Phase switch
        {
            nameof(SessionPhase.Aborted) => DoseState.Aborted,
            nameof(SessionPhase.Dosing) or nameof(SessionPhase.Integration) or nameof(SessionPhase.Discharged) => DoseState.Dosed,
            nameof(SessionPhase.Scheduled) when now >= session.ScheduledFor + MissedAfter => DoseState.Missed,
            _ => DoseState.Scheduled,
        };
        return new DoseSession(session.Id, doseAt, state);
    }

    /// <summary>A complete response as the rules see it: its total, its item answers (1-based) and its risk level.</summary>
    public static MeasureResponse ToMeasure(InstrumentResponse row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var answers = AnswerInput.ParseStored(row.Answers);
        var items = new Dictionary<int, int>();
        for (var i = 0; i < answers.Count; i++)
        {
            if (answers[i] is { } value)
            {
                items[i + 1] = value;
            }
        }

        return new MeasureResponse(row.Id, row.InstrumentId, row.AnsweredAt, row.Total) { Items = items, RiskLevel = row.Severity };
    }

    /// <summary>The response context an answer to this item is stored with (see <c>ResponseValues.Contexts</c>).</summary>
    public static string ContextOf(DueItem item, ScheduleTemplate template)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(template);
        var source = item.Sources[0];
        var rule = template.Rules.FirstOrDefault(r => string.Equals(r.Id, source.RuleId, StringComparison.Ordinal));
        return rule?.Anchor switch
        {
            ScheduleAnchor.FirstDose => "baseline",
            ScheduleAnchor.EachDose => rule.Window.Due < TimeSpan.Zero ? "pre-dose" : "post-dose",
            ScheduleAnchor.Recurring when source.Occurrence == 0 => "baseline",
            _ => "follow-up",
        };
    }
}
