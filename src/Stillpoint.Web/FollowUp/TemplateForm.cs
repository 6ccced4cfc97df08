using System.Globalization;
using System.Text.RegularExpressions;
using Stillpoint.Core.Common;

namespace Stillpoint.Web.FollowUp;

/// <summary>
/// What the template page posts: raw text per cell, so every problem is shown beside its cell with the API's field
/// names. Rows left without an id and instrument are dropped (that is how a row is deleted or a spare row ignored).
/// </summary>
internal sealed partial class TemplateForm
{
    public const int SpareRows = 3;

    public int Version { get; set; }

    public string? Name { get; set; }

    public List<RuleRow>? Rules { get; set; }

    public List<TriggerRow>? Triggers { get; set; }

    public static TemplateForm From(TemplateDto dto)
    {
        ArgumentNullException.ThrowIfNull(dto);
        return new TemplateForm
        {
            Version = dto.Version,
            Name = dto.Name,
            Rules = [.. dto.Rules.Select(RuleRow.From), .. Enumerable.Range(0, SpareRows).Select(_ => new RuleRow())],
            Triggers = [.. dto.Triggers.Select(TriggerRow.From), new TriggerRow()],
        };
    }

    /// <summary>The API request; <paramref name="rowOf"/> maps the request's "rules[i]"/"triggers[i]" back to form rows.</summary>
    public TemplateRequest ToRequest(ValidationErrors errors, out Func<string, string> rowOf)
    {
        var ruleRows = (Rules ?? []).Select((row, index) => (row, index)).Where(r => !r.row.IsBlank).ToList();
        var triggerRows = (Triggers ?? []).Select((row, index) => (row, index)).Where(r => !r.row.IsBlank).ToList();
        var rules = ruleRows.Select(r => r.row.ToDto($"rules[{r.index.ToString(CultureInfo.InvariantCulture)}]", errors)).ToList();
        var triggers = triggerRows.Select(t => t.row.ToDto($"triggers[{t.index.ToString(CultureInfo.InvariantCulture)}]", errors)).ToList();
        rowOf = field => RowIndex().Replace(field, m =>
        {
            var rows = m.Groups["list"].Value == "rules" ? ruleRows.Select(r => r.index).ToList() : triggerRows.Select(t => t.index).ToList();
            var i = int.Parse(m.Groups["index"].Value, CultureInfo.InvariantCulture);
            return $"{m.Groups["list"].Value}[{(i < rows.Count ? rows[i] : i).ToString(CultureInfo.InvariantCulture)}]";
        });
        return new TemplateRequest(Version, Name, rules, triggers);
    }

    internal static int? Integer(string? text, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(field, "A whole number.");
        return null;
    }

    [GeneratedRegex(@"^(?<list>rules|triggers)\[(?<index>\d+)\]", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex RowIndex();
}

internal sealed class RuleRow
{
    public string? Id { get; set; }

    public string? InstrumentId { get; set; }

    public string? Anchor { get; set; }

    public string? PeriodDays { get; set; }

    public string? OnlyFor { get; set; }

    public string? Opens { get; set; }

    public string? Due { get; set; }

    public string? OverdueAfter { get; set; }

    public string? Closes { get; set; }

    public string? Label { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Id) && string.IsNullOrWhiteSpace(InstrumentId);

    public static RuleRow From(RuleDto dto) => new()
    {
        Id = dto.Id, InstrumentId = dto.InstrumentId, Anchor = dto.Anchor, PeriodDays = dto.PeriodDays?.ToString(CultureInfo.InvariantCulture),
        OnlyFor = dto.OnlyFor, Opens = dto.Window?.Opens, Due = dto.Window?.Due, OverdueAfter = dto.Window?.OverdueAfter, Closes = dto.Window?.Closes, Label = dto.Label,
    };

    public RuleDto ToDto(string field, ValidationErrors errors) =>
        new(Id, InstrumentId, Anchor, TemplateForm.Integer(PeriodDays, field + ".periodDays", errors), OnlyFor, new WindowDto(Opens, Due, OverdueAfter, Closes), Label);
}

internal sealed class TriggerRow
{
    public string? Id { get; set; }

    public string? InstrumentId { get; set; }

    public string? WhenInstrumentId { get; set; }

    public string? WhenItem { get; set; }

    public string? AtLeast { get; set; }

    public string? Opens { get; set; }

    public string? Due { get; set; }

    public string? OverdueAfter { get; set; }

    public string? Closes { get; set; }

    public string? Label { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Id) && string.IsNullOrWhiteSpace(InstrumentId);

    public static TriggerRow From(TriggerDto dto) => new()
    {
        Id = dto.Id, InstrumentId = dto.InstrumentId, WhenInstrumentId = dto.WhenInstrumentId, WhenItem = dto.WhenItem?.ToString(CultureInfo.InvariantCulture),
        AtLeast = dto.AtLeast?.ToString(CultureInfo.InvariantCulture), Opens = dto.Window?.Opens, Due = dto.Window?.Due, OverdueAfter = dto.Window?.OverdueAfter,
        Closes = dto.Window?.Closes, Label = dto.Label,
    };

    public TriggerDto ToDto(string field, ValidationErrors errors) => new(
        Id, InstrumentId, WhenInstrumentId, TemplateForm.Integer(WhenItem, field + ".whenItem", errors), TemplateForm.Integer(AtLeast, field + ".atLeast", errors),
        new WindowDto(Opens, Due, OverdueAfter, Closes), Label);
}
