using Stillpoint.Web.Api;
using Stillpoint.Web.Auth;

namespace Stillpoint.Web.FollowUp;

internal static class FollowUpEndpoints
{
    /// <summary>Schedules, templates, reminders and the portal's services — one line in WebSetup.</summary>
    public static void AddStillpointFollowUp(this IServiceCollection services)
    {
        services.AddScoped<ScheduleService>();
        services.AddScoped<TemplateService>();
        services.AddScoped<NotificationService>();
        services.AddScoped<Portal.PortalService>();
        services.AddSingleton<ReminderSweep>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderSweep>());
    }

    /// <summary>The follow-up API — one line in WebSetup.</summary>
    public static void MapFollowUpEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/patients/{id:guid}/follow-up/schedule", async (Guid id, ScheduleService schedules, CancellationToken ct) =>
                (await schedules.GetAsync(id, ct)).ToHttpResult(TypedResults.Ok))
            .RequireAuthorization(Policies.StaffOrPatient).WithTags("Follow-up")
            .WithSummary("The patient's measurement schedule now: each due item with its window (opens, due, overdue after, closes), status "
                + "(upcoming, due, overdue, missed, completed) and the completing response. Computed from the active plan, its sessions and responses.");
        var templates = app.MapGroup("/api/v1/follow-up/templates").WithTags("Follow-up");
        templates.MapGet("/", async (TemplateService t, CancellationToken ct) => TypedResults.Ok(await t.ListAsync(ct)))
            .RequireAuthorization(Policies.Staff).WithSummary("The schedule template in force for every scope (all plans, each indication): the clinic's own or the shipped default.");
        templates.MapGet("/{scope}", async (string scope, TemplateService t, CancellationToken ct) => (await t.GetAsync(scope, ct)).ToHttpResult(TypedResults.Ok))
            .RequireAuthorization(Policies.Staff).WithSummary("The template in force for one scope ('all' or an indication such as 'ptsd').");
        templates.MapPut("/{scope}", async (string scope, TemplateRequest? body, TemplateService t, CancellationToken ct) => (await t.SaveAsync(scope, body, ct)).ToHttpResult(TypedResults.Ok))
            .RequireAuthorization(Policies.ClinicAdmin).WithSummary("Replace the scope's template (rules with anchor and window offsets like -2h, 40m, 7d; triggers). "
                + "400 names each bad field; 409 when the version is stale (send 0 while the scope uses the default).");
        var portal = app.MapGroup("/api/v1/portal/notifications").WithTags("Portal");
        portal.MapGet("/", async (NotificationService n, CancellationToken ct) => (await n.ListAsync(ct)).ToHttpResult(TypedResults.Ok))
            .RequireAuthorization(Policies.PatientSelf).WithSummary("The signed-in patient's reminders (questionnaire due, session tomorrow), unread first.");
        portal.MapPost("/{id:guid}/read", async (Guid id, NotificationService n, CancellationToken ct) => (await n.MarkReadAsync(id, ct)).ToHttpResult(TypedResults.Ok))
            .RequireAuthorization(Policies.PatientSelf).WithSummary("Mark one of the signed-in patient's reminders read (repeating it changes nothing).");
    }
}
