using Stillpoint.Web.Api;
using Stillpoint.Web.Auth;

namespace Stillpoint.Web.Audit;

internal static class AuditEndpoints
{
    public static void MapAuditEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/audit", BrowseAsync)
            .RequireAuthorization(Policies.ClinicAdmin)
            .WithTags("Audit")
            .WithSummary("The clinic's audit trail, newest first, filtered by patient or user.");

    private static async Task<IResult> BrowseAsync(AuditLogService audit, CancellationToken ct, Guid? patientId = null, Guid? userId = null, int page = 1, int pageSize = 50) =>
        (await audit.BrowseAsync(patientId, userId, page, pageSize, ct)).ToHttpResult(TypedResults.Ok);
}
