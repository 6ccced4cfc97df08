using Stillpoint.Core.Sessions;

namespace Stillpoint.Core.Tests.Sessions;

public sealed class GoNoGoTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static PreparationChecklist Ready(int? sys = 120, int? dia = 80, int? hr = 70, int? spo2 = 98) => new()
    {
        PreDoseVitals = new VitalSigns(At, sys, dia, hr, spo2, 14),
        FastingConfirmed = true,
        EscortConfirmed = true,
        Pregnancy = PregnancyTest.NotApplicable,
        MedicationsReviewed = true,
        IntentionRecorded = true,
        PreDoseBsriRecorded = true,
    };

    public static TheoryData<int?, int?, int?, int?, string?> VitalsCases => new()
    {
        // §12.2/§14.3: > 140/90 (label general guide, [U] default) is a no-go; exactly 140/90 passes.
        { 140, 90, 70, 98, null },
        { 141, 80, 70, 98, GoNoGoRules.BloodPressureHigh },
        { 130, 91, 70, 98, GoNoGoRules.BloodPressureHigh },
        // §14.3: HR 110 local-protocol value [U]: 110 passes, 111 is a no-go.
        { 120, 80, 110, 98, null },
        { 120, 80, 111, 98, GoNoGoRules.HeartRateHigh },
        // §12.4: SpO2 must be > 92% (modified Aldrete room-air item): 93 passes, 92 does not.
        { 120, 80, 70, 93, null },
        { 120, 80, 70, 92, GoNoGoRules.SpO2Low },
        // Fail closed: a missing value is a no-go (issue 5 §5).
        { null, null, 70, 98, GoNoGoRules.MissingVitals },
        { 120, 80, null, 98, GoNoGoRules.MissingVitals },
        { 120, 80, 70, null, GoNoGoRules.MissingVitals },
    };

    [Theory]
    [MemberData(nameof(VitalsCases))]
    public void PreDoseVitals_AgainstDefaultLimits(int? sys, int? dia, int? hr, int? spo2, string? expectedRule)
    {
        var decision = GoNoGoRules.Evaluate(Ready(sys, dia, hr, spo2), SessionRules.Default);
        if (expectedRule is null)
        {
            Assert.True(decision.Go);
            Assert.Empty(decision.Fired);
        }
        else
        {
            Assert.False(decision.Go);
            Assert.Contains(decision.Fired, r => r.Code == expectedRule && r.Blocking);
        }
    }

    public static TheoryData<string, string, bool> ChecklistCases => new()
    {
        // Issue 5 §2 checklist items: each one missing fires its own rule.
        { "fasting", GoNoGoRules.FastingNotConfirmed, true },
        { "escort", GoNoGoRules.EscortNotConfirmed, true },
        { "pregnancy-positive", GoNoGoRules.PregnancyPositive, true },
        { "pregnancy-not-done", GoNoGoRules.PregnancyNotDone, true },
        { "medications", GoNoGoRules.MedicationsNotReviewed, true },
        { "no-vitals", GoNoGoRules.MissingVitals, true },
        // Advisory (recorded, not blocking): intention and pre-dose BSRI (§4 BSRI is measured, not a gate).
        { "intention", GoNoGoRules.IntentionMissing, false },
        { "bsri", GoNoGoRules.BsriMissing, false },
    };

    [Theory]
    [MemberData(nameof(ChecklistCases))]
    public void ChecklistItem_Missing_FiresItsRule(string missing, string code, bool blocking)
    {
        var checklist = missing switch
        {
            "fasting" => Ready() with { FastingConfirmed = null },
            "escort" => Ready() with { EscortConfirmed = false },
            "pregnancy-positive" => Ready() with { Pregnancy = PregnancyTest.Positive },
            "pregnancy-not-done" => Ready() with { Pregnancy = PregnancyTest.NotDone },
            "medications" => Ready() with { MedicationsReviewed = false },
            "no-vitals" => Ready() with { PreDoseVitals = null },
            "intention" => Ready() with { IntentionRecorded = false },
            "bsri" => Ready() with { PreDoseBsriRecorded = false },
            _ => throw new ArgumentOutOfRangeException(nameof(missing)),
        };

        var decision = GoNoGoRules.Evaluate(checklist, SessionRules.Default);

        var fired = Assert.Single(decision.Fired);
        Assert.Equal(code, fired.Code);
        Assert.Equal(blocking, fired.Blocking);
        Assert.Equal(!blocking, decision.Go);
    }

    [Fact]
    public void Decision_ListsEveryRuleThatFired()
    {
        var checklist = Ready(150, 95, 120, 90) with { FastingConfirmed = false, IntentionRecorded = false };
        var decision = GoNoGoRules.Evaluate(checklist, SessionRules.Default);
        Assert.Equal(
            [GoNoGoRules.BloodPressureHigh, GoNoGoRules.HeartRateHigh, GoNoGoRules.SpO2Low, GoNoGoRules.FastingNotConfirmed, GoNoGoRules.IntentionMissing],
            decision.Fired.Select(r => r.Code));
    }

    [Fact]
    public void ClinicLimits_AreConfigurable()
    {
        // §14.3: thresholds are configurable local-protocol values; a clinic may set 160/100.
        var rules = SessionRules.Default with { PreDoseSystolicMax = 160, PreDoseDiastolicMax = 100 };
        Assert.True(GoNoGoRules.Evaluate(Ready(155, 95), rules).Go);
    }

    [Fact]
    public void PrescriberOverride_ClearsANoGo_AndKeepsTheFiredRules()
    {
        var over = new GoNoGoOverride(Guid.CreateVersion7(), "BP 145/85 is this patient's usual; reviewed", At);
        var decision = GoNoGoRules.Evaluate(Ready(145, 85), SessionRules.Default, over);
        Assert.False(decision.Go);
        Assert.True(decision.Cleared);
        Assert.Equal("overridden", decision.Verdict);
        Assert.Single(decision.Fired);
    }

    [Fact]
    public void Override_CannotClearMissingVitals()
    {
        var over = new GoNoGoOverride(Guid.CreateVersion7(), "trust me", At);
        var decision = GoNoGoRules.Evaluate(Ready() with { PreDoseVitals = null }, SessionRules.Default, over);
        Assert.False(decision.Cleared);
        Assert.Equal("no-go", decision.Verdict);
    }

    [Fact]
    public void Override_OnAGo_IsNotRecorded()
    {
        var decision = GoNoGoRules.Evaluate(Ready(), SessionRules.Default, new GoNoGoOverride(null, "x", At));
        Assert.Null(decision.Override);
        Assert.Equal("go", decision.Verdict);
    }

    [Fact]
    public void Describe_MarksEveryUnverifiedDefault()
    {
        var settings = SessionRules.Default.Describe();
        // §14.3: 140/90, 180/100 and HR 110 are unverified / local-protocol values.
        Assert.All(
            settings.Where(s => s.Key is nameof(SessionRules.PreDoseSystolicMax) or nameof(SessionRules.SessionSystolicMax) or nameof(SessionRules.SessionHeartRateMax)),
            s => Assert.True(s.Unverified));
        // §12.2: the 2 h observation and the 40-minute BP are verified.
        Assert.False(settings.Single(s => s.Key == nameof(SessionRules.MinimumObservationMinutes)).Unverified);
        Assert.Equal("120", settings.Single(s => s.Key == nameof(SessionRules.MinimumObservationMinutes)).Value);
    }
}
