namespace Stillpoint.Core.Eligibility;

/// <summary>
/// exclude: not eligible; caution: eligible only with the prescriber's written justification; info: shown, no effect.
/// </summary>
public enum RuleOutcome
{
    Info,
    Caution,
    Exclude,
}

/// <summary>A number a rule compares against, with its source; unverified ones are shown as "default, unverified — review".</summary>
public sealed record RuleParameter(string Name, decimal Value, string Unit, string Description, string Source, bool Unverified);

/// <summary>One eligibility rule: a condition over the intake, what it means, and where it comes from.</summary>
public sealed record EligibilityRule(
    string Id,
    RuleOutcome Outcome,
    RuleCondition When,
    string Explanation,
    string Source,
    bool Unverified);

/// <summary>A validated set of rules and parameters (the shipped default, or a clinic's edited copy).</summary>
public sealed record EligibilityRuleSet(string Name, IReadOnlyList<RuleParameter> Parameters, IReadOnlyList<EligibilityRule> Rules)
{
    public IReadOnlyDictionary<string, RuleParameter> ParameterMap { get; } =
        Parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);
}
