using Stillpoint.Core.Eligibility;
using Stillpoint.Core.Plans;

namespace Stillpoint.Core.Tests.Plans;

public sealed class PlanValidatorTests
{
    private static readonly PlanContent Valid = new()
    {
        Indications = [Indication.Depression],
        Route = Route.IV,
        Dose = new DoseSpec(DoseMode.PerKg, 0.5m, 1m, 100m),
        InfusionMinutes = 40, // §12.1
        SessionCount = 6, // §12.3
        Frequency = "3 per week",
        Measures = ["phq9", "rrs22"],
    };

    [Fact]
    public void ValidPlan_HasNoErrors() => Assert.True(PlanValidator.Validate(Valid).IsEmpty);

    public static TheoryData<PlanContent, string> Bad => new()
    {
        { Valid with { Indications = [] }, "indications" },
        { Valid with { InfusionMinutes = null }, "infusionMinutes" }, // IV needs a duration
        { Valid with { InfusionMinutes = 101 }, "infusionMinutes" }, // §12.3: 2–100 min reported safe
        { Valid with { InfusionMinutes = 1 }, "infusionMinutes" },
        { Valid with { Route = Route.IM }, "infusionMinutes" }, // only IV has a duration
        { Valid with { Dose = new DoseSpec(DoseMode.PerKg, null, 1m, 100m) }, "dose.mgPerKg" },
        { Valid with { Dose = new DoseSpec(DoseMode.PerKg, 0.5m, null, 100m) }, "dose.roundingStepMg" },
        { Valid with { Dose = new DoseSpec(DoseMode.PerKg, 0.5m, 1m, null) }, "dose.maxMg" },
        { Valid with { Dose = new DoseSpec(DoseMode.PerKg, 11m, 1m, 100m) }, "dose.mgPerKg" }, // above the 10 mg/kg typo guard (§12.3 oral ≤ 7)
        { Valid with { Dose = new DoseSpec(DoseMode.Flat, 0.5m, FlatMg: 56m) }, "dose.mgPerKg" },
        { Valid with { Route = Route.Intranasal, InfusionMinutes = null, Dose = new DoseSpec(DoseMode.Flat) }, "dose.flatMg" },
        { Valid with { SessionCount = 0 }, "sessionCount" },
        { Valid with { Frequency = " " }, "frequency" },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void BadPlan_NamesTheField(PlanContent plan, string field) =>
        Assert.Contains(field, PlanValidator.Validate(plan).ToDictionary().Keys);
}
