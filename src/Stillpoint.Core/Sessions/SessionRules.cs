namespace Stillpoint.Core.Sessions;

/// <summary>
/// One configurable value of the clinic's session rules, with where its default comes from.
/// <see cref="Unverified"/> values are shown to the clinic admin as "default, unverified — review".
/// </summary>
public sealed record RuleSetting(string Key, string Value, string Source, bool Unverified);

/// <summary>
/// The clinic's session rule set: go/no-go limits, in-session alert thresholds, the vitals schedule and the
/// discharge criteria. Every default cites clinical-reference.md; [U] defaults are clinic-configurable and
/// flagged for review, never fixed truths.
/// </summary>
public sealed record SessionRules
{
    public static SessionRules Default { get; } = new();

    // ---- Go/no-go (pre-dose) ----

    /// <summary>Pre-dose systolic above this is a no-go. clinical-reference §14.3 / §12.2: ">140/90" is the esketamine label's general guide [U].</summary>
    public int PreDoseSystolicMax { get; init; } = 140;

    /// <summary>Pre-dose diastolic above this is a no-go. clinical-reference §14.3 / §12.2 (label general guide) [U].</summary>
    public int PreDoseDiastolicMax { get; init; } = 90;

    /// <summary>Pre-dose heart rate above this is a no-go. clinical-reference §14.3: HR 110 is a local-protocol value [U].</summary>
    public int PreDoseHeartRateMax { get; init; } = 110;

    /// <summary>Pre-dose SpO2 must be above this (%). clinical-reference §12.4: modified Aldrete scores SpO2 &gt; 92% on room air as 2 [V as a score item; as a gate it is a clinic choice].</summary>
    public int SpO2FloorPercent { get; init; } = 92;

    // ---- In-session alerts ----

    /// <summary>Systolic above this raises an alert. clinical-reference §14.3: 180/100 is a local-protocol value, configurable [U].</summary>
    public int SessionSystolicMax { get; init; } = 180;

    /// <summary>Diastolic above this raises an alert. clinical-reference §14.3 local-protocol value [U].</summary>
    public int SessionDiastolicMax { get; init; } = 100;

    /// <summary>Heart rate above this raises an alert. clinical-reference §14.3: HR 110 local-protocol value [U].</summary>
    public int SessionHeartRateMax { get; init; } = 110;

    /// <summary>A systolic rise from pre-dose of at least this raises an alert. clinical-reference §12.2 (label §5.6: SBP rise ≥ 40) [V].</summary>
    public int SystolicRiseAlert { get; init; } = 40;

    /// <summary>A diastolic rise from pre-dose of at least this raises an alert. clinical-reference §12.2 (label §5.6: DBP rise ≥ 25) [V].</summary>
    public int DiastolicRiseAlert { get; init; } = 25;

    /// <summary>Respiratory rate below this raises an alert. NOT in clinical-reference: placeholder local-protocol value [U], must be reviewed.</summary>
    public int RespiratoryRateMin { get; init; } = 8;

    /// <summary>Respiratory rate above this raises an alert. NOT in clinical-reference: placeholder local-protocol value [U], must be reviewed.</summary>
    public int RespiratoryRateMax { get; init; } = 24;

    /// <summary>MOAA/S at or below this raises an alert. clinical-reference §11: 3 = answers only to a loud or repeated name; the cut is a clinic choice [U].</summary>
    public int MoaasAlertAtOrBelow { get; init; } = 3;

    // ---- Vitals schedule ----

    /// <summary>Minutes between routine vitals checks after the dose. Issue 5 default (every 15 min); not in clinical-reference [U].</summary>
    public int VitalsIntervalMinutes { get; init; } = 15;

    /// <summary>The BP check after the dose. clinical-reference §12.2: BP at about 40 min after dosing [V].</summary>
    public int BloodPressureCheckMinutes { get; init; } = 40;

    /// <summary>Half-width of the window that satisfies the 40-minute BP check ("about 40 min", §12.2); the width is a clinic choice [U].</summary>
    public int BloodPressureWindowMinutes { get; init; } = 5;

    /// <summary>Minutes after a check falls due before it counts as overdue; a clinic choice [U].</summary>
    public int OverdueGraceMinutes { get; init; } = 2;

    // ---- Discharge ----

    /// <summary>Minimum observation after the end of dosing. clinical-reference §12.2: at least 2 h (esketamine label/REMS) [V].</summary>
    public int MinimumObservationMinutes { get; init; } = 120;

    /// <summary>Optional discharge-readiness score. clinical-reference §12.4.</summary>
    public DischargeScoreKind DischargeScore { get; init; } = DischargeScoreKind.None;

    /// <summary>Lowest passing score. clinical-reference §12.4: PADSS ≥ 9; modified Aldrete ≥ 9 commonly [V].</summary>
    public int DischargeScoreMinimum { get; init; } = 9;

    /// <summary>Every setting with its source, for the admin's review screen.</summary>
    public IReadOnlyList<RuleSetting> Describe() =>
    [
        new(nameof(PreDoseSystolicMax), Text(PreDoseSystolicMax), "§12.2/§14.3 esketamine label general guide >140/90", true),
        new(nameof(PreDoseDiastolicMax), Text(PreDoseDiastolicMax), "§12.2/§14.3 esketamine label general guide >140/90", true),
        new(nameof(PreDoseHeartRateMax), Text(PreDoseHeartRateMax), "§14.3 local-protocol value", true),
        new(nameof(SpO2FloorPercent), Text(SpO2FloorPercent), "§12.4 modified Aldrete SpO2 >92%", false),
        new(nameof(SessionSystolicMax), Text(SessionSystolicMax), "§14.3 local-protocol value 180/100", true),
        new(nameof(SessionDiastolicMax), Text(SessionDiastolicMax), "§14.3 local-protocol value 180/100", true),
        new(nameof(SessionHeartRateMax), Text(SessionHeartRateMax), "§14.3 local-protocol value HR 110", true),
        new(nameof(SystolicRiseAlert), Text(SystolicRiseAlert), "§12.2 label §5.6 SBP rise ≥40", false),
        new(nameof(DiastolicRiseAlert), Text(DiastolicRiseAlert), "§12.2 label §5.6 DBP rise ≥25", false),
        new(nameof(RespiratoryRateMin), Text(RespiratoryRateMin), "not in clinical-reference: placeholder", true),
        new(nameof(RespiratoryRateMax), Text(RespiratoryRateMax), "not in clinical-reference: placeholder", true),
        new(nameof(MoaasAlertAtOrBelow), Text(MoaasAlertAtOrBelow), "§11 MOAA/S scale; cut is a clinic choice", true),
        new(nameof(VitalsIntervalMinutes), Text(VitalsIntervalMinutes), "issue 5 default; not in clinical-reference", true),
        new(nameof(BloodPressureCheckMinutes), Text(BloodPressureCheckMinutes), "§12.2 BP at about 40 min", false),
        new(nameof(BloodPressureWindowMinutes), Text(BloodPressureWindowMinutes), "clinic choice", true),
        new(nameof(OverdueGraceMinutes), Text(OverdueGraceMinutes), "clinic choice", true),
        new(nameof(MinimumObservationMinutes), Text(MinimumObservationMinutes), "§12.2 observation at least 2 h", false),
        new(nameof(DischargeScore), DischargeScore.ToString(), "§12.4 PADSS / modified Aldrete (optional)", false),
        new(nameof(DischargeScoreMinimum), Text(DischargeScoreMinimum), "§12.4 ≥9", false),
    ];

    private static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public enum DischargeScoreKind
{
    None,
    Padss,
    ModifiedAldrete,
}
