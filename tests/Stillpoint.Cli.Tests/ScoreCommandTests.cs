using System.Text.Json;

namespace Stillpoint.Cli.Tests;

/// <summary>
/// The <c>stillpoint score</c> contract: one JSON object on stdout and exit 0, or a message on
/// stderr, nothing on stdout and exit 2.
/// </summary>
public sealed class ScoreCommandTests
{
    [Fact]
    public async Task Score_Phq9Complete_PrintsExactlyTheContractObject()
    {
        // clinical-reference §1: 1+1+1+1+1+1+1+1+1 = 9 → mild (5–9); item 9 ≥ 1 → suicide-risk flag.
        var result = await CliRunner.RunAsync("score", "phq9", "--answers", "1,1,1,1,1,1,1,1,1");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.StdErr);
        Assert.Equal(
            """{"instrument":"phq9","total":9,"severity":"mild","subscales":{},"flags":["suicidal-ideation"],"complete":true}""",
            result.StdOut.TrimEnd());
    }

    [Fact]
    public async Task Score_Phq9TwoMissing_ProratedTotal()
    {
        // clinical-reference §14.5: 8 answered, sum 10 → 10 × 9 / 8 = 11.25 → moderate (10–14).
        var json = await ScoreJson("phq9", "3,1,1,1,1,1,1,1,");

        Assert.Equal(11.25m, json.GetProperty("total").GetDecimal());
        Assert.Equal("moderate", json.GetProperty("severity").GetString());
        Assert.True(json.GetProperty("complete").GetBoolean());
    }

    [Fact]
    public async Task Score_Phq9TooManyMissing_NullTotalIncomplete()
    {
        // clinical-reference §14.5: more than two missing → disregarded.
        var json = await ScoreJson("phq9", "0,0,0,0,0,,,,0"); // three missing

        Assert.Equal(JsonValueKind.Null, json.GetProperty("total").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("severity").ValueKind);
        Assert.False(json.GetProperty("complete").GetBoolean());
    }

    [Fact]
    public async Task Score_Rrs22_SubscalesByName()
    {
        // clinical-reference §3: all 2s → brooding 10, reflection 10, depression 24, total 44.
        var json = await ScoreJson("rrs22", string.Join(",", Enumerable.Repeat(2, 22)));

        Assert.Equal(44, json.GetProperty("total").GetInt32());
        var subscales = json.GetProperty("subscales");
        Assert.Equal(10, subscales.GetProperty("brooding").GetInt32());
        Assert.Equal(10, subscales.GetProperty("reflection").GetInt32());
        Assert.Equal(24, subscales.GetProperty("depression").GetInt32());
    }

    [Fact]
    public async Task Score_QidsDomainMax_VerySevere()
    {
        // clinical-reference §9: all 3s → 9 domains × 3 = 27 → very severe (21–27).
        var json = await ScoreJson("qids-sr16", string.Join(",", Enumerable.Repeat(3, 16)));

        Assert.Equal(27, json.GetProperty("total").GetInt32());
        Assert.Equal("very severe", json.GetProperty("severity").GetString());
    }

    [Theory]
    // clinical-reference §7: skipped items are passed as empty positions.
    [InlineData("0,0,,,,0,", "none")]
    [InlineData("1,1,0,0,0,0,", "low")]
    [InlineData("0,0,,,,1,0", "moderate")]
    [InlineData("1,1,0,0,1,1,1", "high")]
    public async Task Score_CssrsSkipLogic_RiskLevel(string answers, string level)
    {
        var json = await ScoreJson("cssrs-screen", answers);

        Assert.Equal(level, json.GetProperty("severity").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("total").ValueKind);
        Assert.True(json.GetProperty("complete").GetBoolean());
    }

    [Fact]
    public async Task Score_Pcl5_ClustersAndProvisionalFlags()
    {
        // clinical-reference §6: all 2s → total 40 ≥ 33 and the DSM-5 pattern both hold.
        var json = await ScoreJson("pcl5", string.Join(",", Enumerable.Repeat(2, 20)));

        Assert.Equal(10, json.GetProperty("subscales").GetProperty("B").GetInt32());
        var flags = json.GetProperty("flags").EnumerateArray().Select(flag => flag.GetString()).ToList();
        Assert.Equal(["provisional-ptsd-cutoff", "provisional-ptsd-dsm5-pattern"], flags);
    }

    [Theory]
    [InlineData("phq9", "1,1,1,1,1,1,1,1,4")] // out of range (§1: 0–3)
    [InlineData("phq9", "-1,1,1,1,1,1,1,1,1")] // negative
    [InlineData("phq9", "1,1,1,1,1,1,1,1")] // wrong count (8 of 9)
    [InlineData("phq9", "1,1,1,1,1,1,1,1,1,1")] // wrong count (10 of 9)
    [InlineData("phq9", "1,1,1,1,1,1,1,1,x")] // non-integer
    [InlineData("phq9", "1,1,1,1,1,1,1,1,1.0")] // non-integer
    [InlineData("bsri", "101,0,0,0,0,0,0,0")] // out of range (§14.2: 0–100)
    [InlineData("cssrs-screen", "0,0,1,,,0,")] // answered though skipped (§7)
    [InlineData("madrs", "1,1,1,1,1,1,1,1,1,1")] // unknown instrument (not shipped: §10)
    public async Task Score_BadInput_Exit2StderrOnly(string instrument, string answers)
    {
        var result = await CliRunner.RunAsync("score", instrument, $"--answers={answers}");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.StdOut);
        Assert.NotEqual("", result.StdErr.Trim());
    }

    [Fact]
    public async Task Score_NegativeValueAsSeparateToken_Exit2()
    {
        var result = await CliRunner.RunAsync("score", "phq9", "--answers", "-1,1,1,1,1,1,1,1,1");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.StdOut);
    }

    [Fact]
    public async Task Score_NoAnswersOption_Exit2()
    {
        var result = await CliRunner.RunAsync("score", "phq9");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.StdOut);
        Assert.Contains("--answers", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_OutOfRange_MessageNamesItemAndAllowedValues()
    {
        var result = await CliRunner.RunAsync("score", "gad7", "--answers", "0,0,7,0,0,0,0");

        Assert.Contains("Item 3", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("0, 1, 2, 3", result.StdErr, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> ScoreJson(string instrument, string answers)
    {
        var result = await CliRunner.RunAsync("score", instrument, "--answers", answers);
        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Single(result.StdOut.TrimEnd().Split('\n')); // exactly one line of JSON
        using var document = JsonDocument.Parse(result.StdOut);
        return document.RootElement.Clone();
    }
}
