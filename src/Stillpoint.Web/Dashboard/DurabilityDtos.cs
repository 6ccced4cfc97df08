using Stillpoint.Core.Outcomes;

namespace Stillpoint.Web.Dashboard;

/// <summary>One Kaplan–Meier step: from this day on, Ŝ and its 95 % band (null where Ŝ = 0).</summary>
public sealed record KmStepDto(double Day, int AtRisk, int Relapses, int Censored, double Survival, double? Lower, double? Upper);

/// <summary>Patients still observed (in response, not yet censored) at the start of a day.</summary>
public sealed record AtRiskDto(int Day, int AtRisk);

/// <summary>A durability curve: median days in response with its 95 % interval (null = not reached).</summary>
public sealed record DurabilityCurveDto(
    string Group,
    int Patients,
    int Relapses,
    int Censored,
    double? MedianDays,
    double? MedianLower,
    double? MedianUpper,
    IReadOnlyList<KmStepDto> Steps,
    IReadOnlyList<AtRiskDto> AtRisk)
{
    /// <summary>The days of the number-at-risk table.</summary>
    public static readonly IReadOnlyList<int> AtRiskDays = [0, 30, 60, 90, 180, 365];

    public static DurabilityCurveDto From(string group, KaplanMeierCurve curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        return new DurabilityCurveDto(
            group, curve.Subjects, curve.Events, curve.Censored, curve.Median.Estimate, curve.Median.Lower, curve.Median.Upper,
            [.. curve.Steps.Select(s => new KmStepDto(s.Time, s.AtRisk, s.Events, s.Censored, Math.Round(s.Survival, 4), Round(s.Lower), Round(s.Upper)))],
            [.. AtRiskDays.Select(day => new AtRiskDto(day, curve.Steps.FirstOrDefault(s => s.Time >= day)?.AtRisk ?? 0))]);
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 4) : null;
}

public sealed record DurabilityDto(
    AppliedFilterDto Filter,
    string Instrument,
    string Title,
    string GroupBy,
    string? ResponseRule,
    string RelapseRule,
    DurabilityCurveDto Overall,
    IReadOnlyList<DurabilityCurveDto> Groups,
    IReadOnlyList<ClinicianOptionDto> Clinicians,
    IReadOnlyList<DefinitionDto> Definitions);
