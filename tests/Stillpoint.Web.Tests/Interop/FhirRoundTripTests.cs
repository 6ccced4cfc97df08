using System.Text.Json;
using System.Text.Json.Nodes;
using Stillpoint.Web.Tests.Infrastructure;

namespace Stillpoint.Web.Tests.Interop;

/// <summary>Acceptance (issue 7): export a patient to FHIR with the CLI, import into an empty clinic: same responses, scores and vitals.</summary>
[Collection(WebAppsDefinition.Name)]
public sealed class FhirRoundTripTests(AppsFixture apps) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("stillpoint-interop-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ExportThenImportIntoAnEmptyClinic_KeepsAnswersScoresAndVitals(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        var patient = await InteropSeed.SeedPatientAsync(app, clinic);

        var (empty, import) = await InteropSeed.ExportAndImportAsync(app, clinic, patient, _folder);

        Assert.True(import.Code == 0, import.Out + import.Err);
        Assert.Contains("imported: 1 Patient, 1 sessions (Encounter), 3 QuestionnaireResponse, 2 vitals records", import.Out, StringComparison.Ordinal);
        var before = await InteropSeed.SnapshotAsync(app, clinic.Id);
        var after = await InteropSeed.SnapshotAsync(app, empty);
        Assert.Equal(before.Responses, after.Responses);
        Assert.Equal(before.Vitals, after.Vitals);
        Assert.Equal([before.Patients.Single(p => p.StartsWith("B-", StringComparison.Ordinal))], after.Patients);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ABundleWithOneBadResource_ImportsNothing_AndSaysWhichAndWhy(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        var patient = await InteropSeed.SeedPatientAsync(app, clinic);
        await InteropSeed.CliAsync(app, "export", "--format", "fhir", "--out", _folder.FullName, "--patient", patient.ToString(), "--clinic", clinic.Id.ToString());
        var file = Path.Combine(_folder.FullName, "bundle.json");
        var bundle = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        var entries = bundle["entry"]!.AsArray();
        var index = entries.ToList().FindIndex(e => (string?)e!["resource"]!["code"]?["coding"]?[0]?["code"] == "8867-4");
        entries[index]!["resource"]!["valueQuantity"]!["code"] = "beats/min";
        await File.WriteAllTextAsync(file, bundle.ToJsonString());
        var empty = Guid.Parse((await InteropSeed.CliAsync(app, "clinic", "add", "--name", "Refusing")).Out.Trim());

        var import = await InteropSeed.CliAsync(app, "import", "fhir", file, "--clinic", empty.ToString());

        Assert.Equal(2, import.Code);
        Assert.Contains($"refused: entry {index} Observation", import.Out, StringComparison.Ordinal);
        Assert.Contains("unit must be UCUM '/min'", import.Out, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", import.Err, StringComparison.Ordinal);
        var after = await InteropSeed.SnapshotAsync(app, empty);
        Assert.Empty(after.Patients);
        Assert.Empty(after.Responses);
        Assert.Empty(after.Vitals);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ImportingAPatientWhoseMrnExists_IsRefused(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        var patient = await InteropSeed.SeedPatientAsync(app, clinic);
        await InteropSeed.CliAsync(app, "export", "--format", "fhir", "--out", _folder.FullName, "--patient", patient.ToString(), "--clinic", clinic.Id.ToString());
        var before = await InteropSeed.SnapshotAsync(app, clinic.Id);

        var import = await InteropSeed.CliAsync(app, "import", "fhir", Path.Combine(_folder.FullName, "bundle.json"), "--clinic", clinic.Id.ToString());

        Assert.Equal(2, import.Code);
        Assert.Contains("already exists in this clinic", import.Out, StringComparison.Ordinal);
        var after = await InteropSeed.SnapshotAsync(app, clinic.Id);
        Assert.Equal(before.Patients, after.Patients);
        Assert.Equal(before.Responses, after.Responses);
        Assert.Equal(before.Vitals, after.Vitals);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CliCsvAndResearchExports_WriteTidyFiles_AndResearchHasNoIdentifiers(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        await InteropSeed.SeedPatientAsync(app, clinic);
        var csv = Path.Combine(_folder.FullName, "csv");
        var research = Path.Combine(_folder.FullName, "research");

        Assert.Equal(0, (await InteropSeed.CliAsync(app, "export", "--format", "csv", "--out", csv, "--clinic", clinic.Id.ToString())).Code);
        Assert.Equal(0, (await InteropSeed.CliAsync(app, "export", "--format", "research", "--out", research, "--clinic", clinic.Id.ToString())).Code);

        Assert.Equal(1 + 9 + 7 + 8, InteropSeed.Lines(await File.ReadAllTextAsync(Path.Combine(csv, "responses.csv"))).Length);
        Assert.Equal(1 + 5 + 2, InteropSeed.Lines(await File.ReadAllTextAsync(Path.Combine(csv, "vitals.csv"))).Length);
        Assert.Contains($"B-{clinic.Tag}", await File.ReadAllTextAsync(Path.Combine(csv, "patients.csv")), StringComparison.Ordinal);
        var all = string.Concat(Directory.GetFiles(research).Select(File.ReadAllText));
        foreach (var secret in new[] { clinic.Tag, "Alex", "Blair", "Testperson", "1980-05-01", clinic.OtherPatientId.ToString() })
        {
            Assert.DoesNotContain(secret, all, StringComparison.Ordinal);
        }

        Assert.Equal(1 + 9 + 7 + 8, InteropSeed.Lines(await File.ReadAllTextAsync(Path.Combine(research, "responses.csv"))).Length);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CliExportsInBatches_WriteTheSameRows_AndOneImportableBundlePerBatch(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        await InteropSeed.SeedPatientAsync(app, clinic);
        string Folder(string name) => Path.Combine(_folder.FullName, name);
        Task<(int Code, string Out, string Err)> ExportAsync(string format, string folder, params string[] more) =>
            InteropSeed.CliAsync(app, ["export", "--format", format, "--out", Folder(folder), "--clinic", clinic.Id.ToString(), .. more]);

        Assert.Equal(0, (await ExportAsync("csv", "whole")).Code);
        Assert.Equal(0, (await ExportAsync("csv", "batched", "--batch", "1")).Code);
        foreach (var file in Directory.GetFiles(Folder("whole")).Select(Path.GetFileName))
        {
            Assert.Equal(await File.ReadAllTextAsync(Path.Combine(Folder("whole"), file!)), await File.ReadAllTextAsync(Path.Combine(Folder("batched"), file!)));
        }

        // Research batches share one key: every response row names a patient pseudonym listed in patients.csv.
        Assert.Equal(0, (await ExportAsync("research", "research", "--batch", "1")).Code);
        var pseudonyms = InteropSeed.Lines(await File.ReadAllTextAsync(Path.Combine(Folder("research"), "patients.csv"))).Skip(1).Select(l => l.Split(',')[0]).ToHashSet(StringComparer.Ordinal);
        var responseRows = InteropSeed.Lines(await File.ReadAllTextAsync(Path.Combine(Folder("research"), "responses.csv"))).Skip(1).ToList();
        Assert.Equal(2, pseudonyms.Count);
        Assert.Equal(9 + 7 + 8, responseRows.Count);
        Assert.All(responseRows, row => Assert.Contains(row.Split(',')[0], pseudonyms));

        var fhir = await ExportAsync("fhir", "fhir", "--batch", "1");
        Assert.Equal(0, fhir.Code);
        Assert.Contains("exported 2 patient(s)", fhir.Out, StringComparison.Ordinal);
        Assert.Equal(["bundle-0001.json", "bundle-0002.json"], Directory.GetFiles(Folder("fhir")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var empty = Guid.Parse((await InteropSeed.CliAsync(app, "clinic", "add", "--name", "Batched import")).Out.Trim());
        foreach (var bundle in Directory.GetFiles(Folder("fhir")))
        {
            Assert.Equal(0, (await InteropSeed.CliAsync(app, "import", "fhir", bundle, "--clinic", empty.ToString())).Code);
        }

        var (responses, vitals, patients) = await InteropSeed.SnapshotAsync(app, empty);
        Assert.Equal(2, patients.Count);
        Assert.Equal((await InteropSeed.SnapshotAsync(app, clinic.Id)).Responses, responses);
        Assert.Equal(2, vitals.Count);

        var refused = await ExportAsync("csv", "none", "--batch", "0");
        Assert.Equal(1, refused.Code);
        Assert.Contains("--batch", refused.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportWithoutAClinic_WhenThereAreSeveral_FailsWithAMessage()
    {
        var app = apps["sqlite"];
        await app.NewClinicAsync();
        await app.NewClinicAsync();

        var result = await InteropSeed.CliAsync(app, "export", "--format", "csv", "--out", _folder.FullName);

        Assert.Equal(1, result.Code);
        Assert.Contains("name one with --clinic", result.Err, StringComparison.Ordinal);
    }
}
