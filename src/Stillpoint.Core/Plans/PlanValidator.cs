using Stillpoint.Core.Common;

namespace Stillpoint.Core.Plans;

/// <summary>Checks plan content; field keys are the API's camelCase paths.</summary>
public static class PlanValidator
{
    public const int MaxTextLength = 4000;
    public const int MaxMeasures = 20;

    // Input sanity limits (a typo guard, not a clinical maximum; the clinic sets the cap per plan).
    public const decimal MaxMgPerKg = 10m; // above every reported route range: oral up to 7.0 mg/kg, clinical-reference §12.3
    public const decimal MaxAnyDoseMg = 1000m; // above every reported fixed dose: oral up to 300 mg, clinical-reference §12.3

    // clinical-reference §12.3: IV sessions of 2–100 min have been reported safe.
    public const int MinInfusionMinutes = 2;
    public const int MaxInfusionMinutes = 100;

    public static ValidationErrors Validate(PlanContent? plan)
    {
        var errors = new ValidationErrors();
        if (plan is null)
        {
            errors.Add("content", "The plan content is required.");
            return errors;
        }

        if (plan.Indications is not { Count: > 0 })
        {
            errors.Add("indications", "Choose at least one indication.");
        }

        if (!Enum.IsDefined(plan.Route))
        {
            errors.Add("route", "Route must be iv, im, intranasal, oral or sublingual.");
        }

        ValidateDose(errors, plan.Dose);
        ValidateInfusion(errors, plan);
        if (plan.SessionCount is < 1 or > 52)
        {
            errors.Add("sessionCount", "Between 1 and 52 sessions.");
        }

        if (string.IsNullOrWhiteSpace(plan.Frequency))
        {
            errors.Add("frequency", "Say how often, e.g. \"3 per week\".");
        }
        else if (plan.Frequency.Length > 200)
        {
            errors.Add("frequency", "At most 200 characters.");
        }

        if (plan.CourseWeeks is < 1 or > 104)
        {
            errors.Add("courseWeeks", "Between 1 and 104 weeks.");
        }

        if (plan.Intention is { Length: > MaxTextLength })
        {
            errors.Add("intention", $"At most {MaxTextLength} characters.");
        }

        if (plan.Measures is null || plan.Measures.Count > MaxMeasures || plan.Measures.Any(m => string.IsNullOrWhiteSpace(m) || m.Length > 64))
        {
            errors.Add("measures", $"At most {MaxMeasures} instrument ids, each 1–64 characters.");
        }

        return errors;
    }

    private static void ValidateDose(ValidationErrors errors, DoseSpec? dose)
    {
        if (dose is null)
        {
            errors.Add("dose", "The dose is required.");
            return;
        }

        if (dose.Mode == DoseMode.PerKg)
        {
            Positive(errors, "dose.mgPerKg", dose.MgPerKg, MaxMgPerKg, "Give the dose in mg/kg.");
            Positive(errors, "dose.roundingStepMg", dose.RoundingStepMg, 100m, "Give the rounding step in mg (e.g. 1 or 5).");
            Positive(errors, "dose.maxMg", dose.MaxMg, MaxAnyDoseMg, "Give the maximum dose in mg (the cap).");
            if (dose.FlatMg is not null)
            {
                errors.Add("dose.flatMg", "A per-kg dose has no flat mg; choose one mode.");
            }
        }
        else if (dose.Mode == DoseMode.Flat)
        {
            Positive(errors, "dose.flatMg", dose.FlatMg, MaxAnyDoseMg, "Give the flat dose in mg.");
            if (dose.MgPerKg is not null)
            {
                errors.Add("dose.mgPerKg", "A flat dose has no mg/kg; choose one mode.");
            }
        }
        else
        {
            errors.Add("dose.mode", "Mode must be perKg or flat.");
        }
    }

    private static void ValidateInfusion(ValidationErrors errors, PlanContent plan)
    {
        if (plan.Route == Route.IV)
        {
            if (plan.InfusionMinutes is not { } minutes)
            {
                errors.Add("infusionMinutes", "An IV plan needs the infusion duration (e.g. 40 minutes).");
            }
            else if (minutes is < MinInfusionMinutes or > MaxInfusionMinutes)
            {
                errors.Add("infusionMinutes", $"Between {MinInfusionMinutes} and {MaxInfusionMinutes} minutes (reported safe range, clinical-reference §12.3).");
            }
        }
        else if (plan.InfusionMinutes is not null)
        {
            errors.Add("infusionMinutes", "Only an IV plan has an infusion duration.");
        }
    }

    private static void Positive(ValidationErrors errors, string field, decimal? value, decimal max, string missing)
    {
        if (value is not { } v)
        {
            errors.Add(field, missing);
        }
        else if (v <= 0 || v > max)
        {
            errors.Add(field, $"Must be above 0 and at most {max}.");
        }
    }
}
