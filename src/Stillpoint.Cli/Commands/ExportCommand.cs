using System.CommandLine;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stillpoint.Cli.Hosting;
using Stillpoint.Data;
using Stillpoint.Data.Interop;

namespace Stillpoint.Cli.Commands;

/// <summary>
/// <c>stillpoint export --format csv|fhir|research --out DIR [--patient ID|MRN] [--clinic ID]</c>.
/// csv/research write the tidy CSV files and README.txt; fhir writes bundle.json (bundle-NNNN.json per batch when a
/// clinic takes several). A clinic is read and written --batch patients at a time. Each patient exported is audited.
/// </summary>
internal static class ExportCommand
{
    public static Command Build()
    {
        var format = new Option<string>("--format") { Description = "csv (identified tidy CSV), fhir (FHIR R4 Bundle) or research (de-identified CSV).", Required = true };
        format.AcceptOnlyFromAmong("csv", "fhir", "research");
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write the files to (created if missing).", Required = true };
        var patient = new Option<string?>("--patient") { Description = "One patient: its id, or its MRN (with --clinic when there are several clinics)." };
        var clinic = ClinicSelection.Option();
        var batch = new Option<int>("--batch") { Description = $"Patients read and written at a time for a whole clinic (default {ExportFiles.BatchPatients}).", DefaultValueFactory = _ => ExportFiles.BatchPatients };
        var command = new Command("export", "Export a clinic's or one patient's data as CSV, FHIR R4 or a de-identified research set.")
        {
            format, output, patient, clinic, batch,
        };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, (services, stdout, token) => RunAsync(
            services, stdout, new ExportRequest(Enum.Parse<ExportFormat>(parse.GetValue(format)!, ignoreCase: true), parse.GetValue(output)!,
            parse.GetValue(patient), parse.GetValue(clinic), parse.GetValue(batch)), token), ct));
        return command;
    }

    private static async Task<int> RunAsync(IServiceProvider services, TextWriter stdout, ExportRequest request, CancellationToken ct)
    {
        if (request.Batch < 1)
        {
            throw new CliException("--batch: give at least 1 patient per batch.");
        }

        var db = services.GetRequiredService<StillpointDbContext>();
        var library = ClinicSelection.LoadLibrary();
        var (clinic, patient) = await ResolveAsync(db, request.PatientText, request.ClinicId, ct);
        IReadOnlyList<Guid> ids = patient is { } one ? [one] : await ExportFiles.PatientIdsAsync(db, clinic, ct);
        var batches = ids.Count == 0 ? [ids.ToArray()] : ids.Chunk(request.Batch).ToList();
        var writer = new ExportFolderWriter(request.Output, batches.Count);
        var researchKey = RandomNumberGenerator.GetBytes(32); // one key for every batch: pseudonyms agree across them
        var exported = 0;
        try
        {
            for (var i = 0; i < batches.Count; i++)
            {
                var export = await ExportFiles.BuildAsync(db, library, clinic, batches[i], request.Format, researchKey, ct);
                await writer.WriteAsync(i + 1, export, ct);
                exported += export.Patients;
                db.ChangeTracker.Clear();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{request.Output.FullName}: cannot be written ({e.Message})");
        }

        await stdout.WriteLineAsync(FormattableString.Invariant(
            $"exported {exported} patient(s) as {request.Format.ToString().ToLowerInvariant()} to {request.Output.FullName}: {string.Join(", ", writer.Files)}"));
        return 0;
    }

    private sealed record ExportRequest(ExportFormat Format, DirectoryInfo Output, string? PatientText, Guid? ClinicId, int Batch);

    private static async Task<(Guid Clinic, Guid? Patient)> ResolveAsync(StillpointDbContext db, string? patientText, Guid? clinicId, CancellationToken ct)
    {
        if (patientText is null)
        {
            return (await ClinicSelection.ResolveAsync(db, clinicId, ct), null);
        }

        if (Guid.TryParse(patientText, out var id))
        {
            var byId = await db.Patients.AsNoTracking().Where(p => p.Id == id && (clinicId == null || p.ClinicId == clinicId))
                .Select(p => new { p.Id, p.ClinicId }).FirstOrDefaultAsync(ct)
                ?? throw new CliException($"No patient with id {patientText}{(clinicId is null ? "" : " in that clinic")}.");
            return (byId.ClinicId, byId.Id);
        }

        var clinic = await ClinicSelection.ResolveAsync(db, clinicId, ct);
        var byMrn = await db.Patients.AsNoTracking().Where(p => p.ClinicId == clinic && p.Mrn == patientText).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct)
            ?? throw new CliException($"No patient with MRN '{patientText}' in clinic {clinic}.");
        return (clinic, byMrn);
    }
}

/// <summary>What export and import share: the clinic they work on (the CLI is the system caller) and the instruments.</summary>
internal static class ClinicSelection
{
    public static Core.Instruments.InstrumentLibrary LoadLibrary()
    {
        using var problem = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        return InstrumentLibraryLoading.TryLoad(problem, out var library) ? library : throw new CliException(problem.ToString().Trim());
    }

    public static Option<Guid?> Option() => new("--clinic") { Description = "The clinic's id; may be left out when the database has exactly one clinic." };

    public static async Task<Guid> ResolveAsync(StillpointDbContext db, Guid? clinicId, CancellationToken ct)
    {
        if (clinicId is { } given)
        {
            return await db.Clinics.AnyAsync(c => c.Id == given, ct) ? given : throw new CliException($"No clinic with id {given}.");
        }

        var clinics = await db.Clinics.Select(c => c.Id).Take(2).ToListAsync(ct);
        return clinics.Count switch
        {
            1 => clinics[0],
            0 => throw new CliException("There is no clinic yet."),
            _ => throw new CliException("There are several clinics: name one with --clinic."),
        };
    }
}
