using Stillpoint.Core.Sessions;

namespace Stillpoint.Core.Tests.Sessions;

public sealed class SafetyRulesTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 40, 0, TimeSpan.Zero);
    private static readonly VitalSigns PreDose = new(At.AddMinutes(-45), 120, 80, 70, 98, 14);

    public static TheoryData<int?, int?, int?, int?, int?, string[]> VitalsCases => new()
    {
        // Normal set: no alert.
        { 130, 85, 80, 97, 14, [] },
        // §14.3: 180/100 local-protocol [U] defaults; the boundary value itself is not an alert.
        // Pre-dose is 120/80, so the §12.2 (label §5.6) rise rules fire too: SBP rise ≥ 40, DBP rise ≥ 25.
        { 180, 100, 80, 97, 14, [SafetyRules.SystolicRise] },
        { 181, 100, 80, 97, 14, [SafetyRules.SystolicHigh, SafetyRules.SystolicRise] },
        { 150, 101, 80, 97, 14, [SafetyRules.DiastolicHigh] },
        // §12.2 label §5.6: a rise of exactly 40 / 25 fires; 39 / 24 does not.
        { 160, 100, 80, 97, 14, [SafetyRules.SystolicRise] },
        { 159, 100, 80, 97, 14, [] },
        { 130, 105, 80, 97, 14, [SafetyRules.DiastolicHigh, SafetyRules.DiastolicRise] },
        { 130, 104, 80, 97, 14, [SafetyRules.DiastolicHigh] },
        // §14.3: HR 110 local-protocol [U]: 110 passes, 111 alerts.
        { 130, 85, 110, 97, 14, [] },
        { 130, 85, 111, 97, 14, [SafetyRules.HeartRateHigh] },
        // §12.4: SpO2 must stay above 92%: 93 passes, 92 alerts (critical).
        { 130, 85, 80, 93, 14, [] },
        { 130, 85, 80, 92, 14, [SafetyRules.SpO2Low] },
        // Respiratory rate 8–24: placeholder [U] defaults (not in clinical-reference).
        { 130, 85, 80, 97, 8, [] },
        { 130, 85, 80, 97, 7, [SafetyRules.RespiratoryRateLow] },
        { 130, 85, 80, 97, 24, [] },
        { 130, 85, 80, 97, 25, [SafetyRules.RespiratoryRateHigh] },
        // Issue 5 §5: fail closed — every missing value is an alert, never a pass.
        { null, null, 80, 97, 14, [SafetyRules.MissingValue] },
        { 130, 85, null, 97, 14, [SafetyRules.MissingValue] },
        { 130, 85, 80, null, 14, [SafetyRules.MissingValue] },
        { 130, 85, 80, 97, null, [SafetyRules.MissingValue] },
    };

    [Theory]
    [MemberData(nameof(VitalsCases))]
    public void EvaluateVitals_AgainstDefaults(int? sys, int? dia, int? hr, int? spo2, int? rr, string[] expected)
    {
        var alerts = SafetyRules.EvaluateVitals(new VitalSigns(At, sys, dia, hr, spo2, rr), SessionRules.Default, PreDose);
        Assert.Equal(expected.Order(StringComparer.Ordinal), alerts.Select(a => a.Code).Order(StringComparer.Ordinal));
        Assert.All(alerts, a => Assert.False(string.IsNullOrWhiteSpace(a.Explanation)));
    }

    [Fact]
    public void MissingValues_AreNamedInOneAlert()
    {
        var alert = Assert.Single(SafetyRules.EvaluateVitals(new VitalSigns(At, null, null, null, null, null), SessionRules.Default, PreDose));
        Assert.Contains("blood pressure", alert.Explanation, StringComparison.Ordinal);
        Assert.Contains("respiratory rate", alert.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutPreDose_RisesAreNotEvaluated_ButAbsoluteLimitsAre()
    {
        var alerts = SafetyRules.EvaluateVitals(new VitalSigns(At, 185, 90, 80, 97, 14), SessionRules.Default, null);
        Assert.Equal([SafetyRules.SystolicHigh], alerts.Select(a => a.Code));
    }

    [Theory]
    [InlineData(AlertSeverity.Critical, SafetyRules.SystolicHigh, 181, 80, 80, 97, 14)] // §14.3 limit
    [InlineData(AlertSeverity.Critical, SafetyRules.SpO2Low, 120, 80, 80, 90, 14)] // §12.4 SpO2
    [InlineData(AlertSeverity.Critical, SafetyRules.RespiratoryRateLow, 120, 80, 80, 97, 6)] // respiratory depression
    [InlineData(AlertSeverity.Warning, SafetyRules.HeartRateHigh, 120, 80, 120, 97, 14)] // §14.3 HR
    public void Severity_ByRule(AlertSeverity severity, string code, int sys, int dia, int hr, int spo2, int rr)
    {
        var alert = SafetyRules.EvaluateVitals(new VitalSigns(At, sys, dia, hr, spo2, rr), SessionRules.Default, null).Single(a => a.Code == code);
        Assert.Equal(severity, alert.Severity);
    }

    public static TheoryData<int?, string?, AlertSeverity?> MoaasCases => new()
    {
        // §11 MOAA/S 0–5; default alert at ≤ 3 [U clinic choice]; 0 = loss of consciousness (label §5.1).
        { 5, null, null },
        { 4, null, null },
        { 3, SafetyRules.Sedation, AlertSeverity.Warning },
        { 1, SafetyRules.Sedation, AlertSeverity.Warning },
        { 0, SafetyRules.LossOfConsciousness, AlertSeverity.Critical },
        // Fail closed: not rated is an alert.
        { null, SafetyRules.MissingValue, AlertSeverity.Warning },
    };

    [Theory]
    [MemberData(nameof(MoaasCases))]
    public void EvaluateMoaas(int? score, string? code, AlertSeverity? severity)
    {
        var alerts = SafetyRules.EvaluateMoaas(score, SessionRules.Default);
        if (code is null)
        {
            Assert.Empty(alerts);
            return;
        }

        var alert = Assert.Single(alerts);
        Assert.Equal(code, alert.Code);
        Assert.Equal(severity, alert.Severity);
    }

    [Fact]
    public void Moaas_AlertLevel_IsConfigurable()
    {
        Assert.Single(SafetyRules.EvaluateMoaas(4, SessionRules.Default with { MoaasAlertAtOrBelow = 4 }));
    }
}
