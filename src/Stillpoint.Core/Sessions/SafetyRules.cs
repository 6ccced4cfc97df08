using System.Globalization;

namespace Stillpoint.Core.Sessions;

public enum AlertSeverity
{
    Warning,
    Critical,
}

/// <summary>A safety alert raised by a rule: a stable code, severity, and the explanation staff see.</summary>
public sealed record SafetyAlert(string Code, AlertSeverity Severity, string Explanation);

/// <summary>
/// In-session safety rules (issue 5 §5). Every vitals entry and rating is evaluated; a missing value is an
/// alert, never a pass (fail closed).
/// </summary>
public static class SafetyRules
{
    public const string MissingValue = "vitals-missing-value";
    public const string SystolicHigh = "bp-systolic-high";
    public const string DiastolicHigh = "bp-diastolic-high";
    public const string SystolicRise = "bp-systolic-rise";
    public const string DiastolicRise = "bp-diastolic-rise";
    public const string HeartRateHigh = "hr-high";
    public const string SpO2Low = "spo2-low";
    public const string RespiratoryRateLow = "rr-low";
    public const string RespiratoryRateHigh = "rr-high";
    public const string Sedation = "moaas-sedation";
    public const string LossOfConsciousness = "moaas-unresponsive";
    public const string OverdueCheck = "vitals-overdue";

    /// <summary>Evaluates one vitals entry against the clinic thresholds and the pre-dose baseline (if any).</summary>
    public static IReadOnlyList<SafetyAlert> EvaluateVitals(VitalSigns vitals, SessionRules rules, VitalSigns? preDose)
    {
        ArgumentNullException.ThrowIfNull(vitals);
        ArgumentNullException.ThrowIfNull(rules);
        var alerts = new List<SafetyAlert>();
        var missing = new List<string>();
        if (vitals.Systolic is null || vitals.Diastolic is null)
        {
            missing.Add("blood pressure");
        }

        if (vitals.HeartRate is null)
        {
            missing.Add("heart rate");
        }

        if (vitals.SpO2 is null)
        {
            missing.Add("SpO2");
        }

        if (vitals.RespiratoryRate is null)
        {
            missing.Add("respiratory rate");
        }

        if (missing.Count > 0)
        {
            alerts.Add(new(MissingValue, AlertSeverity.Warning, "Not measured: " + string.Join(", ", missing) + ". A missing value is never a pass."));
        }

        CheckBloodPressure(vitals, rules, preDose, alerts);
        if (vitals.HeartRate > rules.SessionHeartRateMax)
        {
            alerts.Add(new(HeartRateHigh, AlertSeverity.Warning, F($"Heart rate {vitals.HeartRate} bpm is above {rules.SessionHeartRateMax} (clinic limit, §14.3 local-protocol default, unverified — review).")));
        }

        if (vitals.SpO2 <= rules.SpO2FloorPercent)
        {
            // Desaturation is the most time-critical finding in a sedated patient (§12.2 pulse oximetry required).
            alerts.Add(new(SpO2Low, AlertSeverity.Critical, F($"SpO2 {vitals.SpO2}% is not above {rules.SpO2FloorPercent}% (§12.4 modified Aldrete SpO2 item).")));
        }

        if (vitals.RespiratoryRate < rules.RespiratoryRateMin)
        {
            alerts.Add(new(RespiratoryRateLow, AlertSeverity.Critical, F($"Respiratory rate {vitals.RespiratoryRate}/min is below {rules.RespiratoryRateMin} (possible respiratory depression; clinic limit, unverified — review).")));
        }
        else if (vitals.RespiratoryRate > rules.RespiratoryRateMax)
        {
            alerts.Add(new(RespiratoryRateHigh, AlertSeverity.Warning, F($"Respiratory rate {vitals.RespiratoryRate}/min is above {rules.RespiratoryRateMax} (clinic limit, unverified — review).")));
        }

        return alerts;
    }

    /// <summary>Evaluates a MOAA/S rating (0–5, §11). Null (not rated) is itself an alert.</summary>
    public static IReadOnlyList<SafetyAlert> EvaluateMoaas(int? score, SessionRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return score switch
        {
            null => [new(MissingValue, AlertSeverity.Warning, "MOAA/S not rated. A missing value is never a pass.")],
            // §11: MOAA/S 0 = no response even to a painful stimulus; SPRAVATO label §5.1 uses it to define loss of consciousness.
            0 => [new(LossOfConsciousness, AlertSeverity.Critical, "MOAA/S 0: no response even to a painful stimulus (loss of consciousness, §11).")],
            { } s when s <= rules.MoaasAlertAtOrBelow => [new(Sedation, AlertSeverity.Warning, F($"MOAA/S {s}: sedation at or below the clinic's alert level {rules.MoaasAlertAtOrBelow} (§11; level unverified — review)."))],
            _ => [],
        };
    }

    /// <summary>An alert for a scheduled check that has not been done in time.</summary>
    public static SafetyAlert Overdue(ScheduledCheck check, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(check);
        var late = (int)Math.Floor((now - check.DueAt).TotalMinutes);
        return new(OverdueCheck, AlertSeverity.Warning, F($"{check.Label} was due {late} min ago and is not recorded."));
    }

    private static void CheckBloodPressure(VitalSigns vitals, SessionRules rules, VitalSigns? preDose, List<SafetyAlert> alerts)
    {
        if (vitals.Systolic > rules.SessionSystolicMax)
        {
            alerts.Add(new(SystolicHigh, AlertSeverity.Critical, F($"Systolic {vitals.Systolic} mm Hg is above {rules.SessionSystolicMax} (clinic limit, §14.3 local-protocol default, unverified — review).")));
        }

        if (vitals.Diastolic > rules.SessionDiastolicMax)
        {
            alerts.Add(new(DiastolicHigh, AlertSeverity.Critical, F($"Diastolic {vitals.Diastolic} mm Hg is above {rules.SessionDiastolicMax} (clinic limit, §14.3 local-protocol default, unverified — review).")));
        }

        // §12.2 label §5.6: SBP rise ≥ 40 or DBP rise ≥ 25 mm Hg from pre-dose.
        if (preDose?.Systolic is { } baseS && vitals.Systolic is { } s && s - baseS >= rules.SystolicRiseAlert)
        {
            alerts.Add(new(SystolicRise, AlertSeverity.Warning, F($"Systolic rose {s - baseS} mm Hg from pre-dose {baseS} (≥ {rules.SystolicRiseAlert}, §12.2 label §5.6).")));
        }

        if (preDose?.Diastolic is { } baseD && vitals.Diastolic is { } d && d - baseD >= rules.DiastolicRiseAlert)
        {
            alerts.Add(new(DiastolicRise, AlertSeverity.Warning, F($"Diastolic rose {d - baseD} mm Hg from pre-dose {baseD} (≥ {rules.DiastolicRiseAlert}, §12.2 label §5.6).")));
        }
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
