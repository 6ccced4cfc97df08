namespace Stillpoint.Core.Outcomes;

/// <summary>
/// The Kaplan–Meier product-limit estimate with Greenwood's variance (Collett, Modelling Survival Data in
/// Medical Research, ch. 2; Kleinbaum &amp; Klein, Survival Analysis: A Self-Learning Text, ch. 2).
/// Ties: at one time all events are counted before the censorings, so a subject censored at t is still at
/// risk for the events at t (the standard convention; R's survfit and SAS LIFETEST do the same).
/// </summary>
public static class KaplanMeier
{
    /// <summary>The two-sided 95 % normal quantile, Φ⁻¹(0.975).</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>
    /// Tolerance for "Ŝ ≤ 0.5" in the median: a product such as ¾ × ⅔ must count as exactly 0.5 even when
    /// binary rounding leaves it a hair above.
    /// </summary>
    private const double MedianTolerance = 1e-12;

    public static KaplanMeierCurve Estimate(IEnumerable<SurvivalObservation> observations, KaplanMeierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var transform = (options ?? KaplanMeierOptions.Default).Transform;
        var ordered = observations.OrderBy(observation => observation.Time).ToList();

        var steps = new List<KaplanMeierStep>();
        var atRisk = ordered.Count;
        var survival = 1.0;
        var greenwoodSum = 0.0;
        var index = 0;
        while (index < ordered.Count)
        {
            var time = ordered[index].Time;
            var events = 0;
            var censored = 0;
            for (; index < ordered.Count && ordered[index].Time == time; index++)
            {
                if (ordered[index].IsEvent)
                {
                    events++;
                }
                else
                {
                    censored++;
                }
            }

            if (events > 0)
            {
                survival *= (atRisk - events) / (double)atRisk;
                greenwoodSum = events == atRisk
                    ? double.PositiveInfinity
                    : greenwoodSum + (events / ((double)atRisk * (atRisk - events)));
            }

            steps.Add(Step(time, atRisk, events, censored, survival, greenwoodSum, transform));
            atRisk -= events + censored;
        }

        return new KaplanMeierCurve(ordered.Count, ordered.Count(observation => observation.IsEvent), transform, steps, MedianOf(steps));
    }

    private static KaplanMeierStep Step(double time, int atRisk, int events, int censored, double survival, double greenwoodSum, SurvivalConfidenceTransform transform)
    {
        if (survival <= 0)
        {
            return new KaplanMeierStep(time, atRisk, events, censored, 0, null, null, null);
        }

        var standardError = survival * Math.Sqrt(greenwoodSum);
        if (greenwoodSum == 0)
        {
            // No event yet: Ŝ = 1 with no estimated uncertainty; both transforms give [1, 1].
            return new KaplanMeierStep(time, atRisk, events, censored, survival, 0, 1, 1);
        }

        var (lower, upper) = transform switch
        {
            SurvivalConfidenceTransform.LogLog => LogLogInterval(survival, greenwoodSum),
            SurvivalConfidenceTransform.Plain => (Math.Max(0, survival - (Z95 * standardError)), Math.Min(1, survival + (Z95 * standardError))),
            _ => throw new ArgumentOutOfRangeException(nameof(transform), transform, "Unknown confidence transform."),
        };
        return new KaplanMeierStep(time, atRisk, events, censored, survival, standardError, lower, upper);
    }

    /// <summary>
    /// Var(log(−log Ŝ)) ≈ Σ dⱼ/(nⱼ(nⱼ−dⱼ)) / (log Ŝ)² (delta method). The interval on log(−log S) is
    /// u ± z√v; S = exp(−exp(u)) falls as u rises, so the lower limit is Ŝ^exp(z√v) and the upper Ŝ^exp(−z√v).
    /// </summary>
    private static (double Lower, double Upper) LogLogInterval(double survival, double greenwoodSum)
    {
        var logSurvival = Math.Log(survival);
        var factor = Math.Exp(Z95 * Math.Sqrt(greenwoodSum / (logSurvival * logSurvival)));
        return (Math.Pow(survival, factor), Math.Pow(survival, 1 / factor));
    }

    private static MedianSurvival MedianOf(IReadOnlyList<KaplanMeierStep> steps) => new(
        FirstAtOrBelowHalf(steps, step => step.Survival),
        FirstAtOrBelowHalf(steps, step => step.Lower ?? 0),
        FirstAtOrBelowHalf(steps, step => step.Upper ?? 0));

    /// <remarks>A null limit only occurs where Ŝ = 0, so it counts as 0 here.</remarks>
    private static double? FirstAtOrBelowHalf(IReadOnlyList<KaplanMeierStep> steps, Func<KaplanMeierStep, double> value)
    {
        foreach (var step in steps)
        {
            if (value(step) <= 0.5 + MedianTolerance)
            {
                return step.Time;
            }
        }

        return null;
    }
}
