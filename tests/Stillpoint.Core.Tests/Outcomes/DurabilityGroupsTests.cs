using Stillpoint.Core.Outcomes;
using static Stillpoint.Core.Tests.Instruments.ShippedInstruments;
using static Stillpoint.Core.Tests.Outcomes.TextbookData;

namespace Stillpoint.Core.Tests.Outcomes;

public sealed class DurabilityGroupsTests
{
    private sealed record Patient(string Route, int InductionSessions, SurvivalObservation? Durability);

    // Freireich 1963 as two groups (Kleinbaum & Klein): medians 23 (6-MP) and 8 (placebo) weeks, as hand-worked in
    // KaplanMeierTests. Split must give exactly the per-group estimates.
    [Fact]
    public void Split_OneCurvePerGroup_EqualsSeparateEstimates()
    {
        var patients = SixMp.Select(observation => new Patient("6-MP", 0, observation))
            .Concat(Placebo.Select(observation => new Patient("placebo", 0, observation)));

        var groups = DurabilityGroups.Split(patients, patient => patient.Route, patient => patient.Durability, order: StringComparer.Ordinal);

        Assert.Equal(["6-MP", "placebo"], groups.Select(group => group.Key));
        Assert.Equal(KaplanMeier.Estimate(SixMp).Steps, groups[0].Curve.Steps);
        Assert.Equal(KaplanMeier.Estimate(Placebo).Steps, groups[1].Curve.Steps);
        Assert.Equal(23, groups[0].Curve.Median.Estimate);
        Assert.Equal(8, groups[1].Curve.Median.Estimate);
    }

    [Fact]
    public void Split_SkipsNonResponders_OrdersNumericKeys_PassesOptions()
    {
        Patient[] patients =
        [
            new("IV", 12, new SurvivalObservation(30, true)),
            new("IV", 6, new SurvivalObservation(10, true)),
            new("IM", 6, new SurvivalObservation(20, false)),
            new("IV", 4, null),
            new("IN", 12, new SurvivalObservation(40, false)),
        ];

        var groups = DurabilityGroups.Split(patients, patient => patient.InductionSessions, patient => patient.Durability, new KaplanMeierOptions(SurvivalConfidenceTransform.Plain));

        Assert.Equal([6, 12], groups.Select(group => group.Key)); // 4 sessions: only a non-responder → no curve
        Assert.Equal([2, 2], groups.Select(group => group.Curve.Subjects));
        Assert.All(groups, group => Assert.Equal(SurvivalConfidenceTransform.Plain, group.Curve.Transform));
        Assert.Equal(0.5, groups[0].Curve.SurvivalAt(10));
    }

    // End to end: patients' PHQ-9 series → OutcomeCourses → durability by route.
    [Fact]
    public void FromOutcomeCourses_ByRoute()
    {
        var day = new DateOnly(2026, 3, 2);
        DatedTotal At(int days, decimal total) => new(day.AddDays(days), total);
        (string Route, DatedTotal[] Series)[] patients =
        [
            ("IV", [At(0, 20), At(7, 10), At(35, 14)]), // responds day 7, relapses day 35 → 28 days, event
            ("IV", [At(0, 18), At(14, 8), At(70, 6)]), // responds day 14, still responding day 70 → 56 days, censored
            ("IN", [At(0, 22), At(7, 15), At(28, 16)]), // never responds → left out
            ("IN", [At(0, 16), At(21, 7), At(28, 9)]), // responds day 21, relapses day 28 → 7 days, event
        ];

        var groups = DurabilityGroups.Split(
            patients,
            patient => patient.Route,
            patient => OutcomeCourses.Evaluate(Get("phq9"), patient.Series).Durability?.ToSurvival());

        Assert.Equal(["IN", "IV"], groups.Select(group => group.Key)); // ordinal by default for string keys
        Assert.Equal([(7.0, 1, true)], groups[0].Curve.Steps.Select(step => (step.Time, step.AtRisk, step.Events == 1)));
        Assert.Equal([(28.0, 2, 1), (56.0, 1, 0)], groups[1].Curve.Steps.Select(step => (step.Time, step.AtRisk, step.Events)));
        Assert.Equal(0.5, groups[1].Curve.SurvivalAt(56));
        Assert.Equal(28, groups[1].Curve.Median.Estimate);
    }
}
