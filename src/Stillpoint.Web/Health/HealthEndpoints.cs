using Stillpoint.Data;

namespace Stillpoint.Web.Health;

internal static class HealthEndpoints
{
    public sealed record HealthReport(string Status, string Database);

    public static void MapHealthEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", CheckAsync).AllowAnonymous().WithTags("Health").WithSummary("200 when the server and its database answer.");

    private static async Task<IResult> CheckAsync(StillpointDbContext db, CancellationToken ct)
    {
        var reachable = await db.Database.CanConnectAsync(ct);
        return reachable
            ? TypedResults.Ok(new HealthReport("healthy", "reachable"))
            : TypedResults.Json(new HealthReport("unhealthy", "unreachable"), statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
