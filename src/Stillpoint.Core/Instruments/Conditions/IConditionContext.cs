namespace Stillpoint.Core.Instruments.Conditions;

/// <summary>What a condition can see: item answers, the total and the parameter values.</summary>
public interface IConditionContext
{
    /// <summary>The raw answer of an item; see <see cref="ItemAnswer"/> for skipped and missing items.</summary>
    ItemAnswer Answer(int itemNumber);

    /// <summary>The total, or null when it could not be computed.</summary>
    decimal? Total { get; }

    /// <summary>The value of a named parameter (the clinic's override or the default).</summary>
    decimal Parameter(string name);
}

/// <summary>The state of one item's answer.</summary>
public enum AnswerState
{
    /// <summary>Should have been answered (or may have been) but was not. First, so a default is never an answer.</summary>
    Missing,

    Answered,

    /// <summary>Not asked because of skip logic; counts as not endorsed.</summary>
    Skipped,

    /// <summary>One of an answer-one-of set whose other member was answered; counts as 0.</summary>
    NotRequired,
}

[System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Auto)]
public readonly record struct ItemAnswer(AnswerState State, int Value)
{
    public static ItemAnswer Missing { get; } = new(AnswerState.Missing, 0);

    public static ItemAnswer Skipped { get; } = new(AnswerState.Skipped, 0);

    public static ItemAnswer NotRequired { get; } = new(AnswerState.NotRequired, 0);

    public static ItemAnswer Of(int value) => new(AnswerState.Answered, value);
}
