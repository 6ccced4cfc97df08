using Stillpoint.Web.Api;
using Stillpoint.Web.Auth;

namespace Stillpoint.Web.Dashboard;

internal static class DashboardEndpoints
{
    public static void MapDashboardEndpoints(this IEndpointRouteBuilder app)
    {
        var outcomes = app.MapGroup("/api/v1/outcomes").WithTags("Outcomes");
        outcomes.MapGet("/dashboard", GetDashboardAsync).RequireAuthorization(Policies.Staff)
            .WithSummary("Clinic dashboard: active patients, sessions this week, response and remission rates by indication and route, average change per measure, safety per 100 sessions, overdue follow-ups, each with its definition. Filters: from, to (yyyy-mm-dd), indication, route, clinician, instrument (default phq9).");
        outcomes.MapGet("/durability", GetDurabilityAsync).RequireAuthorization(Policies.Staff)
            .WithSummary("Durability of response: Kaplan–Meier curve of days from response to relapse (censored at the last measure while in response) with Greenwood 95 % bands, number at risk and median; groupBy = none, route, indication or inductionSessions. Same filters as the dashboard.");
    }

    private static async Task<IResult> GetDashboardAsync([AsParameters] OutcomeFilterInput filter, DashboardService service, CancellationToken ct) =>
        (await service.GetAsync(filter, ct)).ToHttpResult(TypedResults.Ok);

    private static async Task<IResult> GetDurabilityAsync([AsParameters] OutcomeFilterInput filter, DurabilityService service, CancellationToken ct) =>
        (await service.GetAsync(filter, ct)).ToHttpResult(TypedResults.Ok);
}
