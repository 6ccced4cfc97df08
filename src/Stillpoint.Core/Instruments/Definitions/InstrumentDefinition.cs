namespace Stillpoint.Core.Instruments.Definitions;

/// <summary>Who fills the instrument in.</summary>
public enum InstrumentKind
{
    SelfReport,
    ClinicianRated,
}

/// <summary>Which way is worse: reliable-change labels depend on it.</summary>
public enum ScoreDirection
{
    HigherIsWorse,
    HigherIsBetter,
}

/// <summary>
/// One questionnaire or rating scale, loaded from <c>instruments/&lt;id&gt;.json</c> and validated
/// when parsed. Immutable and safe to share between threads.
/// </summary>
public sealed record InstrumentDefinition
{
    public required string Id { get; init; }

    public required string Version { get; init; }

    public required string Title { get; init; }

    public required InstrumentKind Kind { get; init; }

    public required string RecallPeriod { get; init; }

    public required ScoreDirection Direction { get; init; }

    /// <summary>The clinical-reference section the instrument as a whole follows.</summary>
    public required string Source { get; init; }

    /// <summary>Licence or usage notes for clinic admins; may be empty.</summary>
    public string Notes { get; init; } = "";

    /// <summary>Items in presentation order; <see cref="InstrumentItem.Number"/> runs 1..n.</summary>
    public required IReadOnlyList<InstrumentItem> Items { get; init; }

    public required ScoringRules Scoring { get; init; }

    public IReadOnlyList<Subscale> Subscales { get; init; } = [];

    /// <summary>Contiguous bands in ascending order; empty where none are published.</summary>
    public IReadOnlyList<SeverityBand> SeverityBands { get; init; } = [];

    public IReadOnlyList<FlagRule> Flags { get; init; } = [];

    /// <summary>Clinic-configurable numbers that rules refer to by name (e.g. a cut-off).</summary>
    public IReadOnlyList<InstrumentParameter> Parameters { get; init; } = [];

    /// <summary>SD and reliability for the Jacobson–Truax index; either may be absent.</summary>
    public ReliableChangeReference ReliableChange { get; init; } = ReliableChangeReference.None;

    /// <summary>Published response/remission rules; empty where none are published.</summary>
    public IReadOnlyList<OutcomeRule> OutcomeRules { get; init; } = [];

    /// <summary>The item with this 1-based number.</summary>
    public InstrumentItem Item(int number) => Items[number - 1];
}
