namespace Stillpoint.Core.Connectivity;

/// <summary>
/// Why an input or a set of options cannot be used. Line and column are 1-based and point into the
/// uploaded text when the problem is in a file, so a clinician can find and fix the value.
/// </summary>
public sealed record ConnectivityProblem(string Message, int? Line = null, int? Column = null)
{
    public override string ToString() => (Line, Column) switch
    {
        (int line, int column) => $"line {line}, column {column}: {Message}",
        (int line, null) => $"line {line}: {Message}",
        _ => Message,
    };
}

/// <summary>
/// Either a value or the problem that prevented it. Bad uploads are an expected outcome, not an
/// exception, so a web endpoint can map them to a validation response without try/catch.
/// </summary>
public sealed class ConnectivityOutcome<T>
    where T : class
{
    private ConnectivityOutcome(T? value, ConnectivityProblem? problem)
    {
        Value = value;
        Problem = problem;
    }

    public T? Value { get; }

    public ConnectivityProblem? Problem { get; }

    public bool IsSuccess => Problem is null;

    public static ConnectivityOutcome<T> Success(T value) => new(value, null);

    public static ConnectivityOutcome<T> Failure(ConnectivityProblem problem) => new(null, problem);

    public static ConnectivityOutcome<T> Failure(string message, int? line = null, int? column = null) =>
        new(null, new ConnectivityProblem(message, line, column));

    /// <summary>The value, or an exception carrying the problem; for callers that already validated.</summary>
    public T GetValueOrThrow() =>
        Value ?? throw new InvalidOperationException(Problem?.ToString() ?? "No value.");
}
