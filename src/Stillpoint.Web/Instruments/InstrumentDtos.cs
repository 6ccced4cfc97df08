using System.Globalization;
using Stillpoint.Core.Instruments.Conditions;
using Stillpoint.Core.Instruments.Definitions;
using Stillpoint.Core.Instruments.Scoring;

namespace Stillpoint.Web.Instruments;

/// <summary>An instrument as screens and API clients show it, with the caller's clinic's wording.</summary>
public sealed record InstrumentDto(
    string Id,
    string Version,
    string Title,
    string Kind,
    string RecallPeriod,
    string Notes,
    int OfficialWordingItems,
    IReadOnlyList<InstrumentItemDto> Items)
{
    public bool IsClinicianRated => Kind == "clinician-rated";

    public static InstrumentDto From(InstrumentDefinition definition, IReadOnlyDictionary<string, string>? wording)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var items = definition.Items.Select(item => InstrumentItemDto.From(item, wording?.GetValueOrDefault(item.Id))).ToList();
        return new InstrumentDto(
            definition.Id,
            definition.Version,
            definition.Title,
            definition.Kind == InstrumentKind.ClinicianRated ? "clinician-rated" : "self-report",
            definition.RecallPeriod,
            definition.Notes,
            items.Count(item => item.OfficialWording),
            items);
    }
}

/// <summary>
/// One item: <see cref="Text"/> is the clinic's official wording where loaded (<see cref="OfficialWording"/>
/// true), else our own short label, which screens mark "unofficial wording".
/// </summary>
public sealed record InstrumentItemDto(
    string Id,
    int Number,
    string Text,
    bool OfficialWording,
    string Label,
    bool IsSlider,
    int Min,
    int Max,
    IReadOnlyList<ResponseOptionDto> Options,
    string? AskedWhen)
{
    public static InstrumentItemDto From(InstrumentItem item, string? official)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new InstrumentItemDto(
            item.Id,
            item.Number,
            official ?? item.Label,
            official is not null,
            item.Label,
            item.Scale.IsSlider,
            item.Scale.Min,
            item.Scale.Max,
            [.. item.Scale.Options.Select(option => new ResponseOptionDto(option.Value, option.Label))],
            item.AskedWhen?.Describe(NoAnswers.Instance));
    }

    /// <summary>The label of a value, e.g. "2 — On over half the days"; a slider value is shown as is.</summary>
    public string Describe(int value)
    {
        var option = Options.FirstOrDefault(o => o.Value == value);
        var number = value.ToString(CultureInfo.InvariantCulture);
        return option is null || IsSlider ? number : $"{number} — {option.Label}";
    }

    private sealed class NoAnswers : IConditionContext
    {
        public static readonly NoAnswers Instance = new();

        public decimal? Total => null;

        public ItemAnswer Answer(int itemNumber) => ItemAnswer.Missing;

        public decimal Parameter(string name) => 0;
    }
}

public sealed record ResponseOptionDto(int Value, string Label);

/// <summary>A raised flag; <see cref="SuicideRisk"/> marks the ones screens must make prominent.</summary>
public sealed record FlagDto(string Name, string Description, bool SuicideRisk)
{
    /// <summary>Suicide-risk flags are named with "suicid" (issue 3, CLI contract).</summary>
    public static bool IsSuicideRisk(string name) => name.Contains("suicid", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A score as the API shows it (the stateless score endpoint and stored responses).</summary>
public sealed record ScoreDto(
    string Instrument,
    string InstrumentVersion,
    decimal? Total,
    string? Severity,
    IReadOnlyDictionary<string, decimal> Subscales,
    IReadOnlyList<FlagDto> Flags,
    bool Complete,
    bool Prorated,
    IReadOnlyList<int> MissingItems,
    IReadOnlyList<string> Explanation)
{
    public static ScoreDto From(ScoreResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new ScoreDto(
            result.InstrumentId,
            result.InstrumentVersion,
            result.Total,
            result.Severity,
            result.Subscales.ToDictionary(s => s.Name, s => s.Value, StringComparer.Ordinal),
            [.. result.Flags.Select(f => new FlagDto(f.Name, f.Description, FlagDto.IsSuicideRisk(f.Name)))],
            result.IsComplete,
            result.IsProrated,
            result.MissingItems,
            result.Explanation);
    }
}

/// <summary>Body of the stateless score endpoint: one answer per item in item order, null = not answered.</summary>
public sealed record ScoreRequest(IReadOnlyList<System.Text.Json.JsonElement>? Answers);

/// <summary>What a wording import changed.</summary>
public sealed record WordingImportResult(string Instrument, int ItemsWithOfficialWording, int ItemCount, string Format, IReadOnlyList<string> Ignored);
