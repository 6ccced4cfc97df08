using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.Common;
using Stillpoint.Data;
using Stillpoint.Data.Journal;

namespace Stillpoint.Web.Journal;

/// <summary>
/// What the care team may read of a patient's journal: the entries the patient shared, nothing else — no private
/// text, no count of private entries (the journal is the patient's; knowing how much is withheld invites asking).
/// Every staff query goes through <see cref="Shared"/>. Every read is audited.
/// </summary>
internal sealed class CareTeamJournalService(StillpointDbContext db)
{
    public async Task<Outcome<IReadOnlyList<JournalEntryDto>>> ListSharedAsync(Guid patientId, CancellationToken ct)
    {
        if (!await StaffMaySeeAsync(db, patientId, ct))
        {
            return Outcome<IReadOnlyList<JournalEntryDto>>.NotFound($"No patient {patientId}.");
        }

        var entries = await Shared(patientId).OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).ToListAsync(ct);
        await db.AuditReadAsync(nameof(JournalEntry), null, patientId, db.Caller.ClinicId, ct, $"shared list: {entries.Count}");
        return Outcome<IReadOnlyList<JournalEntryDto>>.Ok([.. entries.Select(JournalEntryDto.From)]);
    }

    public async Task<Outcome<JournalEntryDto>> GetSharedAsync(Guid patientId, Guid entryId, CancellationToken ct)
    {
        var entry = await StaffMaySeeAsync(db, patientId, ct) ? await Shared(patientId).FirstOrDefaultAsync(e => e.Id == entryId, ct) : null;
        if (entry is null)
        {
            // A private entry answers exactly like a missing one.
            return Outcome<JournalEntryDto>.NotFound($"No shared journal entry {entryId}.");
        }

        await db.AuditReadAsync(nameof(JournalEntry), entry.Id.ToString(), patientId, entry.ClinicId, ct);
        return Outcome<JournalEntryDto>.Ok(JournalEntryDto.From(entry));
    }

    /// <summary>The patient's shared entries among <paramref name="ids"/> (for a note's links), unaudited: callers audit the note.</summary>
    public async Task<List<JournalEntry>> SharedAmongAsync(Guid patientId, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        ids.Count == 0 ? [] : await Shared(patientId).Where(e => ids.Contains(e.Id)).ToListAsync(ct);

    /// <summary>The only query staff code uses for journal entries: this patient's, shared, read-only.</summary>
    private IQueryable<JournalEntry> Shared(Guid patientId) =>
        db.Set<JournalEntry>().AsNoTracking().Where(e => e.PatientId == patientId && e.SharedWithCareTeam);

    /// <summary>Staff of the patient's clinic only; a patient account never reads through here (defence in depth behind the policy).</summary>
    public static async Task<bool> StaffMaySeeAsync(StillpointDbContext db, Guid patientId, CancellationToken ct) =>
        db.Caller.PatientId is null && await db.Patients.AnyAsync(p => p.Id == patientId, ct);
}
