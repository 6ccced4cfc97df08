using Stillpoint.Core.Common;
using Stillpoint.Web.Api;
using Stillpoint.Web.Auth;

namespace Stillpoint.Web.Responses;

internal static class ResponseEndpoints
{
    public static void MapResponseEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/patients/{id:guid}/responses").WithTags("Responses");
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.StaffOrPatient)
            .WithSummary("The patient's questionnaire responses, newest first, each with score, band, flags and a superseded marker.");
        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.StaffOrPatient)
            .WithSummary("Store a response (status complete or draft). Staff enter any instrument; a patient its own self-reports. "
                + "Bad answers: 400 naming answers[n] (item n, 1-based) and nothing stored.");
        group.MapGet("/{responseId:guid}", GetAsync).RequireAuthorization(Policies.StaffOrPatient)
            .WithSummary("One response with its answers and the explanation of its score.");
        group.MapPost("/{responseId:guid}/corrections", CorrectAsync).RequireAuthorization(Policies.Staff)
            .WithSummary("Correct a response: a new response supersedes it, with a reason; both are kept. Omitted fields keep the old values.");
        group.MapGet("/reliable-change", ReliableChangeAsync).RequireAuthorization(Policies.StaffOrPatient)
            .WithSummary("Jacobson–Truax reliable change between two complete responses of one instrument (default: first vs latest).");
    }

    private static async Task<IResult> ListAsync(Guid id, ResponseService responses, CancellationToken ct, string? instrument = null) =>
        (await responses.ListAsync(id, instrument, ct)).ToHttpResult(TypedResults.Ok);

    private static async Task<IResult> CreateAsync(Guid id, NewResponseRequest? body, ResponseService responses, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var input = ResponseService.FromRequest(body, errors);
        return (await responses.CreateAsync(id, input, errors, ct))
            .ToHttpResult(r => TypedResults.Created($"/api/v1/patients/{id}/responses/{r.Id}", r));
    }

    private static async Task<IResult> GetAsync(Guid id, Guid responseId, ResponseService responses, CancellationToken ct) =>
        (await responses.GetAsync(id, responseId, ct)).ToHttpResult(TypedResults.Ok);

    private static async Task<IResult> CorrectAsync(Guid id, Guid responseId, CorrectionRequest? body, ResponseService responses, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var input = ResponseService.FromRequest(body, errors);
        return (await responses.CorrectAsync(id, responseId, input, errors, ct))
            .ToHttpResult(r => TypedResults.Created($"/api/v1/patients/{id}/responses/{r.Id}", r));
    }

    private static async Task<IResult> ReliableChangeAsync(Guid id, ResponseService responses, CancellationToken ct, string? instrument = null, Guid? from = null, Guid? to = null) =>
        (await responses.ReliableChangeAsync(id, instrument, from, to, ct)).ToHttpResult(TypedResults.Ok);
}
