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
/// csv/research write the tidy CSV files and README.txt; fhir writes bundle.json. Each patient exported is audited.
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
        var command = new Command("export", "Export a clinic's or one patient's data as CSV, FHIR R4 or a de-identified research set.")
        {
            format, output, patient, clinic,
        };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, (services, stdout, token) => RunAsync(
            services, stdout, Enum.Parse<ExportFormat>(parse.GetValue(format)!, ignoreCase: true), parse.GetValue(output)!,
            parse.GetValue(patient), parse.GetValue(clinic), token), ct));
        return command;
    }

    private static async Task<int> RunAsync(
        IServiceProvider services, TextWriter stdout, ExportFormat format, DirectoryInfo output, string? patientText, Guid? clinicId, CancellationToken ct)
    {
        var db = services.GetRequiredService<StillpointDbContext>();
        var library = ClinicSelection.LoadLibrary();
        var (clinic, patient) = await ResolveAsync(db, patientText, clinicId, ct);
        var export = await ExportFiles.BuildAsync(db, library, clinic, patient, format, RandomNumberGenerator.GetBytes(32), ct);
        try
        {
            output.Create();
            foreach (var (name, text) in export.Files)
            {
                await File.WriteAllTextAsync(Path.Combine(output.FullName, name), text, ct);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{output.FullName}: cannot be written ({e.Message})");
        }

        await stdout.WriteLineAsync(FormattableString.Invariant(
            $"exported {export.Patients} patient(s) as {format.ToString().ToLowerInvariant()} to {output.FullName}: {string.Join(", ", export.Files.Keys.Order(StringComparer.Ordinal))}"));
        return 0;
    }

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
