using Stillpoint.Data.Access;
using Stillpoint.Web.Api;
using Stillpoint.Web.Auth;
using Stillpoint.Web.Boosters;
using Stillpoint.Web.Live;
using Stillpoint.Web.Responses;

namespace Stillpoint.Web.Alerts;

internal static class AlertEndpoints
{
    /// <summary>Registers alerts, their settings, the sweep, the response hook and boosters — one line in WebSetup.</summary>
    public static void AddStillpointAlerts(this IServiceCollection services)
    {
        services.AddScoped<AlertService>();
        services.AddScoped<AlertSettingsService>();
        services.AddScoped<BoosterService>();
        services.AddScoped<IResponseStoredHandler, ResponseAlertHandler>();
        services.AddSingleton<AlertSweep>();
        services.AddHostedService(sp => sp.GetRequiredService<AlertSweep>());
    }

    /// <summary>Maps the alert and booster APIs and the inbox's event stream — one line in WebSetup.</summary>
    public static void MapAlertEndpoints(this IEndpointRouteBuilder app)
    {
        var alerts = app.MapGroup("/api/v1/alerts").WithTags("Alerts");
        alerts.MapGet("/", async (AlertService s, CancellationToken ct, string? state = null, string? severity = null, string? kind = null, Guid? patientId = null) =>
                (await s.ListAsync(new AlertFilter(state, severity, kind, patientId), ct)).ToHttpResult(TypedResults.Ok))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("The clinic's alert inbox: suicide risk first, then by severity, newest first (at most 200). Filters: state (active, open, acknowledged, resolved), severity, kind, patientId.");
        alerts.MapPost("/{id:guid}/acknowledge", async (Guid id, AlertActionRequest body, AlertService s, CancellationToken ct) =>
                (await s.AcknowledgeAsync(id, body, ct)).ToHttpResult(TypedResults.Ok))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Acknowledge an open alert (optional note). Send the version you saw: a stale one answers 409.");
        alerts.MapPost("/{id:guid}/resolve", async (Guid id, AlertActionRequest body, AlertService s, CancellationToken ct) =>
                (await s.ResolveAsync(id, body, ct)).ToHttpResult(TypedResults.Ok))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Resolve an alert with the action taken (note required). Send the version you saw: a stale one answers 409.");
        alerts.MapGet("/settings", async (AlertSettingsService s, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(ct)))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("The clinic's alert timings (minutes) and booster rule settings; version 0 = defaults never saved.");
        alerts.MapPut("/settings", async (AlertSettingsRequest body, AlertSettingsService s, CancellationToken ct) =>
                (await s.UpdateAsync(body, ct)).ToHttpResult(TypedResults.Ok))
            .RequireAuthorization(Policies.ClinicAdmin)
            .WithSummary("Change the clinic's alert and booster settings (clinic admin). Send the version you saw: a stale one answers 409.");

        var boosters = app.MapGroup("/api/v1/boosters").WithTags("Boosters");
        boosters.MapGet("/", async (BoosterService s, CancellationToken ct, string? state = null, Guid? patientId = null) =>
                (await s.ListAsync(state, patientId, ct)).ToHttpResult(TypedResults.Ok))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Booster suggestions with their evidence (state open, accepted, dismissed; patientId).");
        boosters.MapPost("/{id:guid}/accept", async (Guid id, BoosterDecisionRequest body, BoosterService s, CancellationToken ct) =>
                (await s.AcceptAsync(id, body, ct)).ToHttpResult(TypedResults.Ok))
            .RequireAuthorization(Policies.Prescribers)
            .WithSummary("Accept: revises the patient's active (or draft) plan with one more session and the reason. 409 when there is no revisable plan or the version is stale.");
        boosters.MapPost("/{id:guid}/dismiss", async (Guid id, BoosterDecisionRequest body, BoosterService s, CancellationToken ct) =>
                (await s.DismissAsync(id, body, ct)).ToHttpResult(TypedResults.Ok))
            .RequireAuthorization(Policies.Prescribers)
            .WithSummary("Dismiss with a reason; the same evidence is not suggested again.");

        app.MapGet("/live/alerts", StreamAsync).RequireAuthorization(Policies.Staff).ExcludeFromDescription();
    }

    /// <summary>Server-sent events of the clinic's alert changes (any node): the inbox reloads its list on each.</summary>
    private static async Task StreamAsync(HttpContext http, ClinicEvents events, ICallerContext caller, IHostApplicationLifetime lifetime)
    {
        if (caller.ClinicId is not { } clinic || caller.PatientId is not null)
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        await ClinicEventStream.RunAsync(http, events, clinic, ClinicTopics.Alerts, lifetime);
    }
}
