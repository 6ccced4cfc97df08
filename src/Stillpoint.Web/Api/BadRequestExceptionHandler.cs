using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Stillpoint.Web.Api;

/// <summary>
/// Turns a request the framework could not bind (malformed JSON, a wrong type) into a 400 ValidationProblem
/// naming the field, instead of an empty 400 or a 500.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var (field, reason) = Describe(badRequest);
        httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        var details = new HttpValidationProblemDetails(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [reason] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request could not be read.",
        };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }

    private static (string Field, string Reason) Describe(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException json)
        {
            var path = json.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : "body";
            return (path, $"Not a valid value for '{path}'.");
        }

        return ("request", exception.Message);
    }
}
