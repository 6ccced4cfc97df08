namespace Stillpoint.Cli.Tests;

public sealed class InstrumentsCommandTests
{
    [Fact]
    public async Task List_PrintsEveryIdWithItsTitle()
    {
        var result = await CliRunner.RunAsync("instruments", "list");

        Assert.Equal(0, result.ExitCode);
        var lines = result.StdOut.TrimEnd().Split('\n');
        Assert.Equal(
            ["bsri", "cadss6", "cssrs-screen", "gad7", "moaas", "pcl5", "phq9", "ptq", "qids-sr16", "rrs22"],
            lines.Select(line => line.Split('\t')[0]));
        Assert.Contains("phq9\tPatient Health Questionnaire-9 (PHQ-9)", lines);
        Assert.DoesNotContain(lines, line => line.Contains("madrs", StringComparison.OrdinalIgnoreCase)); // §10: not shipped
    }
}
