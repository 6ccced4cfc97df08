using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.Instruments;
using Stillpoint.Core.Interop.Csv;
using Stillpoint.Core.Interop.Fhir;
using Stillpoint.Core.Interop.Research;

namespace Stillpoint.Data.Interop;

public enum ExportFormat
{
    Csv,
    Fhir,
    Research,
}

/// <summary>The files of one export and how many patients it holds.</summary>
public sealed record ExportResult(IReadOnlyDictionary<string, string> Files, int Patients);

/// <summary>One export as named text files (the CLI writes them to a folder, the web host zips or streams them).</summary>
public static class ExportFiles
{
    public const string BundleFile = "bundle.json";

    /// <summary>A whole clinic is written in batches of this many patients (the CLI's default), so memory stays bounded.</summary>
    public const int BatchPatients = 100;

    /// <summary>The clinic's patients in export order (by MRN), to be exported batch by batch.</summary>
    public static async Task<IReadOnlyList<Guid>> PatientIdsAsync(StillpointDbContext db, Guid clinicId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Patients.AsNoTracking().Where(p => p.ClinicId == clinicId).OrderBy(p => p.Mrn).Select(p => p.Id).ToListAsync(ct);
    }

    /// <summary>
    /// Loads, audits and formats the given patients (all of the clinic's when null). <paramref name="researchKey"/>
    /// (≥ 32 random bytes, never stored) is used only for research: the same key gives the same pseudonyms and date
    /// shifts, so the batches of one export agree.
    /// </summary>
    public static async Task<ExportResult> BuildAsync(
        StillpointDbContext db, InstrumentLibrary library, Guid clinicId, IReadOnlyCollection<Guid>? patientIds, ExportFormat format, byte[] researchKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var set = await ExportReader.LoadAsync(db, clinicId, patientIds, format.ToString().ToLowerInvariant(), ct);
        var now = db.Time.GetUtcNow();
        IReadOnlyDictionary<string, string> files = format switch
        {
            ExportFormat.Fhir => new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [BundleFile] = FhirJson.Serialize(FhirBundleBuilder.Build(set, library, now, Guid.CreateVersion7())),
            },
            ExportFormat.Csv => TidyCsvExport.Build(set, IdentifiedExport.Instance),
            ExportFormat.Research => TidyCsvExport.Build(set, new ResearchIdentity(researchKey, DateOnly.FromDateTime(now.UtcDateTime))),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
        return new ExportResult(files, set.Patients.Count);
    }
}
