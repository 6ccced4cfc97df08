using Stillpoint.Core.Eligibility;
using Stillpoint.Core.Plans;

namespace Stillpoint.Core.Tests.Plans;

/// <summary>Dose arithmetic: mg/kg from the weight, rounded to the clinic's step, capped; flat doses; IV duration.</summary>
public sealed class DoseCalculatorTests
{
    private static PlanContent Plan(Route route, DoseSpec dose, int? infusionMinutes = null) => new()
    {
        Indications = [Indication.TreatmentResistantDepression],
        Route = route,
        Dose = dose,
        InfusionMinutes = infusionMinutes,
        SessionCount = 6, // §12.3: induction course of 6 infusions over 12 days
        Frequency = "3 per week",
        Measures = ["phq9"],
    };

    [Theory]
    // §12.1: standard 0.5 mg/kg IV over 40 min. 0.5 × 70 = 35 mg, step 1, cap 100 → 35 mg.
    [InlineData(0.5, 70, 1, 100, 35, false)]
    // §12.1: 0.5 × 64.5 = 32.25 → nearest 1 mg = 32 mg.
    [InlineData(0.5, 64.5, 1, 100, 32, false)]
    // 0.5 × 65 = 32.5 → nearest 5 mg: 6.5 steps, halves round up → 35 mg.
    [InlineData(0.5, 65, 5, 100, 35, false)]
    // 0.5 × 63 = 31.5 → nearest 5 mg = 30 mg.
    [InlineData(0.5, 63, 5, 100, 30, false)]
    // §12.3: IV range up to 0.75 mg/kg; 0.75 × 150 = 112.5 → 113 → capped at the clinic's 100 mg maximum.
    [InlineData(0.75, 150, 1, 100, 100, true)]
    // Cap not a multiple of the step: 0.5 × 120 = 60 → step 5 = 60 → cap 57.5 applies exactly.
    [InlineData(0.5, 120, 5, 57.5, 57.5, true)]
    // Step 0.5 mg: 0.5 × 70.3 = 35.15 → 35.0 mg.
    [InlineData(0.5, 70.3, 0.5, 100, 35, false)]
    public void PerKg_RoundsToTheStep_ThenCaps(double mgPerKg, double kg, double step, double max, double expected, bool capped)
    {
        var plan = Plan(Route.IV, new DoseSpec(DoseMode.PerKg, (decimal)mgPerKg, (decimal)step, (decimal)max), infusionMinutes: 40);

        var result = DoseCalculator.Compute(plan, (decimal)kg);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors?.Messages ?? []));
        Assert.Equal((decimal)expected, result.Value!.DoseMg);
        Assert.Equal(capped, result.Value.Capped);
        Assert.Equal((decimal)(mgPerKg * kg), result.Value.UnroundedMg!.Value, 6);
        Assert.Contains(capped ? "capped at the maximum" : "under the maximum", result.Value.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void IV_InfusionRate_IsDoseOverDuration()
    {
        // §12.1: 0.5 mg/kg over 40 min; 70 kg → 35 mg / 40 min = 0.875 mg/min.
        var plan = Plan(Route.IV, new DoseSpec(DoseMode.PerKg, 0.5m, 1m, 100m), infusionMinutes: 40);

        var result = DoseCalculator.Compute(plan, 70m).Value!;

        Assert.Equal(0.875m, result.InfusionMgPerMinute);
        Assert.Equal("0.5 mg/kg × 70 kg = 35 mg; rounded to the nearest 1 mg = 35 mg; under the maximum 100 mg; infused over 40 min (0.875 mg/min).", result.Explanation);
    }

    [Theory]
    // §12.2: esketamine 56 mg = 2 devices, 84 mg = 3 devices of 28 mg; the weight does not matter.
    [InlineData(56, "2 device(s)")]
    [InlineData(84, "3 device(s)")]
    // §12.2: ≥65 y start 28 mg = 1 device.
    [InlineData(28, "1 device(s)")]
    public void IntranasalFlat_IsTheFlatDose_InDevices(int mg, string devices)
    {
        var plan = Plan(Route.Intranasal, new DoseSpec(DoseMode.Flat, FlatMg: mg));

        var result = DoseCalculator.Compute(plan, weightKg: null).Value!;

        Assert.Equal(mg, result.DoseMg);
        Assert.Null(result.WeightKg);
        Assert.Contains(devices, result.Explanation, StringComparison.Ordinal);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void IntranasalFlat_NotAWholeNumberOfDevices_Warns()
    {
        // §12.2: 28 mg per device; 60 mg is not a whole number of devices.
        var result = DoseCalculator.Compute(Plan(Route.Intranasal, new DoseSpec(DoseMode.Flat, FlatMg: 60m)), null).Value!;

        Assert.Contains(result.Warnings, w => w.Contains("28 mg", StringComparison.Ordinal));
    }

    [Fact]
    public void SublingualFlat_100mg()
    {
        // §12.3: about 100 mg sublingual is roughly 0.5 mg/kg IV for 70 kg.
        var result = DoseCalculator.Compute(Plan(Route.Sublingual, new DoseSpec(DoseMode.Flat, FlatMg: 100m)), 70m).Value!;

        Assert.Equal(100m, result.DoseMg);
        Assert.Null(result.InfusionMgPerMinute);
    }

    [Fact]
    public void PerKg_WithoutWeight_IsRefused()
    {
        var result = DoseCalculator.Compute(Plan(Route.IM, new DoseSpec(DoseMode.PerKg, 0.5m, 1m, 80m)), null);

        Assert.Equal("weightKg", Assert.Single(result.Errors!.ToDictionary().Keys));
    }

    [Fact]
    public void PerKg_OutsideReportedRouteRange_Warns()
    {
        // §12.3: IV 0.1–0.75 mg/kg; 1.0 mg/kg is outside.
        var result = DoseCalculator.Compute(Plan(Route.IV, new DoseSpec(DoseMode.PerKg, 1.0m, 1m, 100m), 40), 70m).Value!;

        Assert.Contains(result.Warnings, w => w.Contains("§12.3", StringComparison.Ordinal));
    }

    [Fact]
    public void SameRevisionAndWeight_GiveTheSameDose()
    {
        var plan = Plan(Route.IM, new DoseSpec(DoseMode.PerKg, 0.75m, 5m, 80m));

        Assert.Equal(DoseCalculator.Compute(plan, 82m).Value, DoseCalculator.Compute(plan, 82m).Value, new DoseComparer());
    }

    private sealed class DoseComparer : IEqualityComparer<DoseResult?>
    {
        public bool Equals(DoseResult? x, DoseResult? y) => x!.DoseMg == y!.DoseMg && x.Explanation == y.Explanation;

        public int GetHashCode(DoseResult? obj) => obj!.DoseMg.GetHashCode();
    }
}
