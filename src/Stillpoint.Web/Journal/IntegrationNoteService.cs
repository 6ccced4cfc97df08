using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.Common;
using Stillpoint.Data;
using Stillpoint.Data.Journal;
using Stillpoint.Data.Sessions;

namespace Stillpoint.Web.Journal;

/// <summary>
/// Integration notes: staff-only notes about a dosing session, optionally linking journal entries the patient
/// shared. Written and edited by their author (a therapist or prescriber, by policy); read by staff. A patient
/// account is refused here as if nothing existed. Every read is audited.
/// </summary>
internal sealed class IntegrationNoteService(StillpointDbContext db, CareTeamJournalService journal)
{
    public async Task<Outcome<IReadOnlyList<IntegrationNoteDto>>> ListAsync(Guid patientId, Guid? sessionId, CancellationToken ct)
    {
        if (!await CareTeamJournalService.StaffMaySeeAsync(db, patientId, ct))
        {
            return Outcome<IReadOnlyList<IntegrationNoteDto>>.NotFound($"No patient {patientId}.");
        }

        var notes = await db.Set<IntegrationNote>().AsNoTracking()
            .Where(n => n.PatientId == patientId && (sessionId == null || n.SessionId == sessionId))
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).ToListAsync(ct);
        var dtos = await ToDtosAsync(patientId, notes, ct);
        await db.AuditReadAsync(nameof(IntegrationNote), null, patientId, db.Caller.ClinicId, ct, $"list: {notes.Count}");
        return Outcome<IReadOnlyList<IntegrationNoteDto>>.Ok(dtos);
    }

    public async Task<Outcome<IntegrationNoteDto>> GetAsync(Guid patientId, Guid noteId, CancellationToken ct)
    {
        var note = await FindAsync(patientId, noteId, tracked: false, ct);
        if (note is null)
        {
            return NoNote(noteId);
        }

        await db.AuditReadAsync(nameof(IntegrationNote), note.Id.ToString(), patientId, note.ClinicId, ct);
        return Outcome<IntegrationNoteDto>.Ok((await ToDtosAsync(patientId, [note], ct))[0]);
    }

    public async Task<Outcome<IntegrationNoteDto>> CreateAsync(Guid patientId, IntegrationNoteRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await CareTeamJournalService.StaffMaySeeAsync(db, patientId, ct) || db.Caller.UserId is not { } author)
        {
            return Outcome<IntegrationNoteDto>.NotFound($"No patient {patientId}.");
        }

        var (errors, links) = await ValidateAsync(patientId, request, ct);
        if (!errors.IsEmpty)
        {
            return Outcome<IntegrationNoteDto>.Invalid(errors);
        }

        var now = db.Time.GetUtcNow();
        var authorName = await db.Users.Where(u => u.Id == author).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        var note = new IntegrationNote
        {
            PatientId = patientId, AuthorId = author, AuthorName = authorName ?? "staff", CreatedAt = now, UpdatedAt = now,
        };
        Apply(note, request, links);
        db.Add(note);
        await db.SaveChangesAsync(ct);
        return Outcome<IntegrationNoteDto>.Ok((await ToDtosAsync(patientId, [note], ct))[0]);
    }

    public async Task<Outcome<IntegrationNoteDto>> UpdateAsync(Guid patientId, Guid noteId, IntegrationNoteRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var note = await FindAsync(patientId, noteId, tracked: true, ct);
        if (note is null)
        {
            return NoNote(noteId);
        }

        if (note.AuthorId != db.Caller.UserId)
        {
            return Outcome<IntegrationNoteDto>.Forbidden($"Only the note's author ({note.AuthorName}) edits it; write your own note instead.");
        }

        var (errors, links) = await ValidateAsync(patientId, request, ct);
        if (request.Version is null)
        {
            errors.Add("version", "Send the version you edited, so a change made elsewhere is not overwritten.");
        }

        if (!errors.IsEmpty)
        {
            return Outcome<IntegrationNoteDto>.Invalid(errors);
        }

        if (note.Version != request.Version)
        {
            return Stale();
        }

        db.Entry(note).Property(n => n.Version).OriginalValue = request.Version!.Value;
        Apply(note, request, links);
        note.UpdatedAt = db.Time.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale();
        }

        return Outcome<IntegrationNoteDto>.Ok((await ToDtosAsync(patientId, [note], ct))[0]);
    }

    /// <summary>The patient's sessions a note can be about, newest first.</summary>
    public Task<IReadOnlyList<JournalSessionChoice>> SessionsAsync(Guid patientId, CancellationToken ct) =>
        JournalContent.SessionsOfAsync(db, patientId, ct);

    private async Task<(ValidationErrors Errors, List<Guid> Links)> ValidateAsync(Guid patientId, IntegrationNoteRequest request, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (request.SessionId is not { } sessionId)
        {
            errors.Add("sessionId", "Choose the session this note is about.");
        }
        else if (!await db.Set<DosingSession>().AnyAsync(s => s.Id == sessionId && s.PatientId == patientId, ct))
        {
            errors.Add("sessionId", "Not one of this patient's sessions.");
        }

        if (string.IsNullOrWhiteSpace(request.Text))
        {
            errors.Add("text", "Write the note.");
        }
        else if (request.Text.Trim().Length > JournalLimits.NoteText)
        {
            errors.Add("text", $"At most {JournalLimits.NoteText} characters.");
        }

        var links = (request.JournalEntryIds ?? []).Distinct().ToList();
        if (links.Count > JournalLimits.LinkedEntries)
        {
            errors.Add("journalEntryIds", $"Link at most {JournalLimits.LinkedEntries} journal entries.");
            return (errors, links);
        }

        var shared = (await journal.SharedAmongAsync(patientId, links, ct)).Select(e => e.Id).ToHashSet();
        foreach (var (id, index) in links.Select((id, i) => (id, i)).Where(l => !shared.Contains(l.id)))
        {
            errors.Add($"journalEntryIds[{index}]", $"{id} is not a journal entry this patient shared with the care team.");
        }

        return (errors, links);
    }

    private static void Apply(IntegrationNote note, IntegrationNoteRequest request, List<Guid> links)
    {
        note.SessionId = request.SessionId!.Value;
        note.Text = request.Text!.Trim();
        note.JournalEntryIds = string.Join(',', links);
    }

    private async Task<List<IntegrationNoteDto>> ToDtosAsync(Guid patientId, List<IntegrationNote> notes, CancellationToken ct)
    {
        var linkIds = notes.SelectMany(LinkedIds).Distinct().ToList();
        var shared = (await journal.SharedAmongAsync(patientId, linkIds, ct)).ToDictionary(e => e.Id);
        var sessionIds = notes.Select(n => n.SessionId).Distinct().ToList();
        var sessions = await db.Set<DosingSession>().AsNoTracking().Where(s => sessionIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.ScheduledFor, ct);
        return [.. notes.Select(n => new IntegrationNoteDto(
            n.Id, n.PatientId, n.SessionId, sessions.TryGetValue(n.SessionId, out var at) ? at : null, n.Text, n.AuthorId, n.AuthorName,
            [.. LinkedIds(n).Where(shared.ContainsKey).Select(id => JournalEntryDto.From(shared[id]))],
            n.CreatedAt, n.UpdatedAt, n.Version))];
    }

    private static IEnumerable<Guid> LinkedIds(IntegrationNote note) =>
        note.JournalEntryIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse);

    private async Task<IntegrationNote?> FindAsync(Guid patientId, Guid noteId, bool tracked, CancellationToken ct)
    {
        if (!await CareTeamJournalService.StaffMaySeeAsync(db, patientId, ct))
        {
            return null;
        }

        var set = tracked ? db.Set<IntegrationNote>() : db.Set<IntegrationNote>().AsNoTracking();
        return await set.FirstOrDefaultAsync(n => n.Id == noteId && n.PatientId == patientId, ct);
    }

    private static Outcome<IntegrationNoteDto> NoNote(Guid id) => Outcome<IntegrationNoteDto>.NotFound($"No integration note {id}.");

    private static Outcome<IntegrationNoteDto> Stale() =>
        Outcome<IntegrationNoteDto>.Conflict("Someone changed this note while you were editing. Reload and apply your change again.");
}
