namespace Stillpoint.Core.Eligibility;

/// <summary>The shipped default rule set (embedded JSON), parsed and validated once.</summary>
public static class DefaultRuleSet
{
    public const string Label = "default-1";

    private static readonly Lazy<string> JsonText = new(() =>
    {
        using var stream = typeof(DefaultRuleSet).Assembly.GetManifestResourceStream("Stillpoint.Core.Eligibility.default-eligibility-rules.json")
            ?? throw new InvalidOperationException("The default eligibility rules are not embedded in Stillpoint.Core.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    private static readonly Lazy<EligibilityRuleSet> Parsed = new(() => RuleSetParser.Parse(JsonText.Value));

    public static string Json => JsonText.Value;

    public static EligibilityRuleSet RuleSet => Parsed.Value;
}
