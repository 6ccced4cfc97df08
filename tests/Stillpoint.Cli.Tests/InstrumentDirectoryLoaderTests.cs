using System.Text.Json.Nodes;
using Stillpoint.Core.Instruments.Parsing;
using Stillpoint.Data.Instruments;

namespace Stillpoint.Cli.Tests;

/// <summary>The file-system loader in Stillpoint.Data (reached through the CLI's project reference).</summary>
public sealed class InstrumentDirectoryLoaderTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("stillpoint-instruments-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void Load_DefaultDirectory_TheTenShippedInstruments()
    {
        var library = InstrumentDirectoryLoader.Load();

        Assert.Equal(10, library.All.Count);
        Assert.Equal("Patient Health Questionnaire-9 (PHQ-9)", library.Get("phq9").Title);
    }

    [Fact]
    public void Load_BrokenJson_MessageNamesTheFile()
    {
        CopyShipped("phq9.json");
        File.WriteAllText(Path.Combine(_directory.FullName, "gad7.json"), "{ \"id\": \"gad7\", ");

        var error = Assert.Throws<InstrumentDefinitionException>(() => InstrumentDirectoryLoader.Load(_directory.FullName));

        Assert.Equal("gad7.json", error.FileName);
        Assert.Contains("gad7.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingField_MessageNamesFileAndField()
    {
        var text = File.ReadAllText(Path.Combine(InstrumentDirectoryLoader.DefaultDirectory, "phq9.json"))
            .Replace("\"recallPeriod\": \"last 2 weeks\",", "", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_directory.FullName, "phq9.json"), text);

        var error = Assert.Throws<InstrumentDefinitionException>(() => InstrumentDirectoryLoader.Load(_directory.FullName));

        Assert.Contains("'phq9.json'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'recallPeriod'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BandBoundaryEdited_Rejected()
    {
        // A typo in a band (clinical-reference §1: moderate starts at 10) must stop start-up, not mis-band.
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(InstrumentDirectoryLoader.DefaultDirectory, "phq9.json")))!;
        json["severityBands"]![2]!["min"] = 11;
        File.WriteAllText(Path.Combine(_directory.FullName, "phq9.json"), json.ToJsonString());

        var error = Assert.Throws<InstrumentDefinitionException>(() => InstrumentDirectoryLoader.Load(_directory.FullName));

        Assert.Equal("severityBands[2].min", error.Field);
    }

    [Fact]
    public void Load_MissingDirectory_Throws()
    {
        Assert.Throws<DirectoryNotFoundException>(() => InstrumentDirectoryLoader.Load(Path.Combine(_directory.FullName, "absent")));
    }

    private void CopyShipped(string fileName) =>
        File.Copy(Path.Combine(InstrumentDirectoryLoader.DefaultDirectory, fileName), Path.Combine(_directory.FullName, fileName));
}
