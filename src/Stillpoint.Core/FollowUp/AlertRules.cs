using System.Globalization;
using Stillpoint.Core.Instruments;
using Stillpoint.Core.Instruments.Definitions;

namespace Stillpoint.Core.FollowUp;

/// <summary>The alert rules of issue 6 §4. Pure: every time is passed in.</summary>
public static class AlertRules
{
    /// <summary>
    /// Suicide-risk answers, high severity, raised at the answer time: PHQ-9 item 9 ≥ 1 whatever the total
    /// (clinical-reference §1), C-SSRS screen risk moderate or high (§7). A low C-SSRS risk raises nothing here.
    /// </summary>
    public static FollowUpAlert? SuicideRisk(MeasureResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        string? why = response.InstrumentId switch
        {
            DefaultScheduleTemplate.Phq9 when response.Item(9) is >= 1 and var item => string.Create(
                CultureInfo.InvariantCulture,
                $"PHQ-9 item 9 (thoughts of death or self-harm) answered {item} (≥ 1) on {FollowUpText.At(response.AnsweredAt)}: significant whatever the total; same-day suicide-risk assessment, e.g. C-SSRS (clinical-reference §1)."),
            DefaultScheduleTemplate.CssrsScreen when response.RiskLevel is "moderate" or "high" =>
                $"C-SSRS screen risk {response.RiskLevel} on {FollowUpText.At(response.AnsweredAt)}: evaluate now and take safety precautions (clinical-reference §7).",
            _ => null,
        };
        return why is null ? null : new FollowUpAlert(Key("suicide-risk", response.Id), AlertKind.SuicideRisk, AlertSeverity.High, response.AnsweredAt, why)
        {
            InstrumentId = response.InstrumentId,
            SourceId = response.Id,
        };
    }

    /// <summary>
    /// Reliable deterioration (Jacobson–Truax, <see cref="ReliableChange"/>) of the latest total against the baseline
    /// (the earliest total) of one instrument's history; medium severity. Nothing when the RCI is not computable
    /// (no SD or reliability configured) or fewer than two totals exist.
    /// </summary>
    public static FollowUpAlert? Deterioration(InstrumentDefinition definition, IEnumerable<MeasureResponse> history, ReliableChangeSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(history);
        var totals = Totals(definition.Id, history);
        if (totals.Count < 2)
        {
            return null;
        }

        var (baseline, latest) = (totals[0], totals[^1]);
        var change = ReliableChange.Compute(definition, baseline.Total!.Value, latest.Total!.Value, settings);
        if (change.Outcome != ReliableChangeOutcome.ReliablyDeteriorated)
        {
            return null;
        }

        var explanation = string.Create(
            CultureInfo.InvariantCulture,
            $"{definition.Id} reliably deteriorated: {baseline.Total} on {FollowUpText.At(baseline.AnsweredAt)} (baseline) → {latest.Total} on {FollowUpText.At(latest.AnsweredAt)}. {change.Explanation}");
        return new FollowUpAlert(Key("deterioration", latest.Id), AlertKind.ReliableDeterioration, AlertSeverity.Medium, latest.AnsweredAt, explanation)
        {
            InstrumentId = definition.Id,
            SourceId = latest.Id,
        };
    }

    /// <summary>
    /// Items left unanswered at least <see cref="AlertSettings.OverdueThreshold"/> past their overdue point (overdue or
    /// missed by now); low severity, raised when the threshold was reached.
    /// </summary>
    public static IReadOnlyList<FollowUpAlert> Overdue(IEnumerable<DueItemState> states, DateTimeOffset now, AlertSettings settings)
    {
        ArgumentNullException.ThrowIfNull(states);
        ArgumentNullException.ThrowIfNull(settings);
        return [.. states
            .Where(s => s.Status is DueStatus.Overdue or DueStatus.Missed && now >= s.Item.Window.OverdueAfter + settings.OverdueThreshold)
            .Select(s => new FollowUpAlert(
                "overdue/" + s.Item.Key,
                AlertKind.OverdueMeasure,
                AlertSeverity.Low,
                s.Item.Window.OverdueAfter + settings.OverdueThreshold,
                $"{s.Item.Label} was due {FollowUpText.At(s.Item.Window.Due)} and is unanswered {FollowUpText.Span(now - s.Item.Window.OverdueAfter)} past its overdue point (clinic threshold {FollowUpText.Span(settings.OverdueThreshold)}).")
            {
                InstrumentId = s.Item.InstrumentId,
            })];
    }

    /// <summary>
    /// Sessions marked missed, or still only scheduled <see cref="AlertSettings.MissedSessionGrace"/> after their dose time;
    /// medium severity.
    /// </summary>
    public static IReadOnlyList<FollowUpAlert> MissedSessions(IEnumerable<DoseSession> sessions, DateTimeOffset now, AlertSettings settings)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(settings);
        return [.. sessions
            .Where(s => s.State == DoseState.Missed || (s.State == DoseState.Scheduled && now >= s.DoseAt + settings.MissedSessionGrace))
            .OrderBy(s => s.DoseAt)
            .Select(s => new FollowUpAlert(
                Key("missed-session", s.Id),
                AlertKind.MissedSession,
                AlertSeverity.Medium,
                s.State == DoseState.Missed ? Min(now, s.DoseAt + settings.MissedSessionGrace) : s.DoseAt + settings.MissedSessionGrace,
                s.State == DoseState.Missed
                    ? $"The session booked for {FollowUpText.At(s.DoseAt)} was recorded as missed."
                    : $"The session booked for {FollowUpText.At(s.DoseAt)} has not started {FollowUpText.Span(now - s.DoseAt)} later (clinic grace {FollowUpText.Span(settings.MissedSessionGrace)}).")
            {
                SourceId = s.Id,
            })];
    }

    internal static List<MeasureResponse> Totals(string instrumentId, IEnumerable<MeasureResponse> history) =>
        [.. history
            .Where(r => r.Total is not null && string.Equals(r.InstrumentId, instrumentId, StringComparison.Ordinal))
            .OrderBy(r => r.AnsweredAt)
            .ThenBy(r => r.Id)];

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static string Key(string kind, Guid id) => string.Create(CultureInfo.InvariantCulture, $"{kind}/{id}");
}
