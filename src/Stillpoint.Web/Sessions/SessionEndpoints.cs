using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Stillpoint.Core.Common;
using Stillpoint.Core.Sessions;
using Stillpoint.Data.Access;
using Stillpoint.Web.Api;
using Stillpoint.Web.Auth;
using Stillpoint.Web.Ledger;
using Stillpoint.Web.Live;

namespace Stillpoint.Web.Sessions;

internal static class SessionEndpoints
{
    public const int MaxBatchReadings = 500;
    public const int MaxKeyLength = 200;

    /// <summary>Registers the sessions feature (services, rules, writer) — one line in WebSetup.</summary>
    public static void AddStillpointSessions(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SessionRules>(configuration.GetSection("Sessions:Rules"));
        services.AddSingleton<VitalsWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<VitalsWriter>());
        services.AddSingleton<Data.Database.SqliteCheckpointer>();
        services.AddHostedService<WalCheckpointService>();
        services.AddSingleton<OverdueAlertService>();
        services.AddHostedService(sp => sp.GetRequiredService<OverdueAlertService>());
        services.AddScoped<SessionService>();
        services.AddScoped<Pages.SessionPageData>();
        services.AddScoped<LedgerService>();
    }

    /// <summary>Maps the sessions API, the ledger API and the monitor's event stream — one line in WebSetup.</summary>
    public static void MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        var patients = app.MapGroup("/api/v1/patients/{id:guid}/sessions").WithTags("Sessions");
        patients.MapPost("/", async (Guid id, ScheduleRequest body, SessionService s, CancellationToken ct) =>
                (await s.ScheduleAsync(id, body, ct)).ToHttpResult(x => TypedResults.Created($"/api/v1/sessions/{x.Id}", x)))
            .RequireAuthorization(Policies.SessionRecorders).WithSummary("Schedule a dosing session. Refused (409) with every missing prerequisite (eligibility, consent, active plan); records the active plan's revision, computed dose and weight used.");
        patients.MapGet("/", async (Guid id, SessionService s, CancellationToken ct) => (await s.ListForPatientAsync(id, ct)).ToHttpResult(TypedResults.Ok))
            .RequireAuthorization(Policies.Staff).WithSummary("The patient's sessions, newest first.");

        var g = app.MapGroup("/api/v1/sessions").WithTags("Sessions");
        g.MapGet("/in-progress", async (SessionService s, CancellationToken ct) => TypedResults.Ok(await s.MonitorAsync(ct)))
            .RequireAuthorization(Policies.Staff).WithSummary("Nurse station: every session in progress with phase, elapsed time, last vitals, overdue checks and open alerts.");
        g.MapGet("/{id:guid}", async (Guid id, SessionService s, CancellationToken ct) => (await s.GetAsync(id, ct)).ToHttpResult(TypedResults.Ok))
            .RequireAuthorization(Policies.Staff).WithSummary("A session with its timeline, scheduled checks, open alerts and (in integration) unmet discharge criteria.");
        g.MapPost("/{id:guid}/transitions", async (Guid id, TransitionRequest body, SessionService s, CancellationToken ct) =>
                (await s.TransitionAsync(id, body, ct)).ToHttpResult(TypedResults.Ok))
            .RequireAuthorization(Policies.SessionRecorders).WithSummary("Move the session to its next phase, or Aborted with a reason. Refused: 409 with the reason.");
        g.MapPut("/{id:guid}/preparation", async (Guid id, PreparationRequest body, SessionService s, CancellationToken ct) =>
                (await s.UpdatePreparationAsync(id, body, ct)).ToHttpResult(TypedResults.Ok))
            .RequireAuthorization(Policies.SessionRecorders).WithSummary("Intention and checklist. Send the version you edited; a stale version answers 409.");
        g.MapPost("/{id:guid}/go-no-go", async (Guid id, GoNoGoRequest body, SessionService s, CancellationToken ct) =>
                (await s.CheckGoNoGoAsync(id, body, ct)).ToHttpResult(TypedResults.Ok))
            .RequireAuthorization(Policies.SessionRecorders).WithSummary("Run the go/no-go rules; a prescriber may override a no-go with overrideReason. Lists every rule that fired.");
        g.MapPost("/{id:guid}/administrations", async (Guid id, AdministrationRequest body, SessionService s, CancellationToken ct) =>
                (await s.RecordAdministrationAsync(id, body, ct)).ToHttpResult(x => TypedResults.Created($"/api/v1/sessions/{id}", x)))
            .RequireAuthorization(Policies.SessionRecorders).WithSummary("Record an administration (dispenses it from the lot in the ledger in the same transaction).");
        g.MapPost("/{id:guid}/administrations/{entryId:guid}/end", async (Guid id, Guid entryId, AdministrationEndRequest body, SessionService s, CancellationToken ct) =>
                (await s.EndAdministrationAsync(id, entryId, body, ct)).ToHttpResult(x => TypedResults.Created($"/api/v1/sessions/{id}", x)))
            .RequireAuthorization(Policies.SessionRecorders).WithSummary("Record the end time of an administration (e.g. an IV infusion).");
        g.MapPost("/{id:guid}/vitals", PostVitalsAsync)
            .RequireAuthorization(Policies.SessionRecorders).WithSummary("Device/nurse vitals (one). Idempotency-Key header required; 201 only once committed; a retry returns the original answer.");
        g.MapPost("/{id:guid}/vitals/batch", PostVitalsBatchAsync)
            .RequireAuthorization(Policies.SessionRecorders).WithSummary($"Device vitals (up to {MaxBatchReadings} readings) with one Idempotency-Key; all or nothing.");
        g.MapPost("/{id:guid}/ratings", async (Guid id, RatingRequest body, SessionService s, CancellationToken ct) =>
                (await s.RecordRatingAsync(id, body, ct)).ToHttpResult(x => TypedResults.Created($"/api/v1/sessions/{id}", x)))
            .RequireAuthorization(Policies.SessionRecorders).WithSummary("MOAA/S and/or CADSS-6 rating; MOAA/S is evaluated by the safety rules.");
        g.MapPost("/{id:guid}/observations", async (Guid id, ObservationRequest body, SessionService s, CancellationToken ct) =>
                (await s.RecordObservationAsync(id, body, ct)).ToHttpResult(x => TypedResults.Created($"/api/v1/sessions/{id}", x)))
            .RequireAuthorization(Policies.SessionNoteTakers).WithSummary("Emotional-state observation (chosen list plus free text).");
        g.MapPost("/{id:guid}/notes", async (Guid id, NoteRequest body, SessionService s, CancellationToken ct) =>
                (await s.RecordNoteAsync(id, body, ct)).ToHttpResult(x => TypedResults.Created($"/api/v1/sessions/{id}", x)))
            .RequireAuthorization(Policies.SessionNoteTakers).WithSummary("Therapist note, the patient's first reflection, or intention note.");
        g.MapPost("/{id:guid}/adverse-events", async (Guid id, AdverseEventRequest body, SessionService s, CancellationToken ct) =>
                (await s.RecordAdverseEventAsync(id, body, ct)).ToHttpResult(x => TypedResults.Created($"/api/v1/sessions/{id}", x)))
            .RequireAuthorization(Policies.SessionRecorders).WithSummary("Adverse event: type, severity, action taken, outcome.");
        g.MapPost("/{id:guid}/alerts/{alertId:guid}/acknowledge", async (Guid id, Guid alertId, AcknowledgeRequest body, SessionService s, CancellationToken ct) =>
                (await s.AcknowledgeAsync(id, alertId, body, ct)).ToHttpResult(x => TypedResults.Created($"/api/v1/sessions/{id}", x)))
            .RequireAuthorization(Policies.SessionRecorders).WithSummary("Acknowledge an alert: records who, when and the action taken.");
        g.MapGet("/{id:guid}/discharge", async (Guid id, SessionService s, CancellationToken ct) => (await s.EvaluateDischargeAsync(id, ct)).ToHttpResult(TypedResults.Ok))
            .RequireAuthorization(Policies.Staff).WithSummary("Evaluate the discharge criteria: every unmet criterion.");
        g.MapPost("/{id:guid}/discharge-score", async (Guid id, DischargeScoreRequest body, SessionService s, CancellationToken ct) =>
                (await s.RecordDischargeScoreAsync(id, body, ct)).ToHttpResult(x => TypedResults.Created($"/api/v1/sessions/{id}", x)))
            .RequireAuthorization(Policies.SessionRecorders).WithSummary("PADSS or modified Aldrete item scores (5 × 0–2).");
        g.MapPost("/{id:guid}/discharge", async (Guid id, SessionService s, CancellationToken ct) =>
                (await s.TransitionAsync(id, new TransitionRequest(SessionPhase.Discharged, null), ct)).ToHttpResult(TypedResults.Ok))
            .RequireAuthorization(Policies.SessionRecorders).WithSummary("Discharge. Refused (409) with every unmet criterion.");

        app.MapLedgerEndpoints();

        // Outside /api/v1 and the OpenAPI document: a never-ending stream is not an API operation.
        app.MapGet("/live/sessions", StreamAsync).RequireAuthorization(Policies.Staff).ExcludeFromDescription();
    }

    private static async Task<IResult> PostVitalsAsync(
        Guid id, VitalsRequest body, [FromHeader(Name = "Idempotency-Key")] string? key, HttpContext http, VitalsWriter writer, TimeProvider time) =>
        await SubmitAsync(id, [body], key, "single", body, http, writer, time);

    private static async Task<IResult> PostVitalsBatchAsync(
        Guid id, VitalsBatchRequest body, [FromHeader(Name = "Idempotency-Key")] string? key, HttpContext http, VitalsWriter writer, TimeProvider time)
    {
        if (body.Readings is not { Count: > 0 and <= MaxBatchReadings })
        {
            return Invalid("readings", $"Send 1 to {MaxBatchReadings} readings.");
        }

        return await SubmitAsync(id, body.Readings, key, "batch", body, http, writer, time);
    }

    private static async Task<IResult> SubmitAsync(
        Guid id, IReadOnlyList<VitalsRequest> readings, string? key, string form, object body, HttpContext http, VitalsWriter writer, TimeProvider time)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(key) || key.Length > MaxKeyLength)
        {
            errors.Add("Idempotency-Key", $"Send an Idempotency-Key header (1–{MaxKeyLength} characters) so a retry is never stored twice.");
        }

        var now = time.GetUtcNow();
        var parsed = new List<VitalSigns>(readings.Count);
        for (var i = 0; i < readings.Count; i++)
        {
            var r = readings[i];
            var prefix = form == "batch" ? $"readings[{i}]." : string.Empty;
            var vitals = new VitalSigns((r.TakenAt ?? now).ToUniversalTime(), r.Systolic, r.Diastolic, r.HeartRate, r.SpO2, r.RespiratoryRate);
            foreach (var (field, messages) in vitals.Validate(prefix).ToDictionary())
            {
                foreach (var m in messages)
                {
                    errors.Add(field, m);
                }
            }

            // A device clock a little ahead is tolerated; a reading from the future is a clock fault.
            if (vitals.TakenAt > now.AddMinutes(2))
            {
                errors.Add(prefix + "takenAt", "This time is in the future.");
            }

            parsed.Add(vitals);
        }

        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), detail: "One or more fields are invalid.");
        }

        var user = http.User;
        var clinic = Guid.Parse(user.FindFirstValue(StillpointClaims.Clinic)!);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{form}|{id}|{JsonSerializer.Serialize(body, VitalsWriter.Json)}")));
        var write = new VitalsWrite(
            clinic, Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var uid) ? uid : null, user.FindFirstValue(ClaimTypes.Role),
            http.TraceIdentifier, id, parsed, key!, hash, http.User.IsInRole(Core.Access.Roles.Nurse) && http.Request.HasFormContentType ? "staff" : "device");
        var answer = await writer.SubmitAsync(write);
        if (answer.Json is not null)
        {
            if (answer.Replayed)
            {
                http.Response.Headers["Idempotency-Replayed"] = "true";
            }

            return TypedResults.Text(answer.Json, "application/json", Encoding.UTF8, answer.StatusCode);
        }

        return TypedResults.Problem(statusCode: answer.StatusCode, detail: answer.Problem);
    }

    private static ValidationProblem Invalid(string field, string message)
    {
        var errors = new ValidationErrors();
        errors.Add(field, message);
        return TypedResults.ValidationProblem(errors.ToDictionary(), detail: "One or more fields are invalid.");
    }

    /// <summary>
    /// Server-sent events: "changed" with the session id whenever a session of the caller's clinic changes (on any
    /// node), and a "tick" every 15 s. Staff only (policy), the caller's clinic only.
    /// </summary>
    private static async Task StreamAsync(HttpContext http, ClinicEvents events, ICallerContext caller, IHostApplicationLifetime lifetime)
    {
        if (caller.ClinicId is not { } clinic)
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        await ClinicEventStream.RunAsync(http, events, clinic, ClinicTopics.Sessions, lifetime);
    }
}
