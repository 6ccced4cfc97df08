using Stillpoint.Core.Common;
using Stillpoint.Core.Patients;

namespace Stillpoint.Core.Eligibility;

/// <summary>
/// Checks an intake for impossible values (not for completeness: a partial intake may be saved, and the
/// rules report what is missing). Field keys are the API's camelCase paths.
/// </summary>
public static class IntakeValidator
{
    public const int MaxTextLength = 4000;

    public static ValidationErrors Validate(IntakeAnswers? intake, DateOnly today)
    {
        var errors = new ValidationErrors();
        if (intake is null)
        {
            errors.Add("answers", "The intake answers are required.");
            return errors;
        }

        if (intake.Indications is null)
        {
            errors.Add("indications", "Send the indications (an empty list if none chosen yet).");
            return errors;
        }

        if (intake.Indications.Distinct().Count() != intake.Indications.Count)
        {
            errors.Add("indications", "Each indication once.");
        }

        if (intake.Indications.Any(i => !Enum.IsDefined(i)))
        {
            errors.Add("indications", "Unknown indication.");
        }

        if (intake.Indications.Contains(Indication.Other) && string.IsNullOrWhiteSpace(intake.IndicationOther))
        {
            errors.Add("indicationOther", "Describe the other indication.");
        }

        Text(errors, "indicationOther", intake.IndicationOther);
        Text(errors, "priorKetamineResponse", intake.PriorKetamineResponse);
        Text(errors, "currentMedications", intake.CurrentMedications);
        ValidateVitals(errors, intake.Vitals ?? new(), today);
        ValidateBaseline(errors, intake.Baseline ?? new());
        if (intake.MedicationFlags is null)
        {
            errors.Add("medicationFlags", "Send the medication flags (each unknown, no or yes).");
        }
        else
        {
            var normalized = Normalize(intake);
            foreach (var field in IntakeFields.Catalogue.Where(f => f.Kind == FieldKind.Symbol))
            {
                var value = field.Read(normalized);
                if (!value.IsMissing && !field.Symbols.Contains(value.Symbol!, StringComparer.Ordinal))
                {
                    errors.Add(field.Name, $"Must be one of unknown, {string.Join(", ", field.Symbols)}.");
                }
            }
        }

        return errors;
    }

    /// <summary>Replaces absent groups (JSON null) with "nothing answered", so every field reads as missing, never throws.</summary>
    public static IntakeAnswers Normalize(IntakeAnswers intake)
    {
        ArgumentNullException.ThrowIfNull(intake);
        return intake with
        {
            Indications = intake.Indications ?? [],
            MedicationFlags = intake.MedicationFlags ?? new(),
            Vitals = intake.Vitals ?? new(),
            Baseline = intake.Baseline ?? new(),
            IndicationOther = Trimmed(intake.IndicationOther),
            PriorKetamineResponse = Trimmed(intake.PriorKetamineResponse),
            CurrentMedications = Trimmed(intake.CurrentMedications),
        };
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static void ValidateVitals(ValidationErrors errors, BaselineVitals v, DateOnly today)
    {
        // Plausibility ranges for a measurement typo, not clinical thresholds (those are rule parameters).
        Range(errors, "vitals.systolicBp", v.SystolicBp, 50, 300);
        Range(errors, "vitals.diastolicBp", v.DiastolicBp, 20, 200);
        Range(errors, "vitals.heartRate", v.HeartRate, 20, 250);
        Range(errors, "vitals.weightKg", v.WeightKg, PatientInput.MinWeightKg, PatientInput.MaxWeightKg);
        Range(errors, "vitals.heightCm", v.HeightCm, 50, 250);
        if (v.SystolicBp is { } sys && v.DiastolicBp is { } dia && dia >= sys)
        {
            errors.Add("vitals.diastolicBp", "Diastolic must be below systolic.");
        }

        if ((v.SystolicBp is null) != (v.DiastolicBp is null))
        {
            errors.Add(v.SystolicBp is null ? "vitals.systolicBp" : "vitals.diastolicBp", "Record both blood-pressure values or neither.");
        }

        var measured = v.SystolicBp is not null || v.HeartRate is not null || v.WeightKg is not null || v.HeightCm is not null;
        if (measured && v.MeasuredOn is null)
        {
            errors.Add("vitals.measuredOn", "Give the date the vitals were measured.");
        }

        if (v.MeasuredOn is { } on && on > today)
        {
            errors.Add("vitals.measuredOn", "The measurement date cannot be in the future.");
        }
    }

    private static void ValidateBaseline(ValidationErrors errors, BaselineScores b)
    {
        Range(errors, "baseline.phq9Total", b.Phq9Total, 0, 27); // clinical-reference §1: range 0–27
        Range(errors, "baseline.phq9Item9", b.Phq9Item9, 0, 3); // clinical-reference §1: items 0–3
        Range(errors, "baseline.gad7Total", b.Gad7Total, 0, 21); // clinical-reference §2: range 0–21
        Range(errors, "baseline.rrs22Total", b.Rrs22Total, 22, 88); // clinical-reference §3: total 22–88
        Range(errors, "baseline.ptqTotal", b.PtqTotal, 0, 60); // clinical-reference §5, §14.1: 0–60
        Range(errors, "baseline.pcl5Total", b.Pcl5Total, 0, 80); // clinical-reference §6: range 0–80
        if (!Enum.IsDefined(b.CssrsRisk))
        {
            errors.Add("baseline.cssrsRisk", "Unknown C-SSRS risk level.");
        }

        if (b.Phq9Item9 is { } item9 && b.Phq9Total is { } total && item9 > total)
        {
            errors.Add("baseline.phq9Item9", "Item 9 cannot exceed the PHQ-9 total.");
        }
    }

    private static void Range(ValidationErrors errors, string field, decimal? value, decimal min, decimal max)
    {
        if (value is { } v && (v < min || v > max))
        {
            errors.Add(field, $"Must be between {min} and {max}.");
        }
    }

    private static void Text(ValidationErrors errors, string field, string? value)
    {
        if (value is { Length: > MaxTextLength })
        {
            errors.Add(field, $"At most {MaxTextLength} characters.");
        }
    }
}
