using Stillpoint.Core.Common;

namespace Stillpoint.Core.Sessions;

public enum AdministrationRoute
{
    Intravenous,
    Intramuscular,
    Intranasal,
    OralSublingual,
}

/// <summary>Adverse event types (issue 5 §4; clinical-reference §12.5 schema).</summary>
public enum AdverseEventType
{
    Nausea,
    Vomiting,
    Hypertension,
    Tachycardia,
    Desaturation,
    ExcessiveSedation,
    EmergenceReaction,
    Headache,
    Dizziness,
    Dissociation,
    BlurredVision,
    Anxiety,
    SuicidalIdeation,
    Other,
}

public enum AdverseEventSeverity
{
    Mild,
    Moderate,
    Severe,
}

/// <summary>The chosen list of emotional states (issue 5 §4), plus free text on the entry.</summary>
public enum EmotionalState
{
    Calm,
    Anxious,
    Tearful,
    Euphoric,
    Fearful,
    Agitated,
    Withdrawn,
    Other,
}

/// <summary>An administration record as entered (issue 5 §3).</summary>
public sealed record AdministrationInput(
    string? Drug,
    AdministrationRoute? Route,
    decimal? DoseMg,
    string? LotNumber,
    DateOnly? LotExpiry,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    Guid? WitnessId,
    bool ControlledSubstance = true)
{
    public const int MaxTextLength = 100;

    // Plausibility bound for a single ketamine/esketamine administration: §12.3 reports oral doses up to 300 mg fixed.
    public const decimal MaxDoseMg = 300m;

    public ValidationErrors Validate(Guid administeredBy, DateOnly today)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(Drug) || Drug.Trim().Length > MaxTextLength)
        {
            errors.Add("drug", $"Name the drug (at most {MaxTextLength} characters).");
        }

        if (Route is null)
        {
            errors.Add("route", "Choose the route.");
        }

        if (DoseMg is not { } dose || dose <= 0 || dose > MaxDoseMg)
        {
            errors.Add("doseMg", $"The dose must be more than 0 and at most {MaxDoseMg} mg.");
        }
        else if (decimal.Round(dose, 2) != dose)
        {
            errors.Add("doseMg", "At most two decimal places (mg).");
        }

        if (string.IsNullOrWhiteSpace(LotNumber) || LotNumber.Trim().Length > MaxTextLength)
        {
            errors.Add("lotNumber", "The lot number is required.");
        }

        if (LotExpiry is null)
        {
            errors.Add("lotExpiry", "The lot's expiry date is required.");
        }
        else if (LotExpiry < today)
        {
            errors.Add("lotExpiry", "This lot has expired: do not administer it.");
        }

        if (StartedAt is null)
        {
            errors.Add("startedAt", "The start time is required.");
        }

        if (EndedAt is { } end && StartedAt is { } start && end < start)
        {
            errors.Add("endedAt", "The end time is before the start time.");
        }

        if (ControlledSubstance && WitnessId is null)
        {
            errors.Add("witnessId", "A controlled substance needs a witness.");
        }
        else if (WitnessId is { } witness && witness == administeredBy)
        {
            errors.Add("witnessId", "The witness must be someone other than the person administering.");
        }

        return errors;
    }
}

/// <summary>Rating ranges (§11 MOAA/S 0–5; §14.6 CADSS-6 0–24 from six items scored 0–4).</summary>
public static class Ratings
{
    public const int MoaasMin = 0;
    public const int MoaasMax = 5;  // §11
    public const int Cadss6Max = 24; // §14.6: items 1, 2, 6, 7, 15, 22 of the 23-item CADSS, each 0–4

    public static ValidationErrors Validate(int? moaas, int? cadss6)
    {
        var errors = new ValidationErrors();
        if (moaas is null && cadss6 is null)
        {
            errors.Add("moaas", "Send a MOAA/S rating, a CADSS-6 total, or both.");
        }

        if (moaas is < MoaasMin or > MoaasMax)
        {
            errors.Add("moaas", $"MOAA/S is {MoaasMin}–{MoaasMax} (§11).");
        }

        if (cadss6 is < 0 or > Cadss6Max)
        {
            errors.Add("cadss6", $"CADSS-6 is 0–{Cadss6Max} (§14.6).");
        }

        return errors;
    }
}
