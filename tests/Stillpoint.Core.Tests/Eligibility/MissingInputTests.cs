using Stillpoint.Core.Eligibility;
using static Stillpoint.Core.Tests.Eligibility.Intakes;

namespace Stillpoint.Core.Tests.Eligibility;

/// <summary>Fail closed: a rule whose input is missing reports "cannot evaluate: X missing" and blocks eligibility.</summary>
public sealed class MissingInputTests
{
    public static TheoryData<string, IntakeAnswers, string, string> Cases => new()
    {
        { "pregnancy unanswered", Clear with { Pregnant = YesNo.Unknown }, "pregnancy", "pregnant" },
        { "psychosis unanswered", Clear with { Psychosis = HistoryStatus.Unknown }, "psychosis-or-mania-current", "psychosis" },
        { "hypertension unanswered", Clear with { Hypertension = HypertensionStatus.Unknown }, "bp-uncontrolled-hypertension", "hypertension" },
        { "no blood pressure", Clear with { Vitals = Clear.Vitals with { SystolicBp = null, DiastolicBp = null } }, "bp-baseline-elevated", "vitals.systolicBp" },
        { "C-SSRS not done", Clear with { Baseline = Clear.Baseline with { CssrsRisk = CssrsRisk.NotDone } }, "cssrs-high-risk", "baseline.cssrsRisk" },
        { "PHQ-9 item 9 not answered", Clear with { Baseline = Clear.Baseline with { Phq9Item9 = null } }, "phq9-item9", "baseline.phq9Item9" },
        { "no baseline RRS-22", Clear with { Baseline = Clear.Baseline with { Rrs22Total = null } }, "baseline-questionnaires", "baseline.rrs22Total" },
        // §6: PCL-5 is needed when PTSD is an indication.
        { "PTSD without PCL-5", Clear with { Indications = [Indication.Ptsd] }, "ptsd-pcl5", "baseline.pcl5Total" },
        { "no indication chosen", Clear with { Indications = [] }, "ptsd-pcl5", "indications" },
        { "MAOI flag unanswered", Clear with { MedicationFlags = Clear.MedicationFlags with { Maois = YesNo.Unknown } }, "concomitant-rems-medications", "medicationFlags.maois" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void MissingInput_BlocksEligibility_NamingTheField(string name, IntakeAnswers intake, string ruleId, string field)
    {
        var evaluation = Evaluate(intake);

        Assert.Equal(EligibilityStatus.Incomplete, evaluation.Status);
        var missing = Assert.Single(evaluation.Missing, m => m.RuleId == ruleId);
        Assert.Contains(field, missing.Fields);
        Assert.StartsWith("cannot evaluate", missing.Message, StringComparison.Ordinal);
        Assert.Contains("missing", missing.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(evaluation.Findings, f => f.RuleId == ruleId);
        Assert.NotEmpty(name);
    }

    [Fact]
    public void AnsweredPartDecidesAnyOf_EvenWhenTheOtherIsMissing()
    {
        // §14.3: systolic 190 > 180 fires the exclusion although nothing else is known about BP.
        var evaluation = Evaluate(Clear with { Vitals = Clear.Vitals with { SystolicBp = 190, DiastolicBp = 95, HeartRate = null } });

        Assert.Contains(evaluation.Findings, f => f.RuleId == "bp-baseline-severe");
        Assert.Contains(evaluation.Missing, m => m.RuleId == "heart-rate-elevated");
        Assert.Equal(EligibilityStatus.NotEligible, evaluation.Status); // an exclusion is final whatever is missing
    }

    [Fact]
    public void EmptyIntake_IsIncomplete_WithEveryRuleListed()
    {
        var evaluation = Evaluate(new IntakeAnswers());

        Assert.Equal(EligibilityStatus.Incomplete, evaluation.Status);
        Assert.Equal(DefaultRuleSet.RuleSet.Rules.Count, evaluation.Missing.Count);
        Assert.Empty(evaluation.Findings);
    }

    [Fact]
    public void UnknownIsNeverReadAsNo()
    {
        // Pregnancy unknown must not make the patient eligible.
        var evaluation = Evaluate(Clear with { Pregnant = YesNo.Unknown });

        Assert.NotEqual(EligibilityStatus.Eligible, evaluation.Status);
    }
}
