using static System.FormattableString;

namespace Stillpoint.Core.Instruments.Conditions;

/// <summary>
/// A rule over answers, used for flags, skip logic, risk levels and provisional-diagnosis rules.
/// Evaluation is three-valued: a missing answer makes a rule <see cref="Truth.Unknown"/> unless
/// the answers already present decide it.
/// </summary>
public abstract record Condition
{
    public abstract Truth Evaluate(IConditionContext context);

    /// <summary>Item numbers the condition reads, for load-time validation.</summary>
    public abstract IEnumerable<int> ReferencedItems();

    /// <summary>The rule in words, for explanations and messages, e.g. "item 9 ≥ 1".</summary>
    public abstract string Describe(IConditionContext context);

    /// <summary>Parameter names the condition reads, for load-time validation.</summary>
    public virtual IEnumerable<string> ReferencedParameters() => [];
}

/// <summary>The item's raw answer is at least the threshold. Skipped items are not endorsed.</summary>
public sealed record ItemAtLeast(int ItemNumber, int Threshold) : Condition
{
    public override Truth Evaluate(IConditionContext context)
    {
        var answer = context.Answer(ItemNumber);
        return answer.State == AnswerState.Missing ? Truth.Unknown : TruthLogic.From(answer.State != AnswerState.Skipped && answer.Value >= Threshold);
    }

    public override string Describe(IConditionContext context) => Invariant($"item {ItemNumber} ≥ {Threshold}");

    public override IEnumerable<int> ReferencedItems() => [ItemNumber];
}

/// <summary>The item's raw answer equals the value. Skipped items equal nothing.</summary>
public sealed record ItemEquals(int ItemNumber, int Value) : Condition
{
    public override Truth Evaluate(IConditionContext context)
    {
        var answer = context.Answer(ItemNumber);
        return answer.State == AnswerState.Missing ? Truth.Unknown : TruthLogic.From(answer.State != AnswerState.Skipped && answer.Value == Value);
    }

    public override string Describe(IConditionContext context) => Invariant($"item {ItemNumber} = {Value}");

    public override IEnumerable<int> ReferencedItems() => [ItemNumber];
}

/// <summary>The item should have been answered and was not (fail-closed flags on safety items).</summary>
public sealed record ItemUnanswered(int ItemNumber) : Condition
{
    public override Truth Evaluate(IConditionContext context) =>
        TruthLogic.From(context.Answer(ItemNumber).State == AnswerState.Missing);

    public override string Describe(IConditionContext context) => Invariant($"item {ItemNumber} unanswered");

    public override IEnumerable<int> ReferencedItems() => [ItemNumber];
}

/// <summary>The total is at least the threshold; unknown while the total is null.</summary>
public sealed record TotalAtLeast(Threshold Threshold) : Condition
{
    public override Truth Evaluate(IConditionContext context) =>
        context.Total is { } total ? TruthLogic.From(total >= Threshold.Resolve(context)) : Truth.Unknown;

    public override string Describe(IConditionContext context) => $"total ≥ {Threshold.Describe(context)}";

    public override IEnumerable<int> ReferencedItems() => [];

    public override IEnumerable<string> ReferencedParameters() =>
        Threshold.ParameterName is { } name ? [name] : [];
}

/// <summary>
/// At least <see cref="MinCount"/> of the items have a raw answer of at least
/// <see cref="ValueAtLeast"/> (e.g. PCL-5 "items rated 2 or more").
/// </summary>
public sealed record CountAtLeast(IReadOnlyList<int> ItemNumbers, int ValueAtLeast, int MinCount) : Condition
{
    public override Truth Evaluate(IConditionContext context)
    {
        var endorsed = 0;
        var unknown = 0;
        foreach (var number in ItemNumbers)
        {
            var answer = context.Answer(number);
            if (answer.State == AnswerState.Missing)
            {
                unknown++;
            }
            else if (answer.State != AnswerState.Skipped && answer.Value >= ValueAtLeast)
            {
                endorsed++;
            }
        }

        if (endorsed >= MinCount)
        {
            return Truth.True;
        }

        return endorsed + unknown >= MinCount ? Truth.Unknown : Truth.False;
    }

    public override string Describe(IConditionContext context) =>
        Invariant($"at least {MinCount} of items {string.Join(", ", ItemNumbers)} rated ≥ {ValueAtLeast}");

    public override IEnumerable<int> ReferencedItems() => ItemNumbers;
}

public sealed record AllOf(IReadOnlyList<Condition> Parts) : Condition
{
    public override Truth Evaluate(IConditionContext context) => TruthLogic.All(Parts.Select(part => part.Evaluate(context)));

    public override string Describe(IConditionContext context) => "(" + string.Join(" and ", Parts.Select(part => part.Describe(context))) + ")";

    public override IEnumerable<int> ReferencedItems() => Parts.SelectMany(part => part.ReferencedItems());

    public override IEnumerable<string> ReferencedParameters() => Parts.SelectMany(part => part.ReferencedParameters());
}

public sealed record AnyOf(IReadOnlyList<Condition> Parts) : Condition
{
    public override Truth Evaluate(IConditionContext context) => TruthLogic.Any(Parts.Select(part => part.Evaluate(context)));

    public override string Describe(IConditionContext context) => "(" + string.Join(" or ", Parts.Select(part => part.Describe(context))) + ")";

    public override IEnumerable<int> ReferencedItems() => Parts.SelectMany(part => part.ReferencedItems());

    public override IEnumerable<string> ReferencedParameters() => Parts.SelectMany(part => part.ReferencedParameters());
}
