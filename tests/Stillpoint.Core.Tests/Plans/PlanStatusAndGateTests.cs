using Stillpoint.Core.Plans;

namespace Stillpoint.Core.Tests.Plans;

public sealed class PlanStatusAndGateTests
{
    private static readonly GateFacts AllMet = new(EligibilityState.Current, ConsentState.Active, PlanActive: true);

    [Theory]
    [InlineData(PlanStatus.Draft, PlanStatus.Active, true)]
    [InlineData(PlanStatus.Draft, PlanStatus.Stopped, true)]
    [InlineData(PlanStatus.Active, PlanStatus.Completed, true)]
    [InlineData(PlanStatus.Active, PlanStatus.Stopped, true)]
    [InlineData(PlanStatus.Draft, PlanStatus.Completed, false)]
    [InlineData(PlanStatus.Active, PlanStatus.Draft, false)]
    [InlineData(PlanStatus.Completed, PlanStatus.Active, false)]
    [InlineData(PlanStatus.Stopped, PlanStatus.Active, false)]
    [InlineData(PlanStatus.Active, PlanStatus.Active, false)]
    public void Transitions(PlanStatus from, PlanStatus to, bool allowed)
    {
        var problems = PlanStatusMachine.Check(from, to, new PlanGuardFacts(AllMet, AnotherPlanActive: false));

        Assert.Equal(allowed, problems.Count == 0);
    }

    [Theory]
    [InlineData(EligibilityState.NotSigned, ConsentState.Active, "eligibility-not-signed")]
    [InlineData(EligibilityState.OutOfDate, ConsentState.Active, "eligibility-out-of-date")]
    [InlineData(EligibilityState.SignedNotEligible, ConsentState.Active, "eligibility-not-eligible")]
    [InlineData(EligibilityState.Current, ConsentState.NotSigned, "consent-not-signed")]
    [InlineData(EligibilityState.Current, ConsentState.Withdrawn, "consent-withdrawn")]
    public void Activation_NeedsEligibilityAndConsent(EligibilityState eligibility, ConsentState consent, string code)
    {
        var facts = new PlanGuardFacts(new GateFacts(eligibility, consent, PlanActive: false), AnotherPlanActive: false);

        var problems = PlanStatusMachine.Check(PlanStatus.Draft, PlanStatus.Active, facts);

        Assert.Single(problems);
        Assert.Equal(code, Assert.Single(DosingGate.Check(facts.Gate, requireActivePlan: false).Missing).Code);
    }

    [Fact]
    public void Activation_WithAnotherActivePlan_IsRefused() =>
        Assert.Contains(PlanStatusMachine.Check(PlanStatus.Draft, PlanStatus.Active, new PlanGuardFacts(AllMet, AnotherPlanActive: true)), p => p.Contains("Another plan", StringComparison.Ordinal));

    [Fact]
    public void Stopping_DoesNotNeedTheGate() =>
        Assert.Empty(PlanStatusMachine.Check(PlanStatus.Active, PlanStatus.Stopped, new PlanGuardFacts(new GateFacts(EligibilityState.OutOfDate, ConsentState.Withdrawn, true), false)));

    [Fact]
    public void Gate_AllMet_Allows() => Assert.True(DosingGate.Check(AllMet).Allowed);

    [Fact]
    public void Gate_NothingMet_ListsAllThree()
    {
        var result = DosingGate.Check(new GateFacts(EligibilityState.NotSigned, ConsentState.NotSigned, PlanActive: false));

        Assert.False(result.Allowed);
        Assert.Equal(["eligibility-not-signed", "consent-not-signed", "plan-not-active"], result.Missing.Select(m => m.Code));
    }

    [Fact]
    public void Gate_OnlyPlanMissing_SaysSo() =>
        Assert.Equal("plan-not-active", Assert.Single(DosingGate.Check(AllMet with { PlanActive = false }).Missing).Code);

    [Theory]
    [InlineData(PlanStatus.Draft, true)]
    [InlineData(PlanStatus.Active, true)]
    [InlineData(PlanStatus.Completed, false)]
    [InlineData(PlanStatus.Stopped, false)]
    public void OnlyOpenPlansCanBeRevised(PlanStatus status, bool canRevise) => Assert.Equal(canRevise, PlanStatusMachine.CanRevise(status));
}
