using Stillpoint.Core.FollowUp;
using Stillpoint.Core.Instruments;
using Stillpoint.Core.Tests.Instruments;
using static Stillpoint.Core.Tests.FollowUp.FollowUpData;

namespace Stillpoint.Core.Tests.FollowUp;

public sealed class AlertRulesTests
{
    public static TheoryData<string, int?, string?, bool, string> SuicideCases => new()
    {
        // instrument, item 9, C-SSRS risk → alert?, reference cited
        { "phq9", 0, null, false, "" },
        { "phq9", 1, null, true, "§1" },   // whatever the total
        { "phq9", 3, null, true, "§1" },
        { "phq9", null, null, false, "" },
        { "gad7", 3, null, false, "" },
        { "cssrs-screen", null, "none", false, "" },
        { "cssrs-screen", null, "low", false, "" },
        { "cssrs-screen", null, "moderate", true, "§7" },
        { "cssrs-screen", null, "high", true, "§7" },
    };

    [Theory]
    [MemberData(nameof(SuicideCases))]
    public void SuicideRisk_IsHighAndImmediate(string instrument, int? item9, string? risk, bool alerts, string reference)
    {
        var response = new MeasureResponse(Id(5), instrument, Hours(3), instrument == "cssrs-screen" ? null : 2)
        {
            Items = item9 is { } value ? new Dictionary<int, int> { [9] = value } : new Dictionary<int, int>(),
            RiskLevel = risk,
        };
        var alert = AlertRules.SuicideRisk(response);
        Assert.Equal(alerts, alert is not null);
        if (alert is not null)
        {
            Assert.Equal(AlertKind.SuicideRisk, alert.Kind);
            Assert.Equal(AlertSeverity.High, alert.Severity);
            Assert.Equal(Hours(3), alert.RaisedAt);
            Assert.Equal($"suicide-risk/{Id(5)}", alert.Key);
            Assert.Equal(Id(5), alert.SourceId);
            Assert.Contains(reference, alert.Explanation, StringComparison.Ordinal);
            Assert.Contains("2026-03-02 12:00 UTC", alert.Explanation, StringComparison.Ordinal);
        }
    }

    public static TheoryData<int[], bool> Phq9Deterioration => new()
    {
        // PHQ-9 totals in time order; §1: SD 3.5, r .84 → S_diff 1.98, reliable change from 4 points
        { [10, 14], true },
        { [10, 13], false },
        { [10, 6], false },        // reliably improved: no alert
        { [10, 3, 14], true },     // latest against the baseline, not the previous
        { [10, 20, 12], false },
        { [10], false },
        { [], false },
    };

    [Theory]
    [MemberData(nameof(Phq9Deterioration))]
    public void Deterioration_Phq9AgainstBaseline(int[] totals, bool alerts)
    {
        var history = totals.Select((t, i) => Answer(i, "phq9", Days(7 * i), t)).Reverse().ToList();
        var alert = AlertRules.Deterioration(ShippedInstruments.Get("phq9"), history);
        Assert.Equal(alerts, alert is not null);
        if (alert is not null)
        {
            Assert.Equal(AlertSeverity.Medium, alert.Severity);
            Assert.Equal(AlertKind.ReliableDeterioration, alert.Kind);
            Assert.Equal(Days(7 * (totals.Length - 1)), alert.RaisedAt);
            Assert.Contains("RCI =", alert.Explanation, StringComparison.Ordinal);
            Assert.Contains($"{totals[0]} on 2026-03-02 09:00 UTC (baseline)", alert.Explanation, StringComparison.Ordinal);
        }
    }

    public static TheoryData<double?, int, bool> RrsDeterioration => new()
    {
        // clinic SD (RRS-22 has none by default, §3) and a rise from 40 → alert? With SD 10, r .90: reliable from 8.77.
        { null, 30, false },
        { 10.0, 8, false },
        { 10.0, 9, true },
    };

    [Theory]
    [MemberData(nameof(RrsDeterioration))]
    public void Deterioration_NeedsAnSd_ForRumination(double? sd, int rise, bool alerts)
    {
        var history = new[] { Answer(1, "rrs22", Days(0), 40), Answer(2, "rrs22", Days(7), 40 + rise), Answer(3, "phq9", Days(8), 27) };
        var settings = sd is { } value ? new ReliableChangeSettings((decimal)value, null) : null;
        Assert.Equal(alerts, AlertRules.Deterioration(ShippedInstruments.Get("rrs22"), history, settings) is not null);
    }

    public static TheoryData<int, int?, bool> OverdueCases => new()
    {
        // BSRI post-dose (overdue after +50 min), clinic threshold 60 min: now minute, answered minute → alert?
        { 20, null, false },   // upcoming
        { 45, null, false },   // due
        { 100, null, false },  // overdue 50 min
        { 110, null, true },   // overdue 60 min
        { 500, null, true },   // missed
        { 500, 45, false },    // answered
    };

    [Theory]
    [MemberData(nameof(OverdueCases))]
    public void Overdue_BeyondTheClinicThreshold(int nowMinute, int? answeredMinute, bool alerts)
    {
        var items = Generate(Plan(0, [Dose(1, 0)])).Where(i => i.Key == SessionKey("bsri-post", 1));
        MeasureResponse[] answers = answeredMinute is { } minute ? [Answer(1, "bsri", T0.AddMinutes(minute), 20)] : [];
        var now = T0.AddMinutes(nowMinute);
        var settings = AlertSettings.Default with { OverdueThreshold = TimeSpan.FromMinutes(60) };
        var alertsRaised = AlertRules.Overdue(ScheduleStatus.Evaluate(items, answers, now), now, settings);
        Assert.Equal(alerts ? 1 : 0, alertsRaised.Count);
        if (alerts)
        {
            var alert = alertsRaised[0];
            Assert.Equal(AlertSeverity.Low, alert.Severity);
            Assert.Equal(T0.AddMinutes(110), alert.RaisedAt);
            Assert.Equal($"overdue/{SessionKey("bsri-post", 1)}", alert.Key);
            Assert.Contains("clinic threshold 60 min", alert.Explanation, StringComparison.Ordinal);
        }
    }

    public static TheoryData<DoseState, int, bool> MissedSessionCases => new()
    {
        // state, now minutes after the booked dose time (grace 60 min) → alert?
        { DoseState.Scheduled, 30, false },
        { DoseState.Scheduled, 59, false },
        { DoseState.Scheduled, 60, true },
        { DoseState.Dosed, 500, false },
        { DoseState.Aborted, 500, false },
        { DoseState.Missed, 0, true },
        { DoseState.Missed, 500, true },
    };

    [Theory]
    [MemberData(nameof(MissedSessionCases))]
    public void MissedSession(DoseState state, int nowMinute, bool alerts)
    {
        var now = T0.AddMinutes(nowMinute);
        var raised = AlertRules.MissedSessions([new DoseSession(Id(9), T0, state)], now, AlertSettings.Default);
        Assert.Equal(alerts ? 1 : 0, raised.Count);
        if (alerts)
        {
            Assert.Equal(AlertSeverity.Medium, raised[0].Severity);
            Assert.Equal(Id(9), raised[0].SourceId);
            Assert.True(raised[0].RaisedAt <= now);
            Assert.Contains("2026-03-02 09:00 UTC", raised[0].Explanation, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Phq9Item9_RaisesAnAlert_AndSchedulesACssrs_FromTheSameAnswer()
    {
        var answer = Phq9(1, Hours(30), item9: 1);
        Assert.NotNull(AlertRules.SuicideRisk(answer));
        Assert.Contains(Generate(Plan(0, []), answer), i => i.InstrumentId == "cssrs-screen" && i.Window.Due == Hours(30));
    }
}
