using Stillpoint.Core.Instruments.Conditions;

namespace Stillpoint.Core.Eligibility;

/// <summary>The overall answer, most restrictive first in meaning.</summary>
public enum EligibilityStatus
{
    /// <summary>At least one rule could not be evaluated: answer the missing inputs first (fail closed).</summary>
    Incomplete,

    /// <summary>An exclude rule fired.</summary>
    NotEligible,

    /// <summary>Caution rules fired: a prescriber may sign "eligible" only with a written justification for each.</summary>
    NeedsJustification,

    Eligible,
}

/// <summary>A rule that fired, and why, in words a clinician reads.</summary>
public sealed record RuleFinding(string RuleId, RuleOutcome Outcome, string Explanation, string Because, string Source, bool Unverified);

/// <summary>A rule whose input is missing: "cannot evaluate: X missing". Blocks eligibility until answered.</summary>
public sealed record MissingInput(string RuleId, RuleOutcome Outcome, IReadOnlyList<string> Fields, string Message, string Source);

public sealed record EligibilityEvaluation(EligibilityStatus Status, IReadOnlyList<RuleFinding> Findings, IReadOnlyList<MissingInput> Missing)
{
    public IEnumerable<RuleFinding> Cautions => Findings.Where(f => f.Outcome == RuleOutcome.Caution);

    /// <summary>One line for the patient page, e.g. "Not eligible: 1 exclusion".</summary>
    public string Summary => Status switch
    {
        EligibilityStatus.Incomplete => $"Cannot decide yet: {Missing.Count} rule(s) need missing answers",
        EligibilityStatus.NotEligible => $"Not eligible: {Findings.Count(f => f.Outcome == RuleOutcome.Exclude)} exclusion(s)",
        EligibilityStatus.NeedsJustification => $"Eligible only with justification of {Cautions.Count()} caution(s)",
        _ => "Eligible: no exclusion or caution fired",
    };
}

/// <summary>Evaluates every rule of a set against one intake. Pure and deterministic.</summary>
public static class EligibilityEvaluator
{
    public static EligibilityEvaluation Evaluate(EligibilityRuleSet rules, IntakeAnswers intake)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(intake);
        var context = new RuleContext(intake, rules.ParameterMap);
        var findings = new List<RuleFinding>();
        var missing = new List<MissingInput>();
        foreach (var rule in rules.Rules)
        {
            switch (rule.When.Evaluate(context))
            {
                case Truth.True:
                    findings.Add(new RuleFinding(rule.Id, rule.Outcome, rule.Explanation, rule.When.Describe(context), rule.Source, rule.Unverified));
                    break;
                case Truth.Unknown:
                    var fields = rule.When.Fields().Distinct(StringComparer.Ordinal).Where(f => context.Read(f).IsMissing).ToList();
                    var labels = string.Join(", ", fields.Select(f => IntakeFields.ByName[f].Label));
                    missing.Add(new MissingInput(rule.Id, rule.Outcome, fields, $"cannot evaluate '{rule.Id}': {labels} missing", rule.Source));
                    break;
                default:
                    break;
            }
        }

        var status = findings.Any(f => f.Outcome == RuleOutcome.Exclude) ? EligibilityStatus.NotEligible
            : missing.Count > 0 ? EligibilityStatus.Incomplete
            : findings.Any(f => f.Outcome == RuleOutcome.Caution) ? EligibilityStatus.NeedsJustification
            : EligibilityStatus.Eligible;
        return new EligibilityEvaluation(status, findings, missing);
    }
}
