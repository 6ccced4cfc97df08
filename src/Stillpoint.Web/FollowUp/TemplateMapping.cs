using System.Globalization;
using Stillpoint.Core.Common;
using Stillpoint.Core.Eligibility;
using Stillpoint.Core.FollowUp;
using Stillpoint.Core.Instruments;
using Stillpoint.Core.Instruments.Definitions;

namespace Stillpoint.Web.FollowUp;

/// <summary>Template DTO ⇄ Core template, with every problem reported under its JSON field name.</summary>
internal static class TemplateMapping
{
    public const int MaxRules = 60;

    public static IReadOnlyList<string> Anchors { get; } = ["firstDose", "eachDose", "recurring"];

    public static RuleDto ToDto(ScheduleRule rule) => new(
        rule.Id, rule.InstrumentId, AnchorName(rule.Anchor), rule.Anchor == ScheduleAnchor.Recurring ? rule.PeriodDays : null,
        rule.OnlyFor is { } only ? TemplateScopes.Name(only) : null, ToDto(rule.Window), rule.Label);

    public static TriggerDto ToDto(TriggerRule trigger) => new(
        trigger.Id, trigger.InstrumentId, trigger.WhenInstrumentId, trigger.WhenItem, trigger.AtLeast, ToDto(trigger.Window), trigger.Label);

    public static WindowDto ToDto(WindowSpec window) =>
        new(Offsets.Format(window.Opens), Offsets.Format(window.Due), Offsets.Format(window.OverdueAfter), Offsets.Format(window.Closes));

    public static string AnchorName(ScheduleAnchor anchor) => Anchors[(int)anchor];

    /// <summary>The Core template, or null with <paramref name="errors"/> filled.</summary>
    public static ScheduleTemplate? FromRequest(TemplateRequest body, InstrumentLibrary library, ValidationErrors errors)
    {
        var rules = body.Rules ?? [];
        var triggers = body.Triggers ?? [];
        if (rules.Count + triggers.Count > MaxRules)
        {
            errors.Add("rules", $"At most {MaxRules} rules and triggers together.");
            return null;
        }

        var parsedRules = rules.Select((rule, i) => Rule(rule, Field("rules", i), library, errors)).ToList();
        var parsedTriggers = triggers.Select((trigger, i) => Trigger(trigger, Field("triggers", i), library, errors)).ToList();
        if (!errors.IsEmpty)
        {
            return null;
        }

        var template = new ScheduleTemplate(body.Name?.Trim() ?? "", [.. parsedRules.OfType<ScheduleRule>()], [.. parsedTriggers.OfType<TriggerRule>()]);
        foreach (var (field, messages) in template.Validate().ToDictionary())
        {
            foreach (var message in messages)
            {
                errors.Add(field, message);
            }
        }

        return errors.IsEmpty ? template : null;
    }

    private static ScheduleRule? Rule(RuleDto? dto, string field, InstrumentLibrary library, ValidationErrors errors)
    {
        if (dto is null)
        {
            errors.Add(field, "A rule is required here.");
            return null;
        }

        var anchor = Anchors.ToList().IndexOf(dto.Anchor?.Trim() ?? "");
        if (anchor < 0)
        {
            errors.Add(field + ".anchor", $"Choose one of: {string.Join(", ", Anchors)}.");
        }

        Indication? onlyFor = null;
        if (!string.IsNullOrWhiteSpace(dto.OnlyFor))
        {
            var match = Enum.GetValues<Indication>().Where(i => TemplateScopes.Name(i) == dto.OnlyFor.Trim()).Select(i => (Indication?)i).FirstOrDefault();
            if (match is null)
            {
                errors.Add(field + ".onlyFor", $"Not an indication. Choose one of: {string.Join(", ", Enum.GetValues<Indication>().Select(TemplateScopes.Name))}, or leave empty.");
            }

            onlyFor = match;
        }

        Instrument(dto.InstrumentId, field + ".instrumentId", library, errors);
        var window = Window(dto.Window, field + ".window", errors);
        if (window is null || anchor < 0)
        {
            return null;
        }

        return new ScheduleRule(dto.Id?.Trim() ?? "", dto.InstrumentId?.Trim() ?? "", (ScheduleAnchor)anchor, window, Label(dto.Label, dto.InstrumentId))
        {
            PeriodDays = dto.PeriodDays ?? 0,
            OnlyFor = onlyFor,
        };
    }

    private static TriggerRule? Trigger(TriggerDto? dto, string field, InstrumentLibrary library, ValidationErrors errors)
    {
        if (dto is null)
        {
            errors.Add(field, "A trigger is required here.");
            return null;
        }

        Instrument(dto.InstrumentId, field + ".instrumentId", library, errors);
        var when = Instrument(dto.WhenInstrumentId, field + ".whenInstrumentId", library, errors);
        if (when is not null && (dto.WhenItem is not { } item || item < 1 || item > when.Items.Count))
        {
            errors.Add(field + ".whenItem", $"An item number of {when.Id}: 1 to {when.Items.Count.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (dto.AtLeast is null)
        {
            errors.Add(field + ".atLeast", "The answer value that triggers the item.");
        }

        var window = Window(dto.Window, field + ".window", errors);
        return window is null || dto.WhenItem is null || dto.AtLeast is null ? null
            : new TriggerRule(dto.Id?.Trim() ?? "", dto.InstrumentId?.Trim() ?? "", dto.WhenInstrumentId?.Trim() ?? "", dto.WhenItem.Value, dto.AtLeast.Value, window, Label(dto.Label, dto.InstrumentId));
    }

    /// <summary>Scheduled items are answered by the patient, so only known self-report instruments qualify.</summary>
    private static InstrumentDefinition? Instrument(string? id, string field, InstrumentLibrary library, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(id) || !library.TryGet(id.Trim(), out var definition))
        {
            errors.Add(field, $"Choose a known instrument: {string.Join(", ", library.All.Select(d => d.Id))}.");
            return null;
        }

        if (definition.Kind == InstrumentKind.ClinicianRated)
        {
            errors.Add(field, $"{definition.Id} is clinician-rated: patients cannot answer it from a schedule.");
        }

        return definition;
    }

    private static WindowSpec? Window(WindowDto? dto, string field, ValidationErrors errors)
    {
        var parts = new[] { ("opens", dto?.Opens), ("due", dto?.Due), ("overdueAfter", dto?.OverdueAfter), ("closes", dto?.Closes) };
        var values = new List<TimeSpan>(4);
        foreach (var (name, text) in parts)
        {
            if (Offsets.TryParse(text, out var offset) && !string.IsNullOrWhiteSpace(text))
            {
                values.Add(offset);
            }
            else
            {
                errors.Add($"{field}.{name}", $"Write {Offsets.Hint}; at most a year.");
            }
        }

        return values.Count == 4 ? new WindowSpec(values[0], values[1], values[2], values[3]) : null;
    }

    private static string Label(string? label, string? instrumentId) =>
        string.IsNullOrWhiteSpace(label) ? instrumentId?.Trim() ?? "" : label.Trim()[..Math.Min(label.Trim().Length, 120)];

    private static string Field(string list, int index) => string.Create(CultureInfo.InvariantCulture, $"{list}[{index}]");
}
