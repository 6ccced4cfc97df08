namespace Stillpoint.Web.FollowUp;

/// <summary>A window as offsets from its anchor, each written like "-2h", "40m", "7d" (see the template summary).</summary>
public sealed record WindowDto(string? Opens, string? Due, string? OverdueAfter, string? Closes);

/// <summary>One schedule rule.</summary>
/// <param name="Anchor">firstDose (a baseline before the first dose going ahead), eachDose, or recurring (every periodDays from the plan start).</param>
/// <param name="OnlyFor">An indication (e.g. "ptsd"): the rule applies only to plans with it; null = every plan.</param>
public sealed record RuleDto(string? Id, string? InstrumentId, string? Anchor, int? PeriodDays, string? OnlyFor, WindowDto? Window, string? Label);

/// <summary>An item triggered by an answer: item <c>WhenItem</c> of <c>WhenInstrumentId</c> at least <c>AtLeast</c>.</summary>
public sealed record TriggerDto(string? Id, string? InstrumentId, string? WhenInstrumentId, int? WhenItem, int? AtLeast, WindowDto? Window, string? Label);

/// <summary>The template in force for a scope ("all" or an indication such as "ptsd").</summary>
/// <param name="IsDefault">True while the clinic has not edited this scope: the shipped default (or, for an indication, the "all" template) applies.</param>
/// <param name="Version">Send it back with a PUT; 0 while nothing is stored for the scope.</param>
public sealed record TemplateDto(
    string Scope,
    string Description,
    bool IsDefault,
    int Version,
    string Name,
    IReadOnlyList<RuleDto> Rules,
    IReadOnlyList<TriggerDto> Triggers,
    DateTimeOffset? UpdatedAt);

/// <summary>Body of PUT /api/v1/follow-up/templates/{scope}: the whole template, with the version it was read at.</summary>
public sealed record TemplateRequest(int? Version, string? Name, IReadOnlyList<RuleDto>? Rules, IReadOnlyList<TriggerDto>? Triggers);
