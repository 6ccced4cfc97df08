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

    /// <summary>Loads, audits and formats. <paramref name="researchKey"/> (≥ 32 random bytes, never stored) is used only for research.</summary>
    public static async Task<ExportResult> BuildAsync(
        StillpointDbContext db, InstrumentLibrary library, Guid clinicId, Guid? patientId, ExportFormat format, byte[] researchKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var set = await ExportReader.LoadAsync(db, clinicId, patientId, format.ToString().ToLowerInvariant(), ct);
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
