namespace Stillpoint.Core.Outcomes;

/// <summary>
/// The estimate at one distinct observed time (event or censoring). <see cref="AtRisk"/> counts everyone
/// still observed just before <see cref="Time"/>, including those censored at it (events come first).
/// </summary>
/// <param name="Survival">Ŝ(t) = ∏ over event times tⱼ ≤ t of (1 − dⱼ/nⱼ).</param>
/// <param name="StandardError">Greenwood: Ŝ(t)·√Σ dⱼ/(nⱼ(nⱼ−dⱼ)); null once Ŝ = 0 (the sum is infinite).</param>
/// <param name="Lower">Lower 95 % limit; null when Ŝ = 0 (no interval is defined there).</param>
/// <param name="Upper">Upper 95 % limit; null when Ŝ = 0.</param>
public sealed record KaplanMeierStep(
    double Time,
    int AtRisk,
    int Events,
    int Censored,
    double Survival,
    double? StandardError,
    double? Lower,
    double? Upper);

/// <summary>
/// Median survival: the first time Ŝ(t) ≤ 0.5, null when the curve never gets there. Its 95 % interval
/// inverts the pointwise band (the Brookmeyer–Crowley approach as R's survfit does it): the lower limit is
/// the first time the lower band is ≤ 0.5, the upper limit the first time the upper band is ≤ 0.5; either is
/// null when not reached. Unlike R, an Ŝ of exactly 0.5 over an interval is not averaged with the next time.
/// </summary>
public sealed record MedianSurvival(double? Estimate, double? Lower, double? Upper);

/// <summary>A Kaplan–Meier curve: one step per distinct time, in time order, and its median.</summary>
public sealed record KaplanMeierCurve(
    int Subjects,
    int Events,
    SurvivalConfidenceTransform Transform,
    IReadOnlyList<KaplanMeierStep> Steps,
    MedianSurvival Median)
{
    public int Censored => Subjects - Events;

    /// <summary>Ŝ(t): 1 before the first step, then right-continuous (the value at a step time includes that step).</summary>
    public double SurvivalAt(double time)
    {
        var survival = 1.0;
        foreach (var step in Steps)
        {
            if (step.Time > time)
            {
                break;
            }

            survival = step.Survival;
        }

        return survival;
    }
}
