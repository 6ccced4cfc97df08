using System.Globalization;
using Stillpoint.Core.Instruments.Conditions;
using Stillpoint.Core.Instruments.Definitions;

namespace Stillpoint.Core.Instruments.Parsing;

/// <summary>
/// Checks that the parts of a parsed definition fit together (every item scored once, bands
/// contiguous over the whole range, rules naming real items). Each failure names its field.
/// </summary>
internal static class DefinitionConsistency
{
    public static void Check(JsonField root, InstrumentDefinition definition)
    {
        var expectedId = Path.GetFileNameWithoutExtension(root.FileName);
        if (!string.Equals(definition.Id, expectedId, StringComparison.Ordinal))
        {
            throw root.Required("id").Error($"'{definition.Id}' must match the file name '{expectedId}'");
        }

        CheckItems(root, definition);
        CheckScoring(root, definition);
        CheckSubscales(root, definition);
        CheckBands(root, definition);
        CheckFlags(root, definition);
        CheckParameters(root, definition);
        CheckReliableChange(root, definition);
        CheckOutcomeRules(root, definition);
    }

    private static void CheckItems(JsonField root, InstrumentDefinition definition)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in definition.Items)
        {
            var field = root.Array("items")[item.Number - 1];
            if (!ids.Add(item.Id))
            {
                throw field.Required("id").Error($"'{item.Id}' is used by an earlier item");
            }

            // Skip logic may only look back: an answer cannot depend on a later one.
            if (item.AskedWhen is { } asked
                && (asked.ReferencedItems().Any(number => number < 1 || number >= item.Number) || asked.ReferencedParameters().Any()))
            {
                throw field.Required("askedWhen").Error("may only refer to earlier items (and no parameters)");
            }
        }
    }

    private static void CheckScoring(JsonField root, InstrumentDefinition definition)
    {
        var scoring = root.Required("scoring");
        var rules = definition.Scoring;
        if (rules.Method == ScoringMethod.HighestRiskLevel)
        {
            CheckRiskLevels(root, scoring, definition);
            return;
        }

        var seen = new HashSet<int>();

        // Groups the parser made by default (one per item) have no field of their own.
        var groupFields = scoring.OptionalArray("groups");
        for (var index = 0; index < rules.Groups.Count; index++)
        {
            var group = rules.Groups[index];
            var field = groupFields.Count > index ? groupFields[index].Required("items") : scoring;
            CheckItemNumbers(field, definition, group.ItemNumbers);
            if (group.Combination == GroupCombination.SingleItem && group.ItemNumbers.Count != 1)
            {
                throw field.Error("a 'single' group has exactly one item");
            }

            if (group.ItemNumbers.Any(number => !seen.Add(number)))
            {
                throw field.Error("an item may be in only one scoring group");
            }
        }

        if (seen.Count != definition.Items.Count)
        {
            throw scoring.Error("the scoring groups must cover every item");
        }

        for (var index = 0; index < rules.AnswerOneOf.Count; index++)
        {
            var set = rules.AnswerOneOf[index].ItemNumbers;
            var field = scoring.Array("answerOneOf")[index].Required("items");
            CheckItemNumbers(field, definition, set);
            if (set.Count < 2 || !rules.Groups.Any(group => group.Combination == GroupCombination.Max && set.All(group.ItemNumbers.Contains)))
            {
                throw field.Error("a set needs two or more items inside one 'max' group");
            }
        }

        if (rules.MissingItems.Policy == MissingItemPolicy.Prorate)
        {
            var maxMissing = scoring.Required("missingItems").Required("maxMissing");
            if (rules.MissingItems.MaxMissing < 1 || rules.MissingItems.MaxMissing >= definition.Items.Count)
            {
                throw maxMissing.Error("must be at least 1 and fewer than the number of items");
            }

            if (rules.Groups.Any(group => group.Combination != GroupCombination.SingleItem) || rules.AnswerOneOf.Count > 0)
            {
                throw maxMissing.Error("prorating applies only to a plain sum of items");
            }
        }

        if (rules.RiskLevels.Count > 0)
        {
            throw scoring.Required("riskLevels").Error("only the 'highest-risk-level' method has risk levels");
        }
    }

    private static void CheckRiskLevels(JsonField root, JsonField scoring, InstrumentDefinition definition)
    {
        var levels = scoring.Array("riskLevels");
        if (levels.Count == 0)
        {
            throw scoring.Required("riskLevels").Error("must list at least one level");
        }

        for (var index = 0; index < levels.Count; index++)
        {
            CheckCondition(levels[index].Required("when"), definition, definition.Scoring.RiskLevels[index].When);
        }

        if (definition.SeverityBands.Count > 0)
        {
            throw root.Required("severityBands").Error("a risk-level instrument reports its level, not bands");
        }
    }

    private static void CheckSubscales(JsonField root, InstrumentDefinition definition)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < definition.Subscales.Count; index++)
        {
            var subscale = definition.Subscales[index];
            var field = root.Array("subscales")[index];
            if (!names.Add(subscale.Name))
            {
                throw field.Required("name").Error($"'{subscale.Name}' is used by an earlier subscale");
            }

            CheckItemNumbers(field.Required("items"), definition, subscale.ItemNumbers);
            if (subscale.ItemNumbers.Count == 0 || subscale.ItemNumbers.Distinct().Count() != subscale.ItemNumbers.Count)
            {
                throw field.Required("items").Error("must list distinct items");
            }
        }
    }

    private static void CheckBands(JsonField root, InstrumentDefinition definition)
    {
        var bands = definition.SeverityBands;
        if (bands.Count == 0)
        {
            return;
        }

        var range = TotalRange.Of(definition);
        var expectedMin = range.Min;
        for (var index = 0; index < bands.Count; index++)
        {
            var field = root.Array("severityBands")[index];
            if (bands[index].Min != expectedMin)
            {
                throw field.Required("min").Error(string.Create(CultureInfo.InvariantCulture, $"bands must be contiguous from the lowest total; expected {expectedMin}"));
            }

            if (bands[index].Max < bands[index].Min)
            {
                throw field.Required("max").Error("must not be below 'min'");
            }

            expectedMin = bands[index].Max + 1;
        }

        if (bands[^1].Max != range.Max)
        {
            throw root.Array("severityBands")[bands.Count - 1].Required("max").Error(string.Create(CultureInfo.InvariantCulture, $"the last band must end at the highest total, {range.Max}"));
        }
    }

    private static void CheckFlags(JsonField root, InstrumentDefinition definition)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < definition.Flags.Count; index++)
        {
            var field = root.Array("flags")[index];
            if (!names.Add(definition.Flags[index].Name))
            {
                throw field.Required("name").Error($"'{definition.Flags[index].Name}' is used by an earlier flag");
            }

            CheckCondition(field.Required("when"), definition, definition.Flags[index].When);
        }
    }

    private static void CheckParameters(JsonField root, InstrumentDefinition definition)
    {
        for (var index = 0; index < definition.Parameters.Count; index++)
        {
            var parameter = definition.Parameters[index];
            if (parameter.Default < parameter.Min || parameter.Default > parameter.Max)
            {
                throw root.Array("parameters")[index].Required("default").Error("must lie between 'min' and 'max'");
            }

            if (definition.Parameters.Take(index).Any(other => string.Equals(other.Name, parameter.Name, StringComparison.Ordinal)))
            {
                throw root.Array("parameters")[index].Required("name").Error("is used by an earlier parameter");
            }
        }
    }

    private static void CheckReliableChange(JsonField root, InstrumentDefinition definition)
    {
        if (definition.ReliableChange.StandardDeviation is { Value: <= 0 })
        {
            throw root.Required("reliableChange").Required("standardDeviation").Required("value").Error("must be above 0");
        }

        if (definition.ReliableChange.Reliability is { Value: <= 0 or >= 1 })
        {
            throw root.Required("reliableChange").Required("reliability").Required("value").Error("must lie between 0 and 1 (exclusive)");
        }
    }

    private static void CheckOutcomeRules(JsonField root, InstrumentDefinition definition)
    {
        for (var index = 0; index < definition.OutcomeRules.Count; index++)
        {
            var rule = definition.OutcomeRules[index];
            if (rule.Value < 0 || (rule.Kind == OutcomeRuleKind.PercentDrop && rule.Value > 100))
            {
                throw root.Array("outcomeRules")[index].Required("value").Error("is out of range for this kind of rule");
            }
        }
    }

    private static void CheckCondition(JsonField field, InstrumentDefinition definition, Condition condition)
    {
        CheckItemNumbers(field, definition, condition.ReferencedItems());
        var unknown = condition.ReferencedParameters()
            .FirstOrDefault(name => !definition.Parameters.Any(parameter => string.Equals(parameter.Name, name, StringComparison.Ordinal)));
        if (unknown is not null)
        {
            throw field.Error($"refers to parameter '{unknown}', which 'parameters' does not declare");
        }
    }

    private static void CheckItemNumbers(JsonField field, InstrumentDefinition definition, IEnumerable<int> numbers)
    {
        var outside = numbers.Where(number => number < 1 || number > definition.Items.Count).ToList();
        if (outside.Count > 0)
        {
            throw field.Error(string.Create(CultureInfo.InvariantCulture, $"refers to item {outside[0]}, but items run 1–{definition.Items.Count}"));
        }
    }
}
