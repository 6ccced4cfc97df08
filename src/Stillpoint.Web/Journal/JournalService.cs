using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.Common;
using Stillpoint.Data;
using Stillpoint.Data.Journal;

namespace Stillpoint.Web.Journal;

/// <summary>
/// The patient's own journal (portal). The caller must be a patient account: entries are always its own (the data
/// filter scopes by patient too; the explicit PatientId checks are defence in depth). Every read is audited.
/// </summary>
internal sealed class JournalService(StillpointDbContext db, JournalPromptService prompts)
{
    public async Task<Outcome<IReadOnlyList<JournalEntryDto>>> ListOwnAsync(CancellationToken ct)
    {
        if (db.Caller.PatientId is not { } me)
        {
            return Outcome<IReadOnlyList<JournalEntryDto>>.NotFound("Only a patient has a journal.");
        }

        var entries = await db.Set<JournalEntry>().AsNoTracking().Where(e => e.PatientId == me)
            .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).ToListAsync(ct);
        await db.AuditReadAsync(nameof(JournalEntry), null, me, db.Caller.ClinicId, ct, $"own list: {entries.Count}");
        return Outcome<IReadOnlyList<JournalEntryDto>>.Ok([.. entries.Select(JournalEntryDto.From)]);
    }

    public async Task<Outcome<JournalEntryDto>> GetOwnAsync(Guid entryId, CancellationToken ct)
    {
        var entry = await FindOwnAsync(entryId, tracked: false, ct);
        if (entry is null)
        {
            return NoEntry(entryId);
        }

        await db.AuditReadAsync(nameof(JournalEntry), entry.Id.ToString(), entry.PatientId, entry.ClinicId, ct);
        return Outcome<JournalEntryDto>.Ok(JournalEntryDto.From(entry));
    }

    public async Task<Outcome<JournalEntryDto>> CreateAsync(NewJournalEntryRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (db.Caller.PatientId is not { } me)
        {
            return Outcome<JournalEntryDto>.NotFound("Only a patient has a journal.");
        }

        var errors = new ValidationErrors();
        if (request.Kind is null || !JournalKinds.All.Contains(request.Kind, StringComparer.Ordinal))
        {
            errors.Add("kind", $"Choose one of: {string.Join(", ", JournalKinds.All)}.");
        }

        var tags = JournalContent.Validate(request.Text, request.Mood, request.Tags, errors);
        await JournalContent.CheckSessionAsync(db, request.SessionId, me, errors, ct);
        if (!errors.IsEmpty)
        {
            return Outcome<JournalEntryDto>.Invalid(errors);
        }

        var now = db.Time.GetUtcNow();
        var entry = new JournalEntry
        {
            PatientId = me, Kind = request.Kind!, PromptText = await prompts.PromptForAsync(request.Kind!, ct), CreatedAt = now, UpdatedAt = now,
        };
        JournalContent.Apply(entry, request.Text!, request.Mood!.Value, tags, request.SessionId, request.SharedWithCareTeam ?? false);
        db.Add(entry);
        await db.SaveChangesAsync(ct);
        return Outcome<JournalEntryDto>.Ok(JournalEntryDto.From(entry));
    }

    public async Task<Outcome<JournalEntryDto>> UpdateAsync(Guid entryId, JournalEntryUpdate request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var entry = await FindOwnAsync(entryId, tracked: true, ct);
        if (entry is null)
        {
            return NoEntry(entryId);
        }

        var errors = new ValidationErrors();
        var tags = JournalContent.Validate(request.Text, request.Mood, request.Tags, errors);
        await JournalContent.CheckSessionAsync(db, request.SessionId, entry.PatientId, errors, ct);
        RequireVersion(request.Version, errors);
        if (!errors.IsEmpty)
        {
            return Outcome<JournalEntryDto>.Invalid(errors);
        }

        JournalContent.Apply(entry, request.Text!, request.Mood!.Value, tags, request.SessionId, request.SharedWithCareTeam ?? false);
        return await SaveEditAsync(entry, request.Version!.Value, ct);
    }

    /// <summary>Shares an entry with the care team or takes it back; the rest of the entry is unchanged.</summary>
    public async Task<Outcome<JournalEntryDto>> SetSharingAsync(Guid entryId, JournalSharingRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var entry = await FindOwnAsync(entryId, tracked: true, ct);
        if (entry is null)
        {
            return NoEntry(entryId);
        }

        var errors = new ValidationErrors();
        if (request.SharedWithCareTeam is null)
        {
            errors.Add("sharedWithCareTeam", "Say whether the care team may read this entry (true or false).");
        }

        RequireVersion(request.Version, errors);
        if (!errors.IsEmpty)
        {
            return Outcome<JournalEntryDto>.Invalid(errors);
        }

        entry.SharedWithCareTeam = request.SharedWithCareTeam!.Value;
        return await SaveEditAsync(entry, request.Version!.Value, ct);
    }

    /// <summary>The patient's own sessions, newest first, to link an entry to.</summary>
    public async Task<IReadOnlyList<JournalSessionChoice>> OwnSessionsAsync(CancellationToken ct)
    {
        if (db.Caller.PatientId is not { } me)
        {
            return [];
        }

        return await JournalContent.SessionsOfAsync(db, me, ct);
    }

    private async Task<JournalEntry?> FindOwnAsync(Guid entryId, bool tracked, CancellationToken ct)
    {
        if (db.Caller.PatientId is not { } me)
        {
            return null;
        }

        var set = tracked ? db.Set<JournalEntry>() : db.Set<JournalEntry>().AsNoTracking();
        return await set.FirstOrDefaultAsync(e => e.Id == entryId && e.PatientId == me, ct);
    }

    private async Task<Outcome<JournalEntryDto>> SaveEditAsync(JournalEntry entry, int version, CancellationToken ct)
    {
        if (entry.Version != version)
        {
            return Stale();
        }

        db.Entry(entry).Property(e => e.Version).OriginalValue = version;
        entry.UpdatedAt = db.Time.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale();
        }

        return Outcome<JournalEntryDto>.Ok(JournalEntryDto.From(entry));
    }

    private static void RequireVersion(int? version, ValidationErrors errors)
    {
        if (version is null)
        {
            errors.Add("version", "Send the version you edited, so a change made elsewhere is not overwritten.");
        }
    }

    private static Outcome<JournalEntryDto> Stale() =>
        Outcome<JournalEntryDto>.Conflict("This entry was changed elsewhere (another tab or device). Reload it and apply your change again.");

    private static Outcome<JournalEntryDto> NoEntry(Guid id) => Outcome<JournalEntryDto>.NotFound($"No journal entry {id} of yours.");
}
