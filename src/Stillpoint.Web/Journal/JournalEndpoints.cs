using Stillpoint.Web.Api;
using Stillpoint.Web.Auth;

namespace Stillpoint.Web.Journal;

internal static class JournalEndpoints
{
    public static void MapJournalEndpoints(this IEndpointRouteBuilder app)
    {
        MapPortal(app.MapGroup("/api/v1/portal/journal").WithTags("Journal").RequireAuthorization(Policies.PatientSelf));
        MapCareTeam(app.MapGroup("/api/v1/patients/{id:guid}").WithTags("Journal"));
        var prompts = app.MapGroup("/api/v1/journal-prompts").WithTags("Journal");
        prompts.MapGet("/", GetPromptsAsync).RequireAuthorization(Policies.StaffOrPatient)
            .WithSummary("The clinic's journal prompt sets (its own wording, or the defaults until an admin saves some).");
        prompts.MapPut("/", PutPromptsAsync).RequireAuthorization(Policies.ClinicAdmin)
            .WithSummary("Edit the clinic's three journal prompts. Send the version you edited (0 while defaults); stale answers 409.");
    }

    private static void MapPortal(RouteGroupBuilder group)
    {
        group.MapGet("/", async (JournalService journal, CancellationToken ct) => (await journal.ListOwnAsync(ct)).ToHttpResult(TypedResults.Ok))
            .WithSummary("The signed-in patient's own journal entries, newest first.");
        group.MapPost("/", async (NewJournalEntryRequest body, JournalService journal, CancellationToken ct) =>
                (await journal.CreateAsync(body, ct)).ToHttpResult(e => TypedResults.Created($"/api/v1/portal/journal/{e.Id}", e)))
            .WithSummary("Write an entry (kind intention, evening-after, week-after or free). Not shared unless sharedWithCareTeam is true.");
        group.MapGet("/{entryId:guid}", async (Guid entryId, JournalService journal, CancellationToken ct) =>
                (await journal.GetOwnAsync(entryId, ct)).ToHttpResult(TypedResults.Ok))
            .WithSummary("One of the patient's own entries; anything else answers 404.");
        group.MapPut("/{entryId:guid}", async (Guid entryId, JournalEntryUpdate body, JournalService journal, CancellationToken ct) =>
                (await journal.UpdateAsync(entryId, body, ct)).ToHttpResult(TypedResults.Ok))
            .WithSummary("Edit an own entry's text, mood, tags, session link and sharing. A stale version answers 409.");
        group.MapPut("/{entryId:guid}/sharing", async (Guid entryId, JournalSharingRequest body, JournalService journal, CancellationToken ct) =>
                (await journal.SetSharingAsync(entryId, body, ct)).ToHttpResult(TypedResults.Ok))
            .WithSummary("Share an own entry with the care team, or take it back.");
    }

    private static void MapCareTeam(RouteGroupBuilder group)
    {
        group.MapGet("/journal/shared", async (Guid id, CareTeamJournalService journal, CancellationToken ct) =>
                (await journal.ListSharedAsync(id, ct)).ToHttpResult(TypedResults.Ok))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("The journal entries the patient shared with the care team (never the private ones).");
        group.MapGet("/journal/shared/{entryId:guid}", async (Guid id, Guid entryId, CareTeamJournalService journal, CancellationToken ct) =>
                (await journal.GetSharedAsync(id, entryId, ct)).ToHttpResult(TypedResults.Ok))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("One shared journal entry; a private entry answers 404 like a missing one.");
        group.MapGet("/integration-notes", async (Guid id, Guid? sessionId, IntegrationNoteService notes, CancellationToken ct) =>
                (await notes.ListAsync(id, sessionId, ct)).ToHttpResult(TypedResults.Ok))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("The patient's integration notes (staff only), optionally for one session.");
        group.MapGet("/integration-notes/{noteId:guid}", async (Guid id, Guid noteId, IntegrationNoteService notes, CancellationToken ct) =>
                (await notes.GetAsync(id, noteId, ct)).ToHttpResult(TypedResults.Ok))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("One integration note with the linked entries that are still shared.");
        group.MapPost("/integration-notes", async (Guid id, IntegrationNoteRequest body, IntegrationNoteService notes, CancellationToken ct) =>
                (await notes.CreateAsync(id, body, ct)).ToHttpResult(n => TypedResults.Created($"/api/v1/patients/{id}/integration-notes/{n.Id}", n)))
            .RequireAuthorization(Policies.IntegrationNoteWriters)
            .WithSummary("Write an integration note about one of the patient's sessions, optionally linking entries the patient shared.");
        group.MapPut("/integration-notes/{noteId:guid}", async (Guid id, Guid noteId, IntegrationNoteRequest body, IntegrationNoteService notes, CancellationToken ct) =>
                (await notes.UpdateAsync(id, noteId, body, ct)).ToHttpResult(TypedResults.Ok))
            .RequireAuthorization(Policies.IntegrationNoteWriters)
            .WithSummary("Edit your own integration note. Send the version you edited; a stale version answers 409.");
    }

    private static async Task<IResult> GetPromptsAsync(JournalPromptService prompts, CancellationToken ct) =>
        TypedResults.Ok(await prompts.GetAsync(ct));

    private static async Task<IResult> PutPromptsAsync(JournalPromptsUpdate body, JournalPromptService prompts, CancellationToken ct) =>
        (await prompts.UpdateAsync(body, ct)).ToHttpResult(TypedResults.Ok);
}
