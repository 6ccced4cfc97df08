using Stillpoint.Web.Api;
using Stillpoint.Web.Auth;

namespace Stillpoint.Web.FollowUp;

internal static class FollowUpEndpoints
{
    /// <summary>Schedules, templates, reminders and the portal's services — one line in WebSetup.</summary>
    public static void AddStillpointFollowUp(this IServiceCollection services)
    {
        services.AddScoped<ScheduleService>();
    }

    /// <summary>The follow-up API — one line in WebSetup.</summary>
    public static void MapFollowUpEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/patients/{id:guid}/follow-up/schedule", async (Guid id, ScheduleService schedules, CancellationToken ct) =>
                (await schedules.GetAsync(id, ct)).ToHttpResult(TypedResults.Ok))
            .RequireAuthorization(Policies.StaffOrPatient).WithTags("Follow-up")
            .WithSummary("The patient's measurement schedule now: each due item with its window (opens, due, overdue after, closes), status "
                + "(upcoming, due, overdue, missed, completed) and the completing response. Computed from the active plan, its sessions and responses.");
    }
}
