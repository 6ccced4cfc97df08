using Stillpoint.Core.Common;

namespace Stillpoint.Web.Api;

/// <summary>The single mapping from a use-case outcome to an HTTP answer (RFC 9457 ProblemDetails on failure).</summary>
internal static class OutcomeResults
{
    public static IResult ToHttpResult<T>(this Outcome<T> outcome, Func<T, IResult> onSuccess)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(onSuccess);
        return outcome.Failure switch
        {
            null => onSuccess(outcome.Value!),
            FailureKind.Invalid => TypedResults.ValidationProblem(outcome.Errors!.ToDictionary(), detail: outcome.Message),
            FailureKind.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: outcome.Message),
            FailureKind.Conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: outcome.Message),
            FailureKind.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: outcome.Message),
            _ => throw new InvalidOperationException($"Unknown failure kind {outcome.Failure}."),
        };
    }
}
