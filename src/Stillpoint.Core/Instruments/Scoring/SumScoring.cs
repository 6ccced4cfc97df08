using System.Globalization;
using Stillpoint.Core.Instruments.Conditions;
using Stillpoint.Core.Instruments.Definitions;

namespace Stillpoint.Core.Instruments.Scoring;

/// <summary>The total of a <see cref="ScoringMethod.Sum"/> instrument and how it was reached.</summary>
internal sealed record SumOutcome(decimal? Total, bool IsComplete, bool IsProrated, IReadOnlyList<string> Explanation);

internal static class SumScoring
{
    public static SumOutcome Compute(InstrumentDefinition definition, IReadOnlyList<ItemAnswer> answers, IReadOnlyList<int> missing)
    {
        var rules = definition.Scoring;
        var lines = new List<string>();
        foreach (var item in definition.Items.Where(item => item.IsReverseScored && answers[item.Number - 1].State == AnswerState.Answered))
        {
            var raw = answers[item.Number - 1].Value;
            lines.Add(Invariant($"Item {item.Number} is reverse-scored: answer {raw} scores {ScoredValue(item, answers[item.Number - 1])}."));
        }

        if (missing.Count == 0)
        {
            var parts = rules.Groups.Select(group => GroupValue(definition, group, answers, lines)).ToList();
            var total = parts.Sum();
            lines.Add(Invariant($"Total = {string.Join(" + ", parts)} = {total} ({rules.Provenance.Source})."));
            return new SumOutcome(total, true, false, lines);
        }

        var missingText = "Missing: item" + (missing.Count == 1 ? " " : "s ") + string.Join(", ", missing);
        var rule = rules.MissingItems;
        if (rule.Policy == MissingItemPolicy.Prorate && missing.Count <= rule.MaxMissing)
        {
            // Prorating (clinical-reference §14.5, NHS Data Dictionary): each missing item takes the mean of
            // the answered ones, i.e. total = sum × items / answered. Rounded to 2 decimals, half away from zero
            // (the reference gives no rounding; two decimals keep the band the unrounded value falls in).
            var answered = definition.Items.Count - missing.Count;
            var sum = rules.Groups.Sum(group => GroupValue(definition, group, answers, lines: null));
            var prorated = Math.Round(sum * definition.Items.Count / answered, 2, MidpointRounding.AwayFromZero);
            lines.Add(Invariant($"{missingText}; up to {rule.MaxMissing} may be missing ({rule.Provenance.Source}), so the total is prorated: {sum} × {definition.Items.Count} / {answered} = {prorated}."));
            return new SumOutcome(prorated, true, true, lines);
        }

        var why = rule.Policy == MissingItemPolicy.Prorate
            ? Invariant($"more than the {rule.MaxMissing} the prorating rule allows")
            : "every item must be answered";
        lines.Add($"{missingText}; {why} ({rule.Provenance.Source}), so there is no total.");
        return new SumOutcome(null, false, false, lines);
    }

    /// <summary>The value an answer contributes: reversed where the item is reverse-scored; 0 when not required.</summary>
    public static int ScoredValue(InstrumentItem item, ItemAnswer answer) =>
        answer.State != AnswerState.Answered ? 0
        : item.IsReverseScored ? item.Scale.Min + item.Scale.Max - answer.Value
        : answer.Value;

    private static decimal GroupValue(InstrumentDefinition definition, ScoringGroup group, IReadOnlyList<ItemAnswer> answers, List<string>? lines)
    {
        var values = group.ItemNumbers.Select(number => ScoredValue(definition.Item(number), answers[number - 1])).ToList();
        if (group.Combination == GroupCombination.SingleItem)
        {
            return values[0];
        }

        var highest = values.Max();
        var shown = group.ItemNumbers.Select((number, index) =>
            answers[number - 1].State == AnswerState.NotRequired ? Invariant($"item {number} not answered, counts 0") : Invariant($"item {number} = {values[index]}"));
        lines?.Add(Invariant($"{group.Name} = highest of ({string.Join(", ", shown)}) = {highest}."));
        return highest;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
