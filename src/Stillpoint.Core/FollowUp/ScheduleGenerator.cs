namespace Stillpoint.Core.FollowUp;

/// <summary>
/// Generates the due items of a plan from a template (issue 6 §1). Pure and repeatable: call it again after any
/// change (session moved, aborted, new answer) and it returns the new schedule; items keep their keys.
/// <list type="bullet">
/// <item>Each-dose and first-dose rules use the sessions that go ahead; a moved session moves its items.</item>
/// <item>Items of an aborted or missed session disappear unless an answer of that instrument already lies in their
/// window (then they stay, so a completed pre-dose BSRI is not lost). The baseline moves to the next dose going ahead.</item>
/// <item>Recurring rules run from the plan start every period while the anchor is at or before the horizon.</item>
/// <item>Trigger rules add an item for every answer that meets them (C-SSRS after PHQ-9 item 9 ≥ 1).</item>
/// <item>Deduplication: per instrument, items are taken in order of due time; an item whose due time falls inside the
/// window of an item already kept is merged into it. The kept (earlier) window stands and the merged item's sources are
/// added, so one answer satisfies both and the patient is not asked the same questionnaire twice in one window.</item>
/// </list>
/// </summary>
public static class ScheduleGenerator
{
    /// <exception cref="ArgumentException">The template does not pass <see cref="ScheduleTemplate.Validate"/>.</exception>
    public static IReadOnlyList<DueItem> Generate(ScheduleTemplate template, FollowUpPlan plan, IEnumerable<MeasureResponse> responses)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(responses);
        var errors = template.Validate();
        if (!errors.IsEmpty)
        {
            throw new ArgumentException("Invalid schedule template: " + string.Join(" ", errors.Messages), nameof(template));
        }

        var answers = responses.ToList();
        var candidates = new List<DueItem>();
        var sessions = plan.Sessions.OrderBy(s => s.DoseAt).ThenBy(s => s.Id).ToList();
        var firstGoingAhead = sessions.Find(s => s.GoesAhead);
        foreach (var rule in template.Rules.Where(rule => rule.OnlyFor is not { } only || plan.Indications.Contains(only)))
        {
            switch (rule.Anchor)
            {
                case ScheduleAnchor.FirstDose when firstGoingAhead is not null:
                    candidates.Add(Item(rule, firstGoingAhead.DoseAt, new(rule.Id, rule.Label, SessionId: firstGoingAhead.Id)));
                    break;
                case ScheduleAnchor.EachDose:
                    candidates.AddRange(sessions
                        .Select(s => (Session: s, Item: Item(rule, s.DoseAt, new(rule.Id, rule.Label, SessionId: s.Id))))
                        .Where(pair => pair.Session.GoesAhead || IsAnswered(pair.Item, answers))
                        .Select(pair => pair.Item));
                    break;
                case ScheduleAnchor.Recurring:
                    for (var n = 0; plan.StartsAt.AddDays((double)n * rule.PeriodDays) <= plan.Until; n++)
                    {
                        candidates.Add(Item(rule, plan.StartsAt.AddDays((double)n * rule.PeriodDays), new(rule.Id, rule.Label, Occurrence: n)));
                    }

                    break;
            }
        }

        foreach (var trigger in template.Triggers)
        {
            candidates.AddRange(answers
                .Where(a => string.Equals(a.InstrumentId, trigger.WhenInstrumentId, StringComparison.Ordinal) && a.Item(trigger.WhenItem) >= trigger.AtLeast)
                .Select(a => new DueItem(trigger.InstrumentId, trigger.Window.At(a.AnsweredAt), [new(trigger.Id, trigger.Label, TriggerResponseId: a.Id)])));
        }

        return Deduplicate(candidates);
    }

    /// <summary>Merges, per instrument, items whose due time lies in an earlier kept item's window (see the type summary).</summary>
    public static IReadOnlyList<DueItem> Deduplicate(IEnumerable<DueItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var kept = new List<DueItem>();
        foreach (var group in items.GroupBy(i => i.InstrumentId, StringComparer.Ordinal))
        {
            DueItem? current = null;
            foreach (var item in group.OrderBy(i => i.Window.Due).ThenBy(i => i.Key, StringComparer.Ordinal))
            {
                if (current is not null && current.Window.Contains(item.Window.Due))
                {
                    current = current with { Sources = [.. current.Sources, .. item.Sources] };
                    continue;
                }

                if (current is not null)
                {
                    kept.Add(current);
                }

                current = item;
            }

            if (current is not null)
            {
                kept.Add(current);
            }
        }

        return [.. kept.OrderBy(i => i.Window.Due).ThenBy(i => i.InstrumentId, StringComparer.Ordinal).ThenBy(i => i.Key, StringComparer.Ordinal)];
    }

    private static DueItem Item(ScheduleRule rule, DateTimeOffset anchor, DueItemSource source) =>
        new(rule.InstrumentId, rule.Window.At(anchor), [source]);

    private static bool IsAnswered(DueItem item, List<MeasureResponse> answers) =>
        answers.Exists(a => string.Equals(a.InstrumentId, item.InstrumentId, StringComparison.Ordinal) && item.Window.Contains(a.AnsweredAt));
}
