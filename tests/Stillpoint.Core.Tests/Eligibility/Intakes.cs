using Stillpoint.Core.Eligibility;

namespace Stillpoint.Core.Tests.Eligibility;

/// <summary>Intakes for the rule tests: a complete, unremarkable one that each case changes in one place.</summary>
internal static class Intakes
{
    /// <summary>Every question answered, nothing that fires except the baseline-recorded info rule.</summary>
    public static IntakeAnswers Clear { get; } = new()
    {
        Indications = [Indication.TreatmentResistantDepression],
        Psychosis = HistoryStatus.Never,
        Mania = HistoryStatus.Never,
        SubstanceUseDisorder = HistoryStatus.Never,
        PriorKetamineUse = YesNo.No,
        Hypertension = HypertensionStatus.None,
        CardiovascularDisease = YesNo.No,
        Aneurysm = YesNo.No,
        RaisedIntracranialPressure = YesNo.No,
        LiverDisease = YesNo.No,
        Pregnant = YesNo.No,
        Breastfeeding = YesNo.No,
        SeizureDisorder = YesNo.No,
        MedicationFlags = new(YesNo.No, YesNo.No, YesNo.No, YesNo.No, YesNo.No, YesNo.No),
        Vitals = new(SystolicBp: 122, DiastolicBp: 78, HeartRate: 72, WeightKg: 70m, HeightCm: 172m, MeasuredOn: new DateOnly(2026, 11, 1)),
        Baseline = new(Phq9Total: 18, Phq9Item9: 0, Gad7Total: 11, Rrs22Total: 60, PtqTotal: 38, CssrsRisk: CssrsRisk.None),
    };

    public static EligibilityEvaluation Evaluate(IntakeAnswers intake) => EligibilityEvaluator.Evaluate(DefaultRuleSet.RuleSet, intake);

    /// <summary>The ids of the rules that fired, excluding the always-on baseline info rule.</summary>
    public static IReadOnlyList<string> Fired(EligibilityEvaluation evaluation) =>
        [.. evaluation.Findings.Select(f => f.RuleId).Where(id => id != "baseline-questionnaires")];
}
