using Stillpoint.Web.Api;
using Stillpoint.Web.Auth;

namespace Stillpoint.Web.Outcomes;

internal static class OutcomeEndpoints
{
    public static void MapPatientOutcomeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/patients/{id:guid}/outcomes").WithTags("Outcomes")
            .MapGet("/", GetAsync).RequireAuthorization(Policies.Staff)
            .WithSummary("A patient's outcome figures: per instrument the trajectory, baseline, latest and change labels (reliable change, response, remission, relapse) with their rules; dosed and booster sessions; BSRI pre-dose vs post-dose per session. Audited.");
    }

    private static async Task<IResult> GetAsync(Guid id, PatientOutcomeService outcomes, CancellationToken ct) =>
        (await outcomes.GetAsync(id, ct)).ToHttpResult(TypedResults.Ok);
}
