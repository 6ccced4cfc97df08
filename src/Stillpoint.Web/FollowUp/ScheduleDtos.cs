using Stillpoint.Core.FollowUp;

namespace Stillpoint.Web.FollowUp;

/// <summary>One due item: its window, its status now and the answer that completed it.</summary>
/// <param name="Key">Stable across recomputation (e.g. "phq9-weekly/occurrence:2").</param>
/// <param name="Context">The response context an answer is stored with (baseline, pre-dose, post-dose, follow-up).</param>
public sealed record ScheduleItemDto(
    string Key,
    string InstrumentId,
    string Label,
    DueStatus Status,
    DateTimeOffset Opens,
    DateTimeOffset Due,
    DateTimeOffset OverdueAfter,
    DateTimeOffset Closes,
    Guid? SessionId,
    string Context,
    Guid? CompletedByResponseId,
    DateTimeOffset? CompletedAt);

/// <summary>A patient's measurement schedule, computed at <see cref="EvaluatedAt"/>.</summary>
/// <param name="TemplateScope">"all" or the indication whose template applies; "default" template name when not edited.</param>
public sealed record ScheduleDto(
    Guid PatientId,
    Guid? PlanId,
    string? PlanStatus,
    string? TemplateName,
    string? TemplateScope,
    bool DefaultTemplate,
    DateTimeOffset EvaluatedAt,
    IReadOnlyList<ScheduleItemDto> Items)
{
    internal static ScheduleDto From(PatientSchedule schedule) => new(
        schedule.PatientId,
        schedule.Plan?.Id,
        schedule.Plan?.Status.ToString(),
        schedule.Template?.Template.Name,
        schedule.Template?.Scope,
        schedule.Template?.IsDefault ?? true,
        schedule.EvaluatedAt,
        [.. schedule.States.Select(s => Item(s, schedule.Template!.Template))]);

    internal static ScheduleItemDto Item(DueItemState state, ScheduleTemplate template)
    {
        var item = state.Item;
        return new ScheduleItemDto(
            item.Key,
            item.InstrumentId,
            item.Label,
            state.Status,
            item.Window.Opens,
            item.Window.Due,
            item.Window.OverdueAfter,
            item.Window.Closes,
            item.Sources.Select(s => s.SessionId).FirstOrDefault(id => id is not null),
            ScheduleSources.ContextOf(item, template),
            state.CompletedBy?.Id,
            state.CompletedBy?.AnsweredAt);
    }
}
