using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stillpoint.Cli.Hosting;
using Stillpoint.Core.Instruments.Wording;
using Stillpoint.Data;
using Stillpoint.Data.Instruments;

namespace Stillpoint.Cli.Commands;

/// <summary>
/// <c>stillpoint instruments import-wording --clinic ID --file F [--instrument ID]</c>: loads official item
/// wording a clinic is licensed to use, from a FHIR R4 Questionnaire or our own format, replacing what the
/// clinic had for that instrument. Prints a summary (never the wording); bad input exits 2.
/// </summary>
internal static class ImportWordingCommand
{
    private const int BadInputExitCode = 2;

    public static Command Build()
    {
        var clinic = new Option<Guid>("--clinic") { Description = "The clinic's id.", Required = true };
        var file = new Option<FileInfo>("--file") { Description = "A FHIR R4 Questionnaire JSON, or {\"instrument\": \"phq9\", \"items\": {\"1\": \"text\", ...}}.", Required = true };
        var instrument = new Option<string?>("--instrument") { Description = "The instrument id, when the file does not say (e.g. phq9)." };
        var command = new Command("import-wording", "Load a clinic's licensed official wording for an instrument.") { clinic, file, instrument };
        command.SetAction((parse, ct) => CliHost.RunAsync(
            parse,
            (services, output, token) => RunAsync(services, output, parse.GetValue(clinic), parse.GetValue(file)!, parse.GetValue(instrument), token),
            ct));
        return command;
    }

    private static async Task<int> RunAsync(IServiceProvider services, TextWriter output, Guid clinicId, FileInfo file, string? instrumentId, CancellationToken ct)
    {
        if (!file.Exists)
        {
            throw new CliException($"No file {file.FullName}.", BadInputExitCode);
        }

        if (file.Length > WordingFileParser.MaxFileLength)
        {
            throw new CliException($"{file.Name} is larger than {WordingFileParser.MaxFileLength} bytes.", BadInputExitCode);
        }

        using var error = new StringWriter();
        if (!InstrumentLibraryLoading.TryLoad(error, out var library))
        {
            throw new CliException(error.ToString().Trim());
        }

        var db = services.GetRequiredService<StillpointDbContext>();
        if (!await db.Clinics.AnyAsync(c => c.Id == clinicId, ct))
        {
            throw new CliException($"No clinic {clinicId}.", BadInputExitCode);
        }

        var parsed = WordingFileParser.Parse(library, await File.ReadAllTextAsync(file.FullName, ct), instrumentId);
        if (!parsed.Succeeded)
        {
            throw new CliException(string.Join(Environment.NewLine, parsed.Errors!.Messages), BadInputExitCode);
        }

        var import = parsed.Value!;
        var count = await ClinicWordingStore.ImportAsync(db, clinicId, import, file.Name, ct);
        var total = library.Get(import.InstrumentId).Items.Count;
        await output.WriteLineAsync($"{import.InstrumentId}: official wording loaded for {count} of {total} items ({import.Format} format).");
        if (import.Ignored.Count > 0)
        {
            await output.WriteLineAsync($"Ignored (no matching item): {string.Join(", ", import.Ignored)}");
        }

        return 0;
    }
}
