namespace Stillpoint.Core.Plans;

public enum EligibilityState
{
    NotSigned,
    SignedNotEligible,
    OutOfDate,
    Current,
}

public enum ConsentState
{
    NotSigned,
    Withdrawn,
    Active,
}

/// <summary>The facts the gate looks at, gathered by the caller from storage.</summary>
public sealed record GateFacts(EligibilityState Eligibility, ConsentState Consent, bool PlanActive);

/// <summary>One unmet prerequisite: a stable code for programs and a sentence for people.</summary>
public sealed record GateProblem(string Code, string Message);

public sealed record GateResult(bool Allowed, IReadOnlyList<GateProblem> Missing);

/// <summary>
/// Nothing is dosed without an eligible, consented patient and an active plan (issue 4 §6). Returns every
/// prerequisite that is missing, not just the first.
/// </summary>
public static class DosingGate
{
    public static GateResult Check(GateFacts facts, bool requireActivePlan = true)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var missing = new List<GateProblem>();
        switch (facts.Eligibility)
        {
            case EligibilityState.NotSigned:
                missing.Add(new("eligibility-not-signed", "Eligibility has not been signed by a prescriber."));
                break;
            case EligibilityState.SignedNotEligible:
                missing.Add(new("eligibility-not-eligible", "The prescriber signed the patient as not eligible."));
                break;
            case EligibilityState.OutOfDate:
                missing.Add(new("eligibility-out-of-date", "The intake or a baseline questionnaire changed after eligibility was signed: a prescriber must review and sign again."));
                break;
            default:
                break;
        }

        switch (facts.Consent)
        {
            case ConsentState.NotSigned:
                missing.Add(new("consent-not-signed", "No signed consent on record."));
                break;
            case ConsentState.Withdrawn:
                missing.Add(new("consent-withdrawn", "Consent was withdrawn: a new signature is needed before dosing."));
                break;
            default:
                break;
        }

        if (requireActivePlan && !facts.PlanActive)
        {
            missing.Add(new("plan-not-active", "No active treatment plan."));
        }

        return new GateResult(missing.Count == 0, missing);
    }
}
