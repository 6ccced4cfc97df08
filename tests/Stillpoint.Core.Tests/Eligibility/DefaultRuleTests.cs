using Stillpoint.Core.Eligibility;
using static Stillpoint.Core.Tests.Eligibility.Intakes;

namespace Stillpoint.Core.Tests.Eligibility;

/// <summary>Every shipped default rule, each case commented with its source in clinical-reference.</summary>
public sealed class DefaultRuleTests
{
    public static TheoryData<string, IntakeAnswers, string, RuleOutcome, EligibilityStatus> Cases => new()
    {
        // §12.1 (Yip 2022: control BP; peak at 40 min) — uncontrolled hypertension excludes [U].
        { "uncontrolled hypertension", Clear with { Hypertension = HypertensionStatus.Uncontrolled }, "bp-uncontrolled-hypertension", RuleOutcome.Exclude, EligibilityStatus.NotEligible },
        // §14.3: 180/100 local-protocol no-start threshold [U]; 181 systolic is above it (and above 140/90 too).
        { "systolic 181", Clear with { Vitals = Clear.Vitals with { SystolicBp = 181, DiastolicBp = 95 } }, "bp-baseline-severe", RuleOutcome.Exclude, EligibilityStatus.NotEligible },
        // §14.3: diastolic 101 > 100 [U].
        { "diastolic 101", Clear with { Vitals = Clear.Vitals with { SystolicBp = 150, DiastolicBp = 101 } }, "bp-baseline-severe", RuleOutcome.Exclude, EligibilityStatus.NotEligible },
        // §14.3/§12.2: esketamine label guide >140/90 → weigh benefit vs risk [U]; 141/80 is above on systolic only.
        { "systolic 141", Clear with { Vitals = Clear.Vitals with { SystolicBp = 141, DiastolicBp = 80 } }, "bp-baseline-elevated", RuleOutcome.Caution, EligibilityStatus.NeedsJustification },
        // §14.3: diastolic 91 > 90 [U].
        { "diastolic 91", Clear with { Vitals = Clear.Vitals with { SystolicBp = 130, DiastolicBp = 91 } }, "bp-baseline-elevated", RuleOutcome.Caution, EligibilityStatus.NeedsJustification },
        // §14.3: HR 110 local-protocol value [U]; 111 is above it.
        { "heart rate 111", Clear with { Vitals = Clear.Vitals with { HeartRate = 111 } }, "heart-rate-elevated", RuleOutcome.Caution, EligibilityStatus.NeedsJustification },
        // §7: high C-SSRS risk needs immediate evaluation and safety precautions (same-day safety assessment).
        { "C-SSRS high", Clear with { Baseline = Clear.Baseline with { CssrsRisk = CssrsRisk.High } }, "cssrs-high-risk", RuleOutcome.Caution, EligibilityStatus.NeedsJustification },
        // §7: moderate risk is shown, not blocking.
        { "C-SSRS moderate", Clear with { Baseline = Clear.Baseline with { CssrsRisk = CssrsRisk.Moderate } }, "cssrs-moderate-risk", RuleOutcome.Info, EligibilityStatus.Eligible },
        // §1: PHQ-9 item 9 ≥ 1 is significant whatever the total → same-day suicide-risk assessment.
        { "PHQ-9 item 9 = 1", Clear with { Baseline = Clear.Baseline with { Phq9Item9 = 1 } }, "phq9-item9", RuleOutcome.Caution, EligibilityStatus.NeedsJustification },
        // §6/§14.7: PCL-5 provisional cut-off default 33; 33 with PTSD as an indication fires.
        { "PTSD, PCL-5 33", Clear with { Indications = [Indication.Ptsd], Baseline = Clear.Baseline with { Pcl5Total = 33 } }, "ptsd-pcl5", RuleOutcome.Info, EligibilityStatus.Eligible },
        // §12.2: the REMS monitoring form records concomitant benzodiazepines.
        { "benzodiazepines", Clear with { MedicationFlags = Clear.MedicationFlags with { Benzodiazepines = YesNo.Yes } }, "concomitant-rems-medications", RuleOutcome.Info, EligibilityStatus.Eligible },
        // §12.2: ... and MAOIs.
        { "MAOI", Clear with { MedicationFlags = Clear.MedicationFlags with { Maois = YesNo.Yes } }, "concomitant-rems-medications", RuleOutcome.Info, EligibilityStatus.Eligible },
        // Not in clinical-reference (issue 4 lists the class) [U].
        { "lamotrigine", Clear with { MedicationFlags = Clear.MedicationFlags with { Lamotrigine = YesNo.Yes } }, "lamotrigine-or-opioids", RuleOutcome.Info, EligibilityStatus.Eligible },
        // Not in clinical-reference: issue 4 example (active psychosis or mania) [U].
        { "active psychosis", Clear with { Psychosis = HistoryStatus.Current }, "psychosis-or-mania-current", RuleOutcome.Exclude, EligibilityStatus.NotEligible },
        { "active mania", Clear with { Mania = HistoryStatus.Current }, "psychosis-or-mania-current", RuleOutcome.Exclude, EligibilityStatus.NotEligible },
        // Local-protocol default [U].
        { "past mania", Clear with { Mania = HistoryStatus.Past }, "psychosis-or-mania-history", RuleOutcome.Caution, EligibilityStatus.NeedsJustification },
        // Not in clinical-reference: issue 4 example (pregnancy) [U].
        { "pregnant", Clear with { Pregnant = YesNo.Yes }, "pregnancy", RuleOutcome.Exclude, EligibilityStatus.NotEligible },
        { "breastfeeding", Clear with { Breastfeeding = YesNo.Yes }, "breastfeeding", RuleOutcome.Caution, EligibilityStatus.NeedsJustification },
        // Local-protocol defaults [U]; BP rise during dosing §12.1/§12.2.
        { "aneurysm", Clear with { Aneurysm = YesNo.Yes }, "aneurysm-or-raised-icp", RuleOutcome.Exclude, EligibilityStatus.NotEligible },
        { "raised ICP", Clear with { RaisedIntracranialPressure = YesNo.Yes }, "aneurysm-or-raised-icp", RuleOutcome.Exclude, EligibilityStatus.NotEligible },
        { "seizure disorder", Clear with { SeizureDisorder = YesNo.Yes }, "cardiovascular-liver-seizure", RuleOutcome.Caution, EligibilityStatus.NeedsJustification },
        { "liver disease", Clear with { LiverDisease = YesNo.Yes }, "cardiovascular-liver-seizure", RuleOutcome.Caution, EligibilityStatus.NeedsJustification },
        { "current SUD", Clear with { SubstanceUseDisorder = HistoryStatus.Current }, "substance-use-disorder", RuleOutcome.Caution, EligibilityStatus.NeedsJustification },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rule_Fires_WithItsOutcomeAndExplanation(string name, IntakeAnswers intake, string ruleId, RuleOutcome outcome, EligibilityStatus status)
    {
        var evaluation = Evaluate(intake);

        var finding = Assert.Single(evaluation.Findings, f => f.RuleId == ruleId);
        Assert.Equal(outcome, finding.Outcome);
        Assert.False(string.IsNullOrWhiteSpace(finding.Explanation), name);
        Assert.False(string.IsNullOrWhiteSpace(finding.Because), name);
        Assert.False(string.IsNullOrWhiteSpace(finding.Source), name);
        Assert.Equal(status, evaluation.Status);
        Assert.Empty(evaluation.Missing);
    }

    [Theory]
    // §14.3: the thresholds are "greater than": exactly 140/90, 180/100 and HR 110 do not fire.
    [InlineData(140, 90, 110)]
    [InlineData(120, 70, 60)]
    public void AtTheThresholds_NothingFires(int systolic, int diastolic, int heartRate)
    {
        var evaluation = Evaluate(Clear with { Vitals = Clear.Vitals with { SystolicBp = systolic, DiastolicBp = diastolic, HeartRate = heartRate } });

        Assert.Empty(Fired(evaluation));
        Assert.Equal(EligibilityStatus.Eligible, evaluation.Status);
    }

    [Fact]
    public void ClearIntake_IsEligible_WithOnlyTheBaselineInfo()
    {
        var evaluation = Evaluate(Clear);

        Assert.Equal(EligibilityStatus.Eligible, evaluation.Status);
        Assert.Equal("baseline-questionnaires", Assert.Single(evaluation.Findings).RuleId);
    }

    [Fact]
    public void ElevatedBp_ExplainsTheValueAndTheThreshold()
    {
        // §14.3: 152 > 140 (bpCautionSystolic).
        var evaluation = Evaluate(Clear with { Vitals = Clear.Vitals with { SystolicBp = 152, DiastolicBp = 84 } });

        var finding = Assert.Single(evaluation.Findings, f => f.RuleId == "bp-baseline-elevated");
        Assert.Contains("152 > 140 (bpCautionSystolic)", finding.Because, StringComparison.Ordinal);
        Assert.DoesNotContain("diastolic", finding.Because, StringComparison.Ordinal);
        Assert.True(finding.Unverified);
    }

    [Fact]
    public void ExcludeAndCaution_Together_AreNotEligible()
    {
        var evaluation = Evaluate(Clear with { Pregnant = YesNo.Yes, Baseline = Clear.Baseline with { CssrsRisk = CssrsRisk.High } });

        Assert.Equal(EligibilityStatus.NotEligible, evaluation.Status);
        Assert.Equal(["cssrs-high-risk", "pregnancy"], Fired(evaluation).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryUnverifiedParameter_IsMarked()
    {
        var parameters = DefaultRuleSet.RuleSet.ParameterMap;

        // §14.3: 140/90, 180/100 and HR 110 are unverified/local-protocol values.
        Assert.True(parameters["bpCautionSystolic"].Unverified);
        Assert.True(parameters["bpExcludeSystolic"].Unverified);
        Assert.True(parameters["heartRateCaution"].Unverified);
        Assert.Equal(140m, parameters["bpCautionSystolic"].Value);
        Assert.Equal(100m, parameters["bpExcludeDiastolic"].Value);
        // §14.7: PCL-5 default 33 (band 31–33).
        Assert.Equal(33m, parameters["pcl5Cutoff"].Value);
        Assert.All(DefaultRuleSet.RuleSet.Rules, r => Assert.False(string.IsNullOrWhiteSpace(r.Source)));
    }
}
