using Stillpoint.Core.Instruments.Definitions;

namespace Stillpoint.Core.Instruments.Scoring;

/// <summary>A flag raised by a response, with the rule's provenance for display.</summary>
public sealed record RaisedFlag(string Name, string Description, Provenance Provenance);

/// <summary>A subscale's score; only subscales whose items were all answered are reported.</summary>
public sealed record SubscaleScore(string Name, string Title, decimal Value);

/// <summary>
/// The outcome of scoring one set of answers. Immutable.
/// </summary>
public sealed record ScoreResult
{
    public required string InstrumentId { get; init; }

    public required string InstrumentVersion { get; init; }

    /// <summary>
    /// The total; null when the answers are incomplete beyond the instrument's missing-item rule,
    /// and always null for an instrument without a total (C-SSRS screener, clinical-reference §7).
    /// A prorated PHQ-9 total may be fractional (two decimals).
    /// </summary>
    public decimal? Total { get; init; }

    public IReadOnlyList<SubscaleScore> Subscales { get; init; } = [];

    /// <summary>The severity band (published name, lower case) or the risk level; null when unknown or none is published.</summary>
    public string? Severity { get; init; }

    /// <summary>Raised flags in definition order. Flags are raised from the answers present, even when incomplete.</summary>
    public IReadOnlyList<RaisedFlag> Flags { get; init; } = [];

    /// <summary>
    /// True when the instrument's rule yields a result: every required answer present, or (PHQ-9)
    /// few enough missing to prorate. <see cref="MissingItems"/> tells the two apart.
    /// </summary>
    public required bool IsComplete { get; init; }

    /// <summary>Numbers of the items that should have been answered and were not.</summary>
    public IReadOnlyList<int> MissingItems { get; init; } = [];

    /// <summary>True when the total was prorated over missing items.</summary>
    public bool IsProrated { get; init; }

    /// <summary>How the result was reached, one sentence a line, with the reference sections.</summary>
    public IReadOnlyList<string> Explanation { get; init; } = [];

    public string ExplanationText => string.Join(Environment.NewLine, Explanation);
}

/// <summary>A problem with one answer (ItemNumber set) or with the answer list as a whole.</summary>
public sealed record AnswerError(int? ItemNumber, string Message)
{
    /// <summary>A field key for validation messages: "answers[3]" (1-based item number) or "answers".</summary>
    public string Field => ItemNumber is { } number
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"answers[{number}]")
        : "answers";
}

/// <summary>Either a <see cref="ScoreResult"/> or the reasons the answers were refused.</summary>
public sealed record ScoringAttempt(ScoreResult? Result, IReadOnlyList<AnswerError> Errors)
{
    public bool Succeeded => Result is not null;

    public static ScoringAttempt Refused(IReadOnlyList<AnswerError> errors) => new(null, errors);
}

/// <summary>
/// A clinic's overrides of the definition's configurable values (e.g. the PCL-5 cut-off,
/// clinical-reference §14.7). Values must lie within each parameter's published range.
/// </summary>
public sealed record ScoringSettings(IReadOnlyDictionary<string, decimal> Parameters)
{
    public static ScoringSettings Defaults { get; } = new(new Dictionary<string, decimal>(StringComparer.Ordinal));
}
