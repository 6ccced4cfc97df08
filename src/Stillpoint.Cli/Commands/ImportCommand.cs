using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Stillpoint.Cli.Connectivity;
using Stillpoint.Cli.Hosting;
using Stillpoint.Data;
using Stillpoint.Data.Interop;

namespace Stillpoint.Cli.Commands;

/// <summary>
/// <c>stillpoint import fhir FILE [--clinic ID]</c>: validates the whole Bundle, then imports all of it in one
/// transaction or nothing. Prints what was imported, skipped and refused (entry index, id, reason). Exit 0 when
/// imported, 2 when anything was refused (nothing imported), 1 on other failures.
/// </summary>
internal static class ImportCommand
{
    internal const int RefusedExitCode = 2;

    /// <summary>Bundles with at least this many entries show progress.</summary>
    internal const int ProgressThreshold = 200;

    public static Command Build()
    {
        var file = new Argument<FileInfo>("file") { Description = "A FHIR R4 JSON Bundle of Patient, Encounter, QuestionnaireResponse and vital-sign Observation resources." };
        var clinic = ClinicSelection.Option();
        var fhir = new Command("fhir", "Import a FHIR R4 Bundle into a clinic, all or nothing.") { file, clinic };
        fhir.SetAction((parse, ct) => CliHost.RunAsync(parse, (services, stdout, token) =>
            RunAsync(services, stdout, parse.InvocationConfiguration.Error, parse.GetValue(file)!, parse.GetValue(clinic), token), ct));
        return new Command("import", "Import data from other systems.") { fhir };
    }

    private static async Task<int> RunAsync(IServiceProvider services, TextWriter stdout, TextWriter stderr, FileInfo file, Guid? clinicId, CancellationToken ct)
    {
        var db = services.GetRequiredService<StillpointDbContext>();
        var library = ClinicSelection.LoadLibrary();
        var clinic = await ClinicSelection.ResolveAsync(db, clinicId, ct);
        using var document = await ReadAsync(file, ct);
        var total = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("entry", out var entries)
            && entries.ValueKind == JsonValueKind.Array ? entries.GetArrayLength() : 0;
        var report = await FhirImporter.ImportAsync(db, library, clinic, document, Progress(stderr, total), ct);
        await WriteReportAsync(stdout, report);
        if (!report.Imported)
        {
            await stderr.WriteLineAsync(FormattableString.Invariant($"error: {report.Refusals.Count} entr(ies) refused: nothing was imported."));
            return RefusedExitCode;
        }

        return 0;
    }

    private static async Task<JsonDocument> ReadAsync(FileInfo file, CancellationToken ct)
    {
        try
        {
            await using var stream = file.OpenRead();
            return await JsonDocument.ParseAsync(stream, new JsonDocumentOptions { MaxDepth = 64 }, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{file.FullName}: cannot be read ({e.Message})", RefusedExitCode);
        }
        catch (JsonException e)
        {
            throw new CliException($"{file.FullName}: not valid JSON ({e.Message}); nothing was imported.", RefusedExitCode);
        }
    }

    /// <summary>A bar when stderr is a terminal, otherwise a line every tenth; nothing for small bundles.</summary>
    private static SyncProgress? Progress(TextWriter stderr, int total)
    {
        if (total < ProgressThreshold)
        {
            return null;
        }

        if (ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected)
        {
            var bar = new ProgressBar(stderr, total);
            return new SyncProgress(_ => bar.Advance());
        }

        var step = Math.Max(1, total / 10);
        return new SyncProgress(done =>
        {
            if (done % step == 0 || done == total)
            {
                stderr.WriteLine(FormattableString.Invariant($"validated {done}/{total} entries"));
            }
        });
    }

    private static async Task WriteReportAsync(TextWriter stdout, ImportReport report)
    {
        await stdout.WriteLineAsync(report.Imported
            ? FormattableString.Invariant($"imported: {report.Patients} Patient, {report.Sessions} sessions (Encounter), {report.Responses} QuestionnaireResponse, {report.VitalsRecords} vitals records (Observation)")
            : "imported: nothing (the bundle has refused entries)");
        foreach (var skip in report.Skipped)
        {
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"skipped: entry {skip.Index} {skip.ResourceType}{Id(skip.ResourceId)}: {skip.Reason}"));
        }

        foreach (var refusal in report.Refusals)
        {
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"refused: entry {refusal.Index} {refusal.ResourceType ?? "?"}{Id(refusal.ResourceId)}: {refusal.Reason}"));
        }
    }

    private static string Id(string? id) => id is null ? "" : "/" + id;

    /// <summary>Reports on the caller's thread (<see cref="Progress{T}"/> would post to the thread pool, out of order).</summary>
    private sealed class SyncProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
