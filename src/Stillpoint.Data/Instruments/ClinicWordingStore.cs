using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.Instruments.Wording;

namespace Stillpoint.Data.Instruments;

/// <summary>Stores and reads a clinic's official wording (shared by the web host and the CLI).</summary>
public static class ClinicWordingStore
{
    /// <summary>Saves the wording for the clinic, replacing what was loaded for that instrument before.</summary>
    /// <returns>The number of items that now have official wording.</returns>
    public static async Task<int> ImportAsync(StillpointDbContext db, Guid clinicId, WordingImport import, string? sourceName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(import);
        var texts = JsonSerializer.Serialize(import.TextByItemId.OrderBy(pair => pair.Key, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal));
        var fileName = sourceName is null ? null : Path.GetFileName(sourceName);
        var source = fileName is { Length: > 260 } ? fileName[..260] : fileName;
        var row = await db.Set<ClinicInstrumentWording>()
            .FirstOrDefaultAsync(w => w.ClinicId == clinicId && w.InstrumentId == import.InstrumentId, ct);
        if (row is null)
        {
            row = new ClinicInstrumentWording { ClinicId = clinicId, InstrumentId = import.InstrumentId, Texts = texts, Format = import.Format };
            db.Add(row);
        }

        row.Texts = texts;
        row.Format = import.Format;
        row.SourceName = source;
        row.ImportedAt = db.Time.GetUtcNow();
        row.ImportedByUserId = db.Caller.UserId;
        await db.SaveChangesAsync(ct);
        return import.TextByItemId.Count;
    }

    /// <summary>The caller's clinic's wording: instrument id → (item id → official text).</summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> ForCallerAsync(StillpointDbContext db, string? instrumentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = db.Set<ClinicInstrumentWording>().AsNoTracking();
        if (db.Caller.IsSystem)
        {
            // The system caller sees every clinic: never mix clinics' wording.
            return new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        }

        if (instrumentId is not null)
        {
            query = query.Where(w => w.InstrumentId == instrumentId);
        }

        var rows = await query.ToListAsync(ct);
        return rows.ToDictionary(
            w => w.InstrumentId,
            w => (IReadOnlyDictionary<string, string>)(JsonSerializer.Deserialize<Dictionary<string, string>>(w.Texts) ?? []),
            StringComparer.Ordinal);
    }
}
