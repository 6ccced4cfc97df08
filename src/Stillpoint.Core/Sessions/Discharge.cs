using System.Globalization;

namespace Stillpoint.Core.Sessions;

/// <summary>A discharge criterion that is not met, with the reason staff see.</summary>
public sealed record DischargeCriterion(string Code, string Explanation);

/// <summary>The discharge gate's answer: ready only when nothing is unmet. Every unmet criterion is listed.</summary>
public sealed record DischargeEvaluation(IReadOnlyList<DischargeCriterion> Unmet)
{
    public bool Ready => Unmet.Count == 0;
}

/// <summary>What the discharge gate reads about the session.</summary>
public sealed record DischargeFacts
{
    public DateTimeOffset? DosingEndedAt { get; init; }

    /// <summary>The latest vitals entry (any time).</summary>
    public VitalSigns? LastVitals { get; init; }

    /// <summary>The latest MOAA/S rating and when it was taken.</summary>
    public int? LastMoaas { get; init; }

    public DateTimeOffset? LastMoaasAt { get; init; }

    public int UnacknowledgedAlerts { get; init; }

    public bool? EscortConfirmed { get; init; }

    /// <summary>The discharge-readiness score total, when the clinic uses one (§12.4).</summary>
    public DischargeScore? Score { get; init; }
}

/// <summary>
/// The discharge gate (issue 5 §8). Defaults: observation since the end of dosing (§12.2, at least 2 h), last vitals
/// taken after the end of dosing and within the clinic's pre-dose limits, MOAA/S 5 (§11), no unacknowledged alerts,
/// escort confirmed (§12.2 no driving; §12.4 PADSS needs an escort), and the configured PADSS/Aldrete score (§12.4).
/// </summary>
public static class DischargeRules
{
    public const string DosingNotEnded = "dosing-not-ended";
    public const string ObservationTooShort = "observation-too-short";
    public const string NoVitalsAfterDosing = "no-vitals-after-dosing";
    public const string VitalsOutOfRange = "vitals-out-of-range";
    public const string MoaasNotFive = "moaas-not-5";
    public const string UnacknowledgedAlerts = "unacknowledged-alerts";
    public const string EscortNotConfirmed = "escort-not-confirmed";
    public const string ScoreMissing = "score-missing";
    public const string ScoreTooLow = "score-too-low";

    // §11: 5 = answers promptly when named at normal volume (fully alert).
    public const int AlertMoaas = 5;

    public static DischargeEvaluation Evaluate(DischargeFacts facts, SessionRules rules, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(rules);
        var unmet = new List<DischargeCriterion>();
        if (facts.DosingEndedAt is not { } ended)
        {
            unmet.Add(new(DosingNotEnded, "Dosing has not ended: observation time counts from the end of dosing."));
        }
        else
        {
            var observed = now - ended;
            if (observed < TimeSpan.FromMinutes(rules.MinimumObservationMinutes))
            {
                unmet.Add(new(ObservationTooShort, F($"Observed {(int)Math.Floor(observed.TotalMinutes)} of the required {rules.MinimumObservationMinutes} min since the end of dosing (§12.2: at least 2 h).")));
            }
        }

        CheckVitals(facts, rules, unmet);
        if (facts.LastMoaas != AlertMoaas || (facts.DosingEndedAt is { } end && facts.LastMoaasAt < end))
        {
            unmet.Add(new(MoaasNotFive, facts.LastMoaas is null
                ? "No MOAA/S rating recorded; discharge needs MOAA/S 5 (§11)."
                : F($"The last MOAA/S is {facts.LastMoaas}{(facts.LastMoaasAt < facts.DosingEndedAt ? " (taken before the end of dosing)" : string.Empty)}; discharge needs 5 after dosing (§11).")));
        }

        if (facts.UnacknowledgedAlerts > 0)
        {
            unmet.Add(new(UnacknowledgedAlerts, F($"{facts.UnacknowledgedAlerts} alert(s) not acknowledged.")));
        }

        if (facts.EscortConfirmed != true)
        {
            unmet.Add(new(EscortNotConfirmed, "Escort home is not confirmed (no driving until the next day, §12.2; §12.4 PADSS needs a competent adult escort)."));
        }

        CheckScore(facts.Score, rules, unmet);
        return new DischargeEvaluation(unmet);
    }

    private static void CheckVitals(DischargeFacts facts, SessionRules rules, List<DischargeCriterion> unmet)
    {
        var vitals = facts.LastVitals;
        if (vitals is null || facts.DosingEndedAt is null || vitals.TakenAt < facts.DosingEndedAt)
        {
            // §12.2 REMS form: BP pre-completion; vitals acceptable pre-completion.
            unmet.Add(new(NoVitalsAfterDosing, "No vitals taken after the end of dosing (the pre-discharge BP, §12.2)."));
            return;
        }

        var problems = new List<string>();
        if (!vitals.HasBloodPressure)
        {
            problems.Add("BP not measured");
        }
        else if (vitals.Systolic > rules.PreDoseSystolicMax || vitals.Diastolic > rules.PreDoseDiastolicMax)
        {
            problems.Add(F($"BP {vitals.Systolic}/{vitals.Diastolic} above {rules.PreDoseSystolicMax}/{rules.PreDoseDiastolicMax}"));
        }

        if (vitals.HeartRate is null)
        {
            problems.Add("heart rate not measured");
        }
        else if (vitals.HeartRate > rules.PreDoseHeartRateMax)
        {
            problems.Add(F($"heart rate {vitals.HeartRate} above {rules.PreDoseHeartRateMax}"));
        }

        if (vitals.SpO2 is null)
        {
            problems.Add("SpO2 not measured");
        }
        else if (vitals.SpO2 <= rules.SpO2FloorPercent)
        {
            problems.Add(F($"SpO2 {vitals.SpO2}% not above {rules.SpO2FloorPercent}%"));
        }

        if (vitals.RespiratoryRate is null)
        {
            problems.Add("respiratory rate not measured");
        }
        else if (vitals.RespiratoryRate < rules.RespiratoryRateMin || vitals.RespiratoryRate > rules.RespiratoryRateMax)
        {
            problems.Add(F($"respiratory rate {vitals.RespiratoryRate} outside {rules.RespiratoryRateMin}–{rules.RespiratoryRateMax}"));
        }

        if (problems.Count > 0)
        {
            unmet.Add(new(VitalsOutOfRange, "Last vitals not within the clinic's limits (pre-dose limits): " + string.Join(", ", problems) + "."));
        }
    }

    private static void CheckScore(DischargeScore? score, SessionRules rules, List<DischargeCriterion> unmet)
    {
        if (rules.DischargeScore == DischargeScoreKind.None)
        {
            return;
        }

        if (score is null || score.Kind != rules.DischargeScore)
        {
            unmet.Add(new(ScoreMissing, F($"No {rules.DischargeScore} score recorded (§12.4).")));
            return;
        }

        if (score.Total < rules.DischargeScoreMinimum)
        {
            unmet.Add(new(ScoreTooLow, F($"{score.Kind} score {score.Total} is below {rules.DischargeScoreMinimum} (§12.4).")));
        }
        else if (score.Kind == DischargeScoreKind.ModifiedAldrete && rules.DischargeScoreMinimum < 9 && (score.Items[1] < 2 || score.Items[4] < 2))
        {
            // §12.4: the ≥ 8 variant of the modified Aldrete needs 2 points each for respiration and SpO2.
            unmet.Add(new(ScoreTooLow, "Modified Aldrete ≥ 8 variant needs 2 points each for respiration and SpO2 (§12.4)."));
        }
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
