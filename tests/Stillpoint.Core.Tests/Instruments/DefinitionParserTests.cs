using System.Text.Json.Nodes;
using Stillpoint.Core.Instruments;
using Stillpoint.Core.Instruments.Parsing;
using Stillpoint.Core.Instruments.Scoring;

namespace Stillpoint.Core.Tests.Instruments;

/// <summary>
/// Load-time validation: a broken definition throws with the file and the field in the message.
/// Uses a small synthetic instrument ("demo", 3 items 0–3) so each test breaks one thing.
/// </summary>
public sealed class DefinitionParserTests
{
    private const string FileName = "demo.json";

    [Fact]
    public void Parse_MinimalDefinition_Succeeds()
    {
        var definition = InstrumentDefinitionParser.Parse(FileName, Minimal().ToJsonString());

        Assert.Equal("demo", definition.Id);
        Assert.Equal(3, definition.Items.Count);
        Assert.Equal(3, definition.Scoring.Groups.Count); // default: one group per item
    }

    [Fact]
    public void Parse_InvalidJson_NamesFileAndPosition()
    {
        var error = Assert.Throws<InstrumentDefinitionException>(() => InstrumentDefinitionParser.Parse(FileName, "{\"id\": \"demo\",, }"));

        Assert.Contains("demo.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("title", "title")]
    [InlineData("kind", "kind")]
    [InlineData("recallPeriod", "recallPeriod")]
    [InlineData("scoring", "scoring")]
    public void Parse_MissingTopLevelField_NamesIt(string removed, string field)
    {
        var json = Minimal();
        json.Remove(removed);

        AssertRejected(json, field, "required");
    }

    [Fact]
    public void Parse_MissingItemLabel_NamesTheItemField()
    {
        var json = Minimal();
        ((JsonObject)json["items"]![1]!).Remove("label");

        AssertRejected(json, "items[1].label", "required");
    }

    [Fact]
    public void Parse_UnknownStatus_NamesTheAllowedWords()
    {
        var json = Minimal();
        json["responseScale"]!["status"] = "probably fine";

        AssertRejected(json, "responseScale.status", "unverified — review");
    }

    [Fact]
    public void Parse_IdNotMatchingFileName_Rejected()
    {
        var json = Minimal();
        json["id"] = "other";

        AssertRejected(json, "id", "file name");
    }

    [Fact]
    public void Parse_ItemsOutOfOrder_Rejected()
    {
        var json = Minimal();
        json["items"]![1]!["number"] = 3;

        AssertRejected(json, "items[1].number", "expected 2");
    }

    [Fact]
    public void Parse_BandsWithGap_Rejected()
    {
        var json = Minimal();
        json["severityBands"] = Bands((0, 4), (6, 9));

        AssertRejected(json, "severityBands[1].min", "contiguous");
    }

    [Fact]
    public void Parse_BandsNotReachingTheTop_Rejected()
    {
        var json = Minimal();
        json["severityBands"] = Bands((0, 4), (5, 8));

        AssertRejected(json, "severityBands[1].max", "highest total, 9");
    }

    [Fact]
    public void Parse_FlagOnUnknownItem_Rejected()
    {
        var json = Minimal();
        json["flags"] = new JsonArray(Flag(new JsonObject { ["item"] = 9, ["atLeast"] = 1 }));

        AssertRejected(json, "flags[0].when", "items run 1–3");
    }

    [Fact]
    public void Parse_FlagOnUndeclaredParameter_Rejected()
    {
        var json = Minimal();
        json["flags"] = new JsonArray(Flag(new JsonObject { ["totalAtLeast"] = new JsonObject { ["parameter"] = "cutoff" } }));

        AssertRejected(json, "flags[0].when", "'cutoff'");
    }

    [Fact]
    public void Parse_SkipLogicLookingForward_Rejected()
    {
        var json = Minimal();
        json["items"]![0]!["askedWhen"] = new JsonObject { ["item"] = 2, ["equals"] = 1 };

        AssertRejected(json, "items[0].askedWhen", "earlier items");
    }

    [Fact]
    public void Parse_ReliabilityOutOfRange_Rejected()
    {
        var json = Minimal();
        json["reliableChange"] = new JsonObject
        {
            ["reliability"] = new JsonObject { ["value"] = 1.2, ["source"] = "test", ["status"] = "verified" },
        };

        AssertRejected(json, "reliableChange.reliability.value", "between 0 and 1");
    }

    [Fact]
    public void Parse_ProrateWithTooManyMissingAllowed_Rejected()
    {
        var json = Minimal();
        json["scoring"]!["missingItems"] = new JsonObject { ["rule"] = "prorate", ["maxMissing"] = 3, ["source"] = "test", ["status"] = "verified" };

        AssertRejected(json, "scoring.missingItems.maxMissing", "fewer than the number of items");
    }

    [Fact]
    public void Parse_ItemInTwoGroups_Rejected()
    {
        var json = Minimal();
        json["scoring"]!["groups"] = new JsonArray(
            new JsonObject { ["name"] = "a", ["items"] = new JsonArray(1, 2), ["combine"] = "max" },
            new JsonObject { ["name"] = "b", ["items"] = new JsonArray(2, 3), ["combine"] = "max" });

        AssertRejected(json, "scoring.groups[1].items", "only one scoring group");
    }

    [Fact]
    public void Library_TwoFilesSameId_Rejected()
    {
        var text = Minimal().ToJsonString();
        var error = Assert.Throws<InstrumentDefinitionException>(() => InstrumentLibrary.Parse([(FileName, text), ("sub/demo.json", text)]));

        Assert.Contains("already defined", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    // Reverse scoring: a reversed item scores (min + max − answer), here 0 + 3 − answer.
    [InlineData("0,0,0", 3)]
    [InlineData("0,3,0", 0)]
    [InlineData("1,1,1", 4)] // 1 + (3 − 1) + 1
    public void Score_ReverseScoredItem(string answers, int total)
    {
        var json = Minimal();
        json["items"]![1]!["reverseScored"] = true;
        var definition = InstrumentDefinitionParser.Parse(FileName, json.ToJsonString());
        var (parsed, _) = AnswerListParser.Parse(answers);

        var result = InstrumentScorer.Score(definition, parsed!).Result!;

        Assert.Equal(total, result.Total);
        Assert.Contains("Item 2 is reverse-scored", result.ExplanationText, StringComparison.Ordinal);
    }

    [Fact]
    public void ShippedDefinitions_AllParse_TenInstruments()
    {
        Assert.Equal(
            ["bsri", "cadss6", "cssrs-screen", "gad7", "moaas", "pcl5", "phq9", "ptq", "qids-sr16", "rrs22"],
            ShippedInstruments.Library.All.Select(definition => definition.Id));
    }

    private static void AssertRejected(JsonObject json, string field, string problem)
    {
        var error = Assert.Throws<InstrumentDefinitionException>(() => InstrumentDefinitionParser.Parse(FileName, json.ToJsonString()));

        Assert.Equal(field, error.Field);
        Assert.Contains($"'{FileName}'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{field}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    private static JsonObject Minimal() => new()
    {
        ["id"] = "demo",
        ["version"] = "1",
        ["title"] = "Demo",
        ["kind"] = "self-report",
        ["recallPeriod"] = "now",
        ["direction"] = "higher-is-worse",
        ["source"] = "test",
        ["responseScale"] = new JsonObject
        {
            ["type"] = "options",
            ["options"] = new JsonArray(Option(0), Option(1), Option(2), Option(3)),
            ["source"] = "test",
            ["status"] = "verified",
        },
        ["items"] = new JsonArray(Item(1), Item(2), Item(3)),
        ["scoring"] = new JsonObject
        {
            ["method"] = "sum",
            ["missingItems"] = new JsonObject { ["rule"] = "require-all", ["source"] = "test", ["status"] = "verified" },
            ["source"] = "test",
            ["status"] = "verified",
        },
    };

    private static JsonObject Option(int value) => new() { ["value"] = value, ["label"] = $"option {value}" };

    private static JsonObject Item(int number) => new() { ["id"] = $"demo-{number}", ["number"] = number, ["label"] = $"Item {number}" };

    private static JsonObject Flag(JsonObject when) =>
        new() { ["name"] = "flag", ["description"] = "test", ["when"] = when, ["source"] = "test", ["status"] = "verified" };

    private static JsonArray Bands(params (int Min, int Max)[] bands) =>
        new(bands.Select(band => (JsonNode)new JsonObject
        {
            ["name"] = $"band {band.Min}",
            ["min"] = band.Min,
            ["max"] = band.Max,
            ["source"] = "test",
            ["status"] = "verified",
        }).ToArray());
}
