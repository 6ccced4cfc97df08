using Stillpoint.Core.Instruments.Conditions;

namespace Stillpoint.Core.Instruments.Definitions;

/// <summary>
/// One item. <see cref="Label"/> is our own short neutral label, never the official wording
/// (clinical-reference preamble); official wording is loaded by the clinic where licensed.
/// </summary>
public sealed record InstrumentItem
{
    public required string Id { get; init; }

    /// <summary>1-based position in the form; answers are given in this order.</summary>
    public required int Number { get; init; }

    public required string Label { get; init; }

    public required ResponseScale Scale { get; init; }

    /// <summary>Scored as (min + max − value) when true.</summary>
    public bool IsReverseScored { get; init; }

    /// <summary>Skip logic: the item is asked only when this holds; null means always asked.</summary>
    public Condition? AskedWhen { get; init; }
}

/// <summary>One labelled response and the value it scores.</summary>
public sealed record ResponseOption(int Value, string Label);

/// <summary>
/// The answers an item accepts. A list of options accepts exactly their values; a slider accepts
/// every whole number between its lowest and highest anchor.
/// </summary>
public sealed record ResponseScale(IReadOnlyList<ResponseOption> Options, bool IsSlider, Provenance Provenance)
{
    public int Min => Options.Min(option => option.Value);

    public int Max => Options.Max(option => option.Value);

    public bool Accepts(int value) =>
        IsSlider ? value >= Min && value <= Max : Options.Any(option => option.Value == value);

    /// <summary>The accepted values for messages, e.g. "0, 1, 2, 3" or "0–100".</summary>
    public string Describe() =>
        IsSlider
            ? FormattableString.Invariant($"{Min}–{Max}")
            : string.Join(", ", Options.Select(option => option.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
