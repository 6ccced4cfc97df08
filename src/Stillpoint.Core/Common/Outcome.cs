namespace Stillpoint.Core.Common;

/// <summary>Why an operation did not succeed. Expected failures are values, not exceptions.</summary>
public enum FailureKind
{
    Invalid,
    NotFound,
    Conflict,
    Forbidden,
}

/// <summary>The result of a use case: a value, or a failure with its explanation.</summary>
public sealed class Outcome<T>
{
    private Outcome(T? value, FailureKind? failure, string? message, ValidationErrors? errors)
    {
        Value = value;
        Failure = failure;
        Message = message;
        Errors = errors;
    }

    public T? Value { get; }

    public FailureKind? Failure { get; }

    public string? Message { get; }

    public ValidationErrors? Errors { get; }

    public bool Succeeded => Failure is null;

    public static Outcome<T> Ok(T value) => new(value, null, null, null);

    public static Outcome<T> Invalid(ValidationErrors errors) => new(default, FailureKind.Invalid, "One or more fields are invalid.", errors);

    public static Outcome<T> Invalid(string field, string message)
    {
        var errors = new ValidationErrors();
        errors.Add(field, message);
        return Invalid(errors);
    }

    public static Outcome<T> NotFound(string message = "Not found.") => new(default, FailureKind.NotFound, message, null);

    public static Outcome<T> Conflict(string message) => new(default, FailureKind.Conflict, message, null);

    public static Outcome<T> Forbidden(string message) => new(default, FailureKind.Forbidden, message, null);
}
