using System.Globalization;

namespace Stillpoint.Core.Sessions;

/// <summary>Whether a pregnancy test applies today, and its result.</summary>
public enum PregnancyTest
{
    NotApplicable,
    Negative,
    Positive,
    NotDone,
}

/// <summary>The preparation checklist and pre-dose measures the go/no-go check reads.</summary>
public sealed record PreparationChecklist
{
    public VitalSigns? PreDoseVitals { get; init; }

    public bool? FastingConfirmed { get; init; }

    public bool? EscortConfirmed { get; init; }

    public PregnancyTest Pregnancy { get; init; } = PregnancyTest.NotDone;

    public bool? MedicationsReviewed { get; init; }

    public bool IntentionRecorded { get; init; }

    public bool PreDoseBsriRecorded { get; init; }
}

/// <summary>A rule that fired: a stable code, the explanation shown to staff, and whether it blocks dosing.</summary>
public sealed record FiredRule(string Code, string Explanation, bool Blocking);

/// <summary>A prescriber's override of a no-go, with the reason.</summary>
public sealed record GoNoGoOverride(Guid? PrescriberId, string Reason, DateTimeOffset At);

/// <summary>
/// The go/no-go decision. It lists every rule that fired (blocking or advisory). A no-go may be cleared by a
/// prescriber's override with a reason, except when a rule is not overridable (missing pre-dose vitals: measure them).
/// </summary>
public sealed record GoNoGoDecision(IReadOnlyList<FiredRule> Fired, GoNoGoOverride? Override)
{
    public IEnumerable<FiredRule> Blocking => Fired.Where(r => r.Blocking);

    public bool Go => !Fired.Any(r => r.Blocking);

    /// <summary>True when dosing may start: go, or no-go overridden by a prescriber.</summary>
    public bool Cleared => Go || (Override is not null && !Fired.Any(r => r.Blocking && !GoNoGoRules.IsOverridable(r.Code)));

    public string Verdict => Go ? "go" : Cleared ? "overridden" : "no-go";
}

/// <summary>The go/no-go rules (issue 5 §2), evaluated over the preparation checklist with the clinic's limits.</summary>
public static class GoNoGoRules
{
    public const string MissingVitals = "predose-vitals-missing";
    public const string BloodPressureHigh = "predose-bp-high";
    public const string HeartRateHigh = "predose-hr-high";
    public const string SpO2Low = "predose-spo2-low";
    public const string FastingNotConfirmed = "fasting-not-confirmed";
    public const string EscortNotConfirmed = "escort-not-confirmed";
    public const string PregnancyPositive = "pregnancy-positive";
    public const string PregnancyNotDone = "pregnancy-test-not-done";
    public const string MedicationsNotReviewed = "medications-not-reviewed";
    public const string IntentionMissing = "intention-missing";
    public const string BsriMissing = "predose-bsri-missing";

    /// <summary>Missing data cannot be overridden: the safe action is to measure it (fail closed).</summary>
    public static bool IsOverridable(string code) => code is not MissingVitals;

    public static GoNoGoDecision Evaluate(PreparationChecklist checklist, SessionRules rules, GoNoGoOverride? overrideByPrescriber = null)
    {
        ArgumentNullException.ThrowIfNull(checklist);
        ArgumentNullException.ThrowIfNull(rules);
        var fired = new List<FiredRule>();
        EvaluateVitals(checklist.PreDoseVitals, rules, fired);
        if (checklist.FastingConfirmed != true)
        {
            fired.Add(new(FastingNotConfirmed, "Fasting is not confirmed.", Blocking: true));
        }

        if (checklist.EscortConfirmed != true)
        {
            // §12.2: no driving until the next day; PADSS discharge needs a competent adult escort (§12.4).
            fired.Add(new(EscortNotConfirmed, "Escort / transport home is not confirmed (no driving until the next day, §12.2).", Blocking: true));
        }

        switch (checklist.Pregnancy)
        {
            case PregnancyTest.Positive:
                fired.Add(new(PregnancyPositive, "The pregnancy test is positive.", Blocking: true));
                break;
            case PregnancyTest.NotDone:
                fired.Add(new(PregnancyNotDone, "Pregnancy test: not recorded (record the result, or not applicable).", Blocking: true));
                break;
            case PregnancyTest.NotApplicable:
            case PregnancyTest.Negative:
                break;
        }

        if (checklist.MedicationsReviewed != true)
        {
            fired.Add(new(MedicationsNotReviewed, "Today's medications are not reviewed.", Blocking: true));
        }

        if (!checklist.IntentionRecorded)
        {
            fired.Add(new(IntentionMissing, "No intention recorded for today (advisory).", Blocking: false));
        }

        if (!checklist.PreDoseBsriRecorded)
        {
            fired.Add(new(BsriMissing, "No pre-dose state rumination (BSRI) recorded (advisory).", Blocking: false));
        }

        var isNoGo = fired.Any(r => r.Blocking);
        return new GoNoGoDecision(fired, isNoGo ? overrideByPrescriber : null);
    }

    private static void EvaluateVitals(VitalSigns? vitals, SessionRules rules, List<FiredRule> fired)
    {
        if (vitals is null)
        {
            fired.Add(new(MissingVitals, "No pre-dose vitals recorded: measure them before dosing.", Blocking: true));
            return;
        }

        // Fail closed: each missing value is a blocking rule of its own kind.
        if (!vitals.HasBloodPressure)
        {
            fired.Add(new(MissingVitals, "Pre-dose blood pressure is missing.", Blocking: true));
        }
        else if (vitals.Systolic > rules.PreDoseSystolicMax || vitals.Diastolic > rules.PreDoseDiastolicMax)
        {
            // §12.2/§14.3: above 140/90 weigh benefit against risk [U, clinic-configurable].
            fired.Add(new(BloodPressureHigh, string.Create(CultureInfo.InvariantCulture,
                $"Pre-dose BP {vitals.Systolic}/{vitals.Diastolic} is above {rules.PreDoseSystolicMax}/{rules.PreDoseDiastolicMax} mm Hg (clinic limit, default from §12.2 label guide, unverified — review)."), Blocking: true));
        }

        if (vitals.HeartRate is null)
        {
            fired.Add(new(MissingVitals, "Pre-dose heart rate is missing.", Blocking: true));
        }
        else if (vitals.HeartRate > rules.PreDoseHeartRateMax)
        {
            fired.Add(new(HeartRateHigh, string.Create(CultureInfo.InvariantCulture,
                $"Pre-dose heart rate {vitals.HeartRate} is above {rules.PreDoseHeartRateMax} bpm (clinic limit, §14.3 local-protocol default, unverified — review)."), Blocking: true));
        }

        if (vitals.SpO2 is null)
        {
            fired.Add(new(MissingVitals, "Pre-dose SpO2 is missing (pulse oximetry is required, §12.2).", Blocking: true));
        }
        else if (vitals.SpO2 <= rules.SpO2FloorPercent)
        {
            fired.Add(new(SpO2Low, string.Create(CultureInfo.InvariantCulture,
                $"Pre-dose SpO2 {vitals.SpO2}% is not above {rules.SpO2FloorPercent}% (§12.4 modified Aldrete SpO2 item)."), Blocking: true));
        }
    }
}
