using System.Globalization;
using Stillpoint.Core.Instruments.Definitions;

namespace Stillpoint.Core.Instruments;

/// <summary>The Jacobson–Truax verdict on a change between two scores.</summary>
public enum ReliableChangeOutcome
{
    /// <summary>The SD or reliability is not known for this instrument; the clinic must configure it.</summary>
    NotComputable,
    ReliablyImproved,
    NoReliableChange,
    ReliablyDeteriorated,
}

/// <summary>A clinic's own SD (e.g. of its baseline sample) or reliability, replacing the defaults.</summary>
public sealed record ReliableChangeSettings(decimal? StandardDeviation, decimal? Reliability);

public sealed record ReliableChangeResult(
    ReliableChangeOutcome Outcome,
    decimal Change,
    double? Index,
    double? StandardErrorOfDifference,
    bool UsesUnverifiedValues,
    string Explanation)
{
    /// <summary>"reliably improved", "no reliable change", "reliably deteriorated", or "not computable".</summary>
    public string Label => Outcome switch
    {
        ReliableChangeOutcome.NotComputable => "not computable",
        ReliableChangeOutcome.ReliablyImproved => "reliably improved",
        ReliableChangeOutcome.NoReliableChange => "no reliable change",
        ReliableChangeOutcome.ReliablyDeteriorated => "reliably deteriorated",
        _ => throw new InvalidOperationException($"Unknown outcome {Outcome}."),
    };
}

/// <summary>
/// Jacobson–Truax reliable change index (clinical-reference, preamble):
/// RCI = (X2 − X1) / S_diff, S_diff = √2 · SD · √(1 − r); |RCI| &gt; 1.96 is reliable change.
/// </summary>
public static class ReliableChange
{
    // clinical-reference preamble: |RCI| > 1.96 (the two-tailed 95% point of the normal distribution).
    private const double CriticalIndex = 1.96;

    /// <param name="earlier">The earlier total (X1).</param>
    /// <param name="later">The later total (X2) of the same instrument.</param>
    /// <param name="settings">Clinic overrides; each null falls back to the definition's default.</param>
    public static ReliableChangeResult Compute(InstrumentDefinition definition, decimal earlier, decimal later, ReliableChangeSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var change = later - earlier;
        var reference = definition.ReliableChange;
        var sd = settings?.StandardDeviation ?? reference.StandardDeviation?.Value;
        var reliability = settings?.Reliability ?? reference.Reliability?.Value;
        if (sd is not { } sdValue || reliability is not { } r)
        {
            return new ReliableChangeResult(
                ReliableChangeOutcome.NotComputable, change, null, null, false,
                $"No reliable change index: {definition.Id} has no {(sd is null ? "standard deviation" : "reliability")} configured. {reference.Note}".Trim());
        }

        if (sdValue <= 0 || r <= 0 || r >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), "The SD must be above 0 and the reliability between 0 and 1.");
        }

        var standardError = Math.Sqrt(2) * (double)sdValue * Math.Sqrt(1 - (double)r);
        var index = (double)change / standardError;
        var unverified = (settings?.StandardDeviation is null && reference.StandardDeviation is { Provenance.IsVerified: false })
            || (settings?.Reliability is null && reference.Reliability is { Provenance.IsVerified: false });
        var worse = definition.Direction == ScoreDirection.HigherIsWorse ? index > 0 : index < 0;
        var outcome = Math.Abs(index) <= CriticalIndex ? ReliableChangeOutcome.NoReliableChange
            : worse ? ReliableChangeOutcome.ReliablyDeteriorated
            : ReliableChangeOutcome.ReliablyImproved;
        var explanation = string.Create(
            CultureInfo.InvariantCulture,
            $"RCI = ({later} − {earlier}) / (√2 × {sdValue} × √(1 − {r})) = {change} / {standardError:0.###} = {index:0.###}; |RCI| {(Math.Abs(index) > CriticalIndex ? ">" : "≤")} 1.96.");
        if (unverified)
        {
            explanation += " Uses a default marked unverified — review.";
        }

        return new ReliableChangeResult(outcome, change, index, standardError, unverified, explanation);
    }
}
