using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.Common;
using Stillpoint.Core.Instruments;
using Stillpoint.Data;
using Stillpoint.Data.Interop;

namespace Stillpoint.Web.Interop;

/// <summary>A file to download.</summary>
internal sealed record ExportDownload(byte[] Content, string ContentType, string FileName);

/// <summary>
/// Exports for download, shared by the API and the pages: a patient's FHIR bundle or CSV zip, the clinic's,
/// and the clinic's de-identified research zip (a fresh pseudonym key per download, never stored).
/// Every patient exported is audited (by <see cref="ExportReader"/>).
/// </summary>
internal sealed class ExportService(StillpointDbContext db, InstrumentLibrary library, IConfiguration configuration)
{
    /// <summary>A whole-clinic download is built in memory; above this many patients (Export:MaxPatientsPerDownload) the CLI exports in batches instead.</summary>
    public const int DefaultMaxPatientsPerDownload = 2000;

    public const string FhirContentType = "application/fhir+json";
    public const string ZipContentType = "application/zip";

    public async Task<Outcome<ExportDownload>> PatientAsync(Guid patientId, string? format, CancellationToken ct)
    {
        if (ParseFormat(format) is not { } parsed)
        {
            return Outcome<ExportDownload>.Invalid("format", "Choose fhir or csv.");
        }

        // The query filter scopes to the caller's clinic: another clinic's patient is simply not found.
        if (!await db.Patients.AnyAsync(p => p.Id == patientId, ct))
        {
            return Outcome<ExportDownload>.NotFound("No such patient in your clinic.");
        }

        return Outcome<ExportDownload>.Ok(await DownloadAsync(patientId, parsed, $"patient-{patientId:D}", ct));
    }

    public int MaxPatientsPerDownload => Math.Max(1, configuration.GetValue("Export:MaxPatientsPerDownload", DefaultMaxPatientsPerDownload));

    /// <summary>Why the caller's clinic is too large for one download (null when it is not).</summary>
    public async Task<string?> TooLargeAsync(CancellationToken ct)
    {
        var patients = await db.Patients.CountAsync(ct);
        return patients <= MaxPatientsPerDownload ? null : string.Create(CultureInfo.InvariantCulture,
            $"This clinic has {patients} patients; one download holds at most {MaxPatientsPerDownload}. Download patients one by one from their pages, or export the whole clinic on the server with 'stillpoint export --format fhir|csv|research --out DIR', which writes it in batches.");
    }

    public async Task<Outcome<ExportDownload>> ClinicAsync(string? format, CancellationToken ct)
    {
        if (ParseFormat(format) is not { } parsed)
        {
            return Outcome<ExportDownload>.Invalid("format", "Choose fhir or csv.");
        }

        return await TooLargeAsync(ct) is { } reason
            ? Outcome<ExportDownload>.Conflict(reason)
            : Outcome<ExportDownload>.Ok(await DownloadAsync(null, parsed, "clinic", ct));
    }

    public async Task<Outcome<ExportDownload>> ResearchAsync(CancellationToken ct) =>
        await TooLargeAsync(ct) is { } reason
            ? Outcome<ExportDownload>.Conflict(reason)
            : Outcome<ExportDownload>.Ok(await DownloadAsync(null, ExportFormat.Research, "research", ct));

    private async Task<ExportDownload> DownloadAsync(Guid? patientId, ExportFormat format, string name, CancellationToken ct)
    {
        var clinicId = db.Caller.ClinicId ?? throw new InvalidOperationException("An export needs a clinic caller.");
        var export = await ExportFiles.BuildAsync(db, library, clinicId, patientId is { } one ? [one] : null, format, RandomNumberGenerator.GetBytes(32), ct);
        var stamp = db.Time.GetUtcNow().ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        return format == ExportFormat.Fhir
            ? new ExportDownload(Encoding.UTF8.GetBytes(export.Files[ExportFiles.BundleFile]), FhirContentType, $"{name}-fhir-{stamp}.json")
            : new ExportDownload(Zip(export.Files), ZipContentType, $"{name}-{format.ToString().ToLowerInvariant()}-{stamp}.zip");
    }

    private static ExportFormat? ParseFormat(string? format) => format switch
    {
        "fhir" => ExportFormat.Fhir,
        "csv" => ExportFormat.Csv,
        _ => null,
    };

    private static byte[] Zip(IReadOnlyDictionary<string, string> files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (fileName, text) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                using var entry = zip.CreateEntry(fileName, CompressionLevel.Optimal).Open();
                entry.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        return buffer.ToArray();
    }
}
