namespace Stillpoint.Core.Plans;

public enum PlanStatus
{
    Draft,
    Active,
    Completed,
    Stopped,
}

/// <summary>What the guards need to know about the patient when a plan changes status.</summary>
public sealed record PlanGuardFacts(GateFacts Gate, bool AnotherPlanActive);

/// <summary>Draft → Active → Completed / Stopped (a draft may also be stopped, i.e. abandoned). Ended plans are final.</summary>
public static class PlanStatusMachine
{
    public static bool CanRevise(PlanStatus status) => status is PlanStatus.Draft or PlanStatus.Active;

    /// <summary>Every reason the transition is refused (empty = allowed), in words.</summary>
    public static IReadOnlyList<string> Check(PlanStatus from, PlanStatus to, PlanGuardFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var allowed = (from, to) switch
        {
            (PlanStatus.Draft, PlanStatus.Active) => true,
            (PlanStatus.Draft, PlanStatus.Stopped) => true,
            (PlanStatus.Active, PlanStatus.Completed) => true,
            (PlanStatus.Active, PlanStatus.Stopped) => true,
            _ => false,
        };
        if (!allowed)
        {
            return [$"A {Name(from)} plan cannot become {Name(to)} (allowed: draft → active → completed or stopped; a draft may be stopped)."];
        }

        if (to != PlanStatus.Active)
        {
            return [];
        }

        var problems = DosingGate.Check(facts.Gate, requireActivePlan: false).Missing.Select(p => p.Message).ToList();
        if (facts.AnotherPlanActive)
        {
            problems.Add("Another plan is already active for this patient: complete or stop it first.");
        }

        return problems;
    }

    public static string Name(PlanStatus status) => status.ToString().ToLowerInvariant();
}
