using Stillpoint.Core.Sessions;

namespace Stillpoint.Core.Tests.Sessions;

public sealed class DischargeTests
{
    private static readonly DateTimeOffset DosingEnded = new(2026, 3, 2, 9, 40, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = DosingEnded.AddMinutes(125);

    private static DischargeFacts Ready() => new()
    {
        DosingEndedAt = DosingEnded,
        LastVitals = new VitalSigns(Now.AddMinutes(-5), 128, 82, 76, 98, 14),
        LastMoaas = 5,
        LastMoaasAt = Now.AddMinutes(-5),
        UnacknowledgedAlerts = 0,
        EscortConfirmed = true,
    };

    [Fact]
    public void AllCriteriaMet_IsReady() =>
        Assert.True(DischargeRules.Evaluate(Ready(), SessionRules.Default, Now).Ready);

    public static TheoryData<string, string> UnmetCases => new()
    {
        // §12.2: observation at least 2 h from the end of dosing (119 min is short, 120 is enough — see boundary test).
        { "short", DischargeRules.ObservationTooShort },
        { "dosing-open", DischargeRules.DosingNotEnded },
        // §12.2 REMS: BP pre-completion; vitals after the end of dosing.
        { "no-vitals", DischargeRules.NoVitalsAfterDosing },
        { "old-vitals", DischargeRules.NoVitalsAfterDosing },
        // Pre-dose limits (§12.2/§14.3 [U]) apply again at discharge; missing values fail closed.
        { "bp-high", DischargeRules.VitalsOutOfRange },
        { "spo2-low", DischargeRules.VitalsOutOfRange },
        { "rr-missing", DischargeRules.VitalsOutOfRange },
        // §11: MOAA/S 5 = fully alert; 4 or none is unmet.
        { "moaas-4", DischargeRules.MoaasNotFive },
        { "moaas-none", DischargeRules.MoaasNotFive },
        { "moaas-before-end", DischargeRules.MoaasNotFive },
        // Issue 5 §5: every alert acknowledged.
        { "alerts", DischargeRules.UnacknowledgedAlerts },
        // §12.2 no driving; §12.4 escort.
        { "escort", DischargeRules.EscortNotConfirmed },
    };

    [Theory]
    [MemberData(nameof(UnmetCases))]
    public void EachCriterion_WhenUnmet_IsListed(string change, string code)
    {
        var facts = change switch
        {
            "short" => Ready() with { DosingEndedAt = Now.AddMinutes(-119) },
            "dosing-open" => Ready() with { DosingEndedAt = null },
            "no-vitals" => Ready() with { LastVitals = null },
            "old-vitals" => Ready() with { LastVitals = new VitalSigns(DosingEnded.AddMinutes(-1), 120, 80, 70, 98, 14) },
            "bp-high" => Ready() with { LastVitals = new VitalSigns(Now, 141, 80, 70, 98, 14) },
            "spo2-low" => Ready() with { LastVitals = new VitalSigns(Now, 120, 80, 70, 92, 14) },
            "rr-missing" => Ready() with { LastVitals = new VitalSigns(Now, 120, 80, 70, 98, null) },
            "moaas-4" => Ready() with { LastMoaas = 4 },
            "moaas-none" => Ready() with { LastMoaas = null, LastMoaasAt = null },
            "moaas-before-end" => Ready() with { LastMoaasAt = DosingEnded.AddMinutes(-1) },
            "alerts" => Ready() with { UnacknowledgedAlerts = 2 },
            "escort" => Ready() with { EscortConfirmed = null },
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };

        var evaluation = DischargeRules.Evaluate(facts, SessionRules.Default, Now);

        // With dosing still open, "vitals after the end of dosing" cannot hold either: both are listed.
        var expected = change == "dosing-open" ? new[] { code, DischargeRules.NoVitalsAfterDosing } : [code];
        Assert.Equal(expected, evaluation.Unmet.Select(u => u.Code));
        Assert.False(evaluation.Ready);
    }

    [Fact]
    public void ObservationBoundary_ExactlyTwoHours_IsEnough() =>
        Assert.True(DischargeRules.Evaluate(Ready() with { DosingEndedAt = Now.AddMinutes(-120), LastVitals = new VitalSigns(Now, 120, 80, 70, 98, 14) }, SessionRules.Default, Now).Ready);

    [Fact]
    public void Refusal_ListsEveryUnmetCriterion()
    {
        var facts = new DischargeFacts { DosingEndedAt = Now.AddMinutes(-30), LastMoaas = 4, UnacknowledgedAlerts = 1 };
        var codes = DischargeRules.Evaluate(facts, SessionRules.Default, Now).Unmet.Select(c => c.Code);
        Assert.Equal(
            [DischargeRules.ObservationTooShort, DischargeRules.NoVitalsAfterDosing, DischargeRules.MoaasNotFive, DischargeRules.UnacknowledgedAlerts, DischargeRules.EscortNotConfirmed],
            codes);
    }

    public static TheoryData<DischargeScoreKind, int[]?, int, string?> ScoreCases => new()
    {
        // §12.4: PADSS ≥ 9 (with escort) = fit for discharge.
        { DischargeScoreKind.Padss, [2, 2, 2, 2, 1], 9, null },
        { DischargeScoreKind.Padss, [2, 2, 2, 1, 1], 9, DischargeRules.ScoreTooLow },
        { DischargeScoreKind.Padss, null, 9, DischargeRules.ScoreMissing },
        // §12.4: modified Aldrete ≥ 9 commonly required.
        { DischargeScoreKind.ModifiedAldrete, [2, 2, 2, 2, 1], 9, null },
        { DischargeScoreKind.ModifiedAldrete, [1, 2, 2, 1, 2], 9, DischargeRules.ScoreTooLow },
        // §12.4 variant: ≥ 8 with 2 points each for respiration (item 2) and SpO2 (item 5).
        { DischargeScoreKind.ModifiedAldrete, [1, 2, 2, 1, 2], 8, null },
        { DischargeScoreKind.ModifiedAldrete, [2, 1, 2, 1, 2], 8, DischargeRules.ScoreTooLow },
        { DischargeScoreKind.ModifiedAldrete, [2, 2, 2, 2, 1], 8, DischargeRules.ScoreTooLow },
    };

    [Theory]
    [MemberData(nameof(ScoreCases))]
    public void ConfiguredScore(DischargeScoreKind kind, int[]? items, int minimum, string? unmetCode)
    {
        var rules = SessionRules.Default with { DischargeScore = kind, DischargeScoreMinimum = minimum };
        var score = items is null ? null : DischargeScore.Create(kind, items).Value;
        var evaluation = DischargeRules.Evaluate(Ready() with { Score = score }, rules, Now);
        if (unmetCode is null)
        {
            Assert.True(evaluation.Ready);
        }
        else
        {
            Assert.Equal(unmetCode, Assert.Single(evaluation.Unmet).Code);
        }
    }

    [Fact]
    public void ScoreOfTheWrongKind_CountsAsMissing()
    {
        var rules = SessionRules.Default with { DischargeScore = DischargeScoreKind.Padss };
        var aldrete = DischargeScore.Create(DischargeScoreKind.ModifiedAldrete, [2, 2, 2, 2, 2]).Value;
        Assert.Equal(DischargeRules.ScoreMissing, Assert.Single(DischargeRules.Evaluate(Ready() with { Score = aldrete }, rules, Now).Unmet).Code);
    }

    [Theory]
    [InlineData(new[] { 2, 2, 2, 2 }, "items")] // §12.4: five items
    [InlineData(new[] { 2, 2, 2, 2, 3 }, "items")] // each 0–2
    [InlineData(new[] { 2, 2, -1, 2, 2 }, "items")]
    public void Score_Invalid(int[] items, string field)
    {
        var outcome = DischargeScore.Create(DischargeScoreKind.Padss, items);
        Assert.False(outcome.Succeeded);
        Assert.Contains(field, outcome.Errors!.ToDictionary().Keys);
    }

    [Theory]
    // §12.4 PADSS vitals: within 20% of pre-procedure = 2, 20–40% = 1, > 40% = 0.
    [InlineData(100, 120, 2)]
    [InlineData(100, 80, 2)]
    [InlineData(100, 121, 1)]
    [InlineData(100, 140, 1)]
    [InlineData(100, 141, 0)]
    [InlineData(100, 59, 0)]
    public void PadssVitalsItem(int baseline, int current, int expected) =>
        Assert.Equal(expected, DischargeScore.PadssVitalsItem(baseline, current));

    [Theory]
    // §12.4 modified Aldrete circulation: within 20% = 2, 20–50% = 1, > 50% = 0.
    [InlineData(100, 120, 2)]
    [InlineData(100, 121, 1)]
    [InlineData(100, 150, 1)]
    [InlineData(100, 151, 0)]
    public void AldreteCirculationItem(int baseline, int current, int expected) =>
        Assert.Equal(expected, DischargeScore.AldreteCirculationItem(baseline, current));
}
