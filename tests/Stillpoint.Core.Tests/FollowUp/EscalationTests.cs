using Stillpoint.Core.FollowUp;
using static Stillpoint.Core.Tests.FollowUp.FollowUpData;

namespace Stillpoint.Core.Tests.FollowUp;

public sealed class EscalationTests
{
    public static TheoryData<AlertSeverity, int?, int, EscalationState> Cases => new()
    {
        // severity, acknowledged minute, now minute (clinic time 30 min) → state
        { AlertSeverity.Medium, null, 100, EscalationState.NotApplicable },
        { AlertSeverity.Low, null, 100, EscalationState.NotApplicable },
        { AlertSeverity.High, null, 0, EscalationState.Waiting },
        { AlertSeverity.High, null, 29, EscalationState.Waiting },
        { AlertSeverity.High, null, 30, EscalationState.Escalated },
        { AlertSeverity.High, null, 600, EscalationState.Escalated },
        { AlertSeverity.High, 10, 100, EscalationState.Averted },
        { AlertSeverity.High, 29, 29, EscalationState.Averted },
        { AlertSeverity.High, 30, 100, EscalationState.Escalated }, // acknowledged at the deadline: too late
        { AlertSeverity.High, 45, 100, EscalationState.Escalated }, // a late acknowledgement does not undo it
        { AlertSeverity.High, 20, 15, EscalationState.Waiting },    // an acknowledgement after "now" is not known yet
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Escalation_IsAPureFunctionOfTimes(AlertSeverity severity, int? ackMinute, int nowMinute, EscalationState expected)
    {
        var alert = new FollowUpAlert("k", AlertKind.SuicideRisk, severity, T0, "why");
        var settings = AlertSettings.Default with { EscalateAfter = TimeSpan.FromMinutes(30) };
        var decision = Escalation.Evaluate(alert, ackMinute is { } ack ? T0.AddMinutes(ack) : null, T0.AddMinutes(nowMinute), settings);
        Assert.Equal(expected, decision.State);
        Assert.Equal(expected == EscalationState.Escalated ? "Prescriber" : null, decision.Recipient);
        Assert.Equal(expected == EscalationState.NotApplicable ? null : T0.AddMinutes(30), decision.Deadline);
        Assert.False(string.IsNullOrWhiteSpace(decision.Explanation));
    }

    [Fact]
    public void ClinicTime_SetsTheDeadline()
    {
        var alert = new FollowUpAlert("k", AlertKind.SuicideRisk, AlertSeverity.High, T0, "why");
        var decision = Escalation.Evaluate(alert, null, T0.AddMinutes(20), AlertSettings.Default with { EscalateAfter = TimeSpan.FromMinutes(15) });
        Assert.Equal(EscalationState.Escalated, decision.State);
        Assert.Contains("within 15 min", decision.Explanation, StringComparison.Ordinal);
        Assert.Contains("2026-03-02 09:15 UTC", decision.Explanation, StringComparison.Ordinal);
    }
}
