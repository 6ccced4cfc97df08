using System.Globalization;
using Stillpoint.Core.Common;
using static System.FormattableString;

namespace Stillpoint.Core.Plans;

/// <summary>A session's dose, with the arithmetic in words so it can be checked and reproduced.</summary>
public sealed record DoseResult(
    decimal DoseMg,
    decimal? WeightKg,
    decimal? UnroundedMg,
    bool Capped,
    decimal? InfusionMgPerMinute,
    string Explanation,
    IReadOnlyList<string> Warnings);

/// <summary>
/// The dose arithmetic. Deterministic: the same plan revision and weight always give the same dose.
/// Rounding is to the nearest step, halves rounded up (away from zero), then the cap is applied.
/// </summary>
public static class DoseCalculator
{
    // clinical-reference §12.2: esketamine nasal spray is 28 mg per device, 5 min between devices.
    public const decimal IntranasalDeviceMg = 28m;

    public static Outcome<DoseResult> Compute(PlanContent plan, decimal? weightKg)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var invalid = PlanValidator.Validate(plan);
        if (!invalid.IsEmpty)
        {
            return Outcome<DoseResult>.Invalid(invalid);
        }

        var dose = plan.Dose;
        var warnings = new List<string>();
        decimal mg;
        decimal? unrounded = null;
        var capped = false;
        string explanation;
        if (dose.Mode == DoseMode.Flat)
        {
            mg = dose.FlatMg!.Value;
            explanation = Invariant($"Flat dose {mg} mg");
            if (plan.Route == Route.Intranasal)
            {
                explanation += DescribeDevices(mg, warnings);
            }
        }
        else
        {
            if (weightKg is not { } kg || kg <= 0)
            {
                return Outcome<DoseResult>.Invalid("weightKg", "No weight recorded: a per-kg dose needs the patient's latest weight.");
            }

            var step = dose.RoundingStepMg!.Value;
            var max = dose.MaxMg!.Value;
            unrounded = dose.MgPerKg!.Value * kg;
            var rounded = Math.Round(unrounded.Value / step, MidpointRounding.AwayFromZero) * step;
            capped = rounded > max;
            mg = capped ? max : rounded;
            explanation = Invariant($"{dose.MgPerKg} mg/kg × {kg} kg = {Trim(unrounded.Value)} mg; rounded to the nearest {Trim(step)} mg = {Trim(rounded)} mg; ")
                + (capped ? Invariant($"capped at the maximum {Trim(max)} mg") : Invariant($"under the maximum {Trim(max)} mg"));
            if (mg <= 0)
            {
                return Outcome<DoseResult>.Invalid("dose.roundingStepMg", Invariant($"The dose rounds to 0 mg ({Trim(unrounded.Value)} mg with a {Trim(step)} mg step)."));
            }

            RouteRangeWarning(plan.Route, dose.MgPerKg.Value, warnings);
        }

        decimal? rate = null;
        if (plan.Route == Route.IV)
        {
            rate = Math.Round(mg / plan.InfusionMinutes!.Value, 3, MidpointRounding.AwayFromZero);
            explanation += Invariant($"; infused over {plan.InfusionMinutes} min ({Trim(rate.Value)} mg/min)");
        }

        return Outcome<DoseResult>.Ok(new DoseResult(mg, dose.Mode == DoseMode.PerKg ? weightKg : null, unrounded, capped, rate, explanation + ".", warnings));
    }

    private static string DescribeDevices(decimal mg, List<string> warnings)
    {
        if (mg % IntranasalDeviceMg != 0)
        {
            warnings.Add(Invariant($"{Trim(mg)} mg is not a whole number of 28 mg esketamine devices (clinical-reference §12.2)."));
            return string.Empty;
        }

        var devices = mg / IntranasalDeviceMg;
        return Invariant($" = {Trim(devices)} device(s) of 28 mg, 5 min apart");
    }

    /// <summary>Reported mg/kg ranges per route; outside them the plan still saves, with a warning to review.</summary>
    private static void RouteRangeWarning(Route route, decimal mgPerKg, List<string> warnings)
    {
        (decimal Min, decimal Max, string Source)? range = route switch
        {
            Route.IV => (0.1m, 0.75m, "IV 0.1–0.75 mg/kg, clinical-reference §12.3"),
            Route.IM => (0.5m, 1m, "clinic IM range 0.5–1 mg/kg, clinical-reference §12.3 [U]"),
            Route.Oral => (0.25m, 7.0m, "oral 0.25–7.0 mg/kg reported, clinical-reference §12.3"),
            _ => null,
        };
        if (range is { } r && (mgPerKg < r.Min || mgPerKg > r.Max))
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{mgPerKg} mg/kg is outside the reported range ({r.Source}): review."));
        }
    }

    private static string Trim(decimal value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
