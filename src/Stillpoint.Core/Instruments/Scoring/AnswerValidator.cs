using System.Globalization;
using Stillpoint.Core.Instruments.Conditions;
using Stillpoint.Core.Instruments.Definitions;

namespace Stillpoint.Core.Instruments.Scoring;

/// <summary>
/// Checks raw answers (one per item, in item order, null = no answer) against the definition and
/// turns them into answer states, applying skip logic and answer-one-of sets.
/// </summary>
internal static class AnswerValidator
{
    public static (ItemAnswer[] Answers, List<AnswerError> Errors) Validate(InstrumentDefinition definition, IReadOnlyList<int?> raw)
    {
        var errors = new List<AnswerError>();
        var answers = new ItemAnswer[definition.Items.Count];
        if (raw.Count != definition.Items.Count)
        {
            errors.Add(new AnswerError(null, string.Create(CultureInfo.InvariantCulture, $"{definition.Id} has {definition.Items.Count} items; expected {definition.Items.Count} answers in item order, got {raw.Count}.")));
            return (answers, errors);
        }

        var context = new AnswerContext(answers);
        foreach (var item in definition.Items)
        {
            var value = raw[item.Number - 1];
            answers[item.Number - 1] = Classify(item, value, context, errors);
        }

        ApplyAnswerOneOf(definition, answers);
        return (answers, errors);
    }

    private static ItemAnswer Classify(InstrumentItem item, int? value, AnswerContext context, List<AnswerError> errors)
    {
        if (value is { } given && !item.Scale.Accepts(given))
        {
            errors.Add(new AnswerError(item.Number, string.Create(CultureInfo.InvariantCulture, $"Item {item.Number} ({item.Label}): {given} is out of range; allowed values are {item.Scale.Describe()}.")));
            return ItemAnswer.Missing;
        }

        var asked = item.AskedWhen?.Evaluate(context) ?? Truth.True;
        if (asked == Truth.False)
        {
            if (value is not null)
            {
                errors.Add(new AnswerError(item.Number, $"Item {item.Number.ToString(CultureInfo.InvariantCulture)} ({item.Label}) is asked only when {item.AskedWhen!.Describe(context)}; with the earlier answers it is skipped, so leave its position empty."));
            }

            return ItemAnswer.Skipped;
        }

        return value is { } answered ? ItemAnswer.Of(answered) : ItemAnswer.Missing;
    }

    /// <summary>
    /// QIDS-SR16 asks for one of items 6/7 and one of 8/9 (clinical-reference §9): once a member of
    /// a set is answered, the unanswered members are not missing and count as 0 ([U] in §9).
    /// </summary>
    private static void ApplyAnswerOneOf(InstrumentDefinition definition, ItemAnswer[] answers)
    {
        foreach (var set in definition.Scoring.AnswerOneOf.Select(set => set.ItemNumbers))
        {
            if (!set.Any(number => answers[number - 1].State == AnswerState.Answered))
            {
                continue;
            }

            foreach (var number in set.Where(number => answers[number - 1].State == AnswerState.Missing))
            {
                answers[number - 1] = ItemAnswer.NotRequired;
            }
        }
    }

    /// <summary>Answers seen so far, for skip logic (which may only look back).</summary>
    private sealed class AnswerContext(ItemAnswer[] answers) : IConditionContext
    {
        public decimal? Total => null;

        public ItemAnswer Answer(int itemNumber) => answers[itemNumber - 1];

        public decimal Parameter(string name) =>
            throw new InvalidOperationException("Skip logic cannot use parameters.");
    }
}
