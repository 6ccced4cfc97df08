namespace Stillpoint.Core.Eligibility;

/// <summary>A yes/no question that may not have been answered yet. Unknown is first, so a default is never an answer.</summary>
public enum YesNo
{
    Unknown,
    No,
    Yes,
}

/// <summary>A psychiatric condition in the history: never, in the past, or now.</summary>
public enum HistoryStatus
{
    Unknown,
    Never,
    Past,
    Current,
}

/// <summary>Hypertension as the clinician records it.</summary>
public enum HypertensionStatus
{
    Unknown,
    None,
    Controlled,
    Uncontrolled,
}

/// <summary>C-SSRS screen risk level (clinical-reference §7: highest item endorsed). NotDone = not answered.</summary>
public enum CssrsRisk
{
    NotDone,
    None,
    Low,
    Moderate,
    High,
}

public enum Indication
{
    Depression,
    TreatmentResistantDepression,
    Anxiety,
    Ptsd,
    Ocd,
    BipolarDepression,
    Other,
}

/// <summary>Medication classes that matter for ketamine (clinical-reference §12.2 REMS monitoring form lists several).</summary>
public sealed record MedicationFlags(
    YesNo Benzodiazepines = YesNo.Unknown,
    YesNo Lamotrigine = YesNo.Unknown,
    YesNo Maois = YesNo.Unknown,
    YesNo Stimulants = YesNo.Unknown,
    YesNo Opioids = YesNo.Unknown,
    YesNo OtherSedatives = YesNo.Unknown);

/// <summary>Baseline vitals and body measures. Null = not measured.</summary>
public sealed record BaselineVitals(
    int? SystolicBp = null,
    int? DiastolicBp = null,
    int? HeartRate = null,
    decimal? WeightKg = null,
    decimal? HeightCm = null,
    DateOnly? MeasuredOn = null);

/// <summary>
/// Baseline questionnaire results. Null = not done. When stored questionnaire responses exist they are the
/// source; until then the clinician copies the results here.
/// </summary>
public sealed record BaselineScores(
    int? Phq9Total = null,
    int? Phq9Item9 = null,
    int? Gad7Total = null,
    int? Rrs22Total = null,
    int? PtqTotal = null,
    CssrsRisk CssrsRisk = CssrsRisk.NotDone,
    int? Pcl5Total = null);

/// <summary>
/// One intake revision's answers. Every question has an explicit "not answered" state so an eligibility rule
/// that needs it fails closed instead of reading silence as "no".
/// </summary>
public sealed record IntakeAnswers
{
    public IReadOnlyList<Indication> Indications { get; init; } = [];

    public string? IndicationOther { get; init; }

    public HistoryStatus Psychosis { get; init; }

    public HistoryStatus Mania { get; init; }

    public HistoryStatus SubstanceUseDisorder { get; init; }

    public YesNo PriorKetamineUse { get; init; }

    public string? PriorKetamineResponse { get; init; }

    public HypertensionStatus Hypertension { get; init; }

    public YesNo CardiovascularDisease { get; init; }

    public YesNo Aneurysm { get; init; }

    public YesNo RaisedIntracranialPressure { get; init; }

    public YesNo LiverDisease { get; init; }

    public YesNo Pregnant { get; init; }

    public YesNo Breastfeeding { get; init; }

    public YesNo SeizureDisorder { get; init; }

    public string? CurrentMedications { get; init; }

    public MedicationFlags MedicationFlags { get; init; } = new();

    public BaselineVitals Vitals { get; init; } = new();

    public BaselineScores Baseline { get; init; } = new();
}
