using Stillpoint.Core.Eligibility;

namespace Stillpoint.Core.Tests.Eligibility;

/// <summary>Rule sets are validated at load, and every problem names its JSON path.</summary>
public sealed class RuleSetParserTests
{
    [Fact]
    public void ShippedDefault_Parses()
    {
        var set = RuleSetParser.Parse(DefaultRuleSet.Json);

        Assert.NotEmpty(set.Rules);
        Assert.Equal(set.Rules.Count, set.Rules.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("not json", "$")]
    [InlineData("""{"name":"x"}""", "$.rules")]
    [InlineData("""{"name":"x","rules":[{"id":"a","outcome":"maybe","when":{"field":"pregnant","equals":"yes"},"explanation":"e","source":"s"}]}""", "$.rules[0].outcome")]
    [InlineData("""{"name":"x","rules":[{"id":"a","outcome":"exclude","when":{"field":"shoeSize","equals":"yes"},"explanation":"e","source":"s"}]}""", "$.rules[0].when.field")]
    [InlineData("""{"name":"x","rules":[{"id":"a","outcome":"exclude","when":{"field":"pregnant","equals":"perhaps"},"explanation":"e","source":"s"}]}""", "$.rules[0].when")]
    [InlineData("""{"name":"x","rules":[{"id":"a","outcome":"exclude","when":{"field":"vitals.systolicBp","greaterThan":{"parameter":"nope"}},"explanation":"e","source":"s"}]}""", "$.rules[0].when.greaterThan.parameter")]
    [InlineData("""{"name":"x","rules":[{"id":"a","outcome":"exclude","when":{"field":"pregnant","greaterThan":3},"explanation":"e","source":"s"}]}""", "$.rules[0].when")]
    [InlineData("""{"name":"x","rules":[{"id":"a","outcome":"exclude","when":{"field":"pregnant","equals":"yes"},"source":"s"}]}""", "$.rules[0].explanation")]
    [InlineData("""{"name":"x","rules":[{"id":"a","outcome":"exclude","when":{"field":"pregnant","equals":"yes"},"explanation":"e"}]}""", "$.rules[0].source")]
    [InlineData("""{"name":"x","rules":[{"id":"a","outcome":"info","when":{"field":"pregnant","equals":"yes"},"explanation":"e","source":"s"},{"id":"a","outcome":"info","when":{"field":"pregnant","equals":"no"},"explanation":"e","source":"s"}]}""", "$.rules[1].id")]
    public void BadRuleSet_IsRefused_NamingThePath(string json, string path)
    {
        var error = Assert.Throws<RuleSetException>(() => RuleSetParser.Parse(json));

        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void ClinicEditedParameter_ChangesTheThreshold()
    {
        // A clinic lowers the §14.3 caution threshold (a [U] default) to 130 systolic.
        var json = DefaultRuleSet.Json.Replace("\"name\": \"bpCautionSystolic\", \"value\": 140", "\"name\": \"bpCautionSystolic\", \"value\": 130", StringComparison.Ordinal);
        var set = RuleSetParser.Parse(json);
        var intake = Intakes.Clear with { Vitals = Intakes.Clear.Vitals with { SystolicBp = 135, DiastolicBp = 80 } };

        var evaluation = EligibilityEvaluator.Evaluate(set, intake);

        Assert.Contains(evaluation.Findings, f => f.RuleId == "bp-baseline-elevated");
        Assert.Equal(130m, set.ParameterMap["bpCautionSystolic"].Value);
    }
}
