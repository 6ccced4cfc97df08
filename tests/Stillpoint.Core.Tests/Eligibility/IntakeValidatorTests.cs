using Stillpoint.Core.Eligibility;

namespace Stillpoint.Core.Tests.Eligibility;

public sealed class IntakeValidatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Fact]
    public void ClearIntake_IsValid() => Assert.True(IntakeValidator.Validate(Intakes.Clear, Today).IsEmpty);

    [Fact]
    public void EmptyIntake_IsValid_BecauseRulesReportWhatIsMissing() => Assert.True(IntakeValidator.Validate(new IntakeAnswers(), Today).IsEmpty);

    public static TheoryData<IntakeAnswers, string> Bad => new()
    {
        { Intakes.Clear with { Baseline = Intakes.Clear.Baseline with { Phq9Total = 28 } }, "baseline.phq9Total" }, // §1: 0–27
        { Intakes.Clear with { Baseline = Intakes.Clear.Baseline with { Phq9Item9 = 4 } }, "baseline.phq9Item9" }, // §1: items 0–3
        { Intakes.Clear with { Baseline = Intakes.Clear.Baseline with { Gad7Total = 22 } }, "baseline.gad7Total" }, // §2: 0–21
        { Intakes.Clear with { Baseline = Intakes.Clear.Baseline with { Rrs22Total = 21 } }, "baseline.rrs22Total" }, // §3: 22–88
        { Intakes.Clear with { Baseline = Intakes.Clear.Baseline with { PtqTotal = 61 } }, "baseline.ptqTotal" }, // §5: 0–60
        { Intakes.Clear with { Baseline = Intakes.Clear.Baseline with { Pcl5Total = 81 } }, "baseline.pcl5Total" }, // §6: 0–80
        { Intakes.Clear with { Baseline = Intakes.Clear.Baseline with { Phq9Total = 2, Phq9Item9 = 3 } }, "baseline.phq9Item9" },
        { Intakes.Clear with { Vitals = Intakes.Clear.Vitals with { DiastolicBp = 130 } }, "vitals.diastolicBp" },
        { Intakes.Clear with { Vitals = Intakes.Clear.Vitals with { DiastolicBp = null } }, "vitals.diastolicBp" },
        { Intakes.Clear with { Vitals = Intakes.Clear.Vitals with { WeightKg = 5m } }, "vitals.weightKg" },
        { Intakes.Clear with { Vitals = Intakes.Clear.Vitals with { MeasuredOn = null } }, "vitals.measuredOn" },
        { Intakes.Clear with { Vitals = Intakes.Clear.Vitals with { MeasuredOn = new DateOnly(2027, 1, 1) } }, "vitals.measuredOn" },
        { Intakes.Clear with { Indications = [Indication.Other] }, "indicationOther" },
        { Intakes.Clear with { Pregnant = (YesNo)9 }, "pregnant" },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void ImpossibleValue_IsRefused_WithItsField(IntakeAnswers intake, string field) =>
        Assert.Contains(field, IntakeValidator.Validate(intake, Today).ToDictionary().Keys);
}
