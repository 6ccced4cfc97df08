namespace Stillpoint.Core.Outcomes;

/// <summary>
/// One subject's time under observation and whether it ended in the event (for durability: relapse)
/// or was right-censored (still in response at the last measure). Times are in any one unit (days for
/// durability); the survival maths uses <see cref="double"/> throughout, as it is ratios and logarithms,
/// not money or scores.
/// </summary>
public sealed record SurvivalObservation
{
    public SurvivalObservation(double time, bool isEvent)
    {
        if (!double.IsFinite(time) || time < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(time), time, "A survival time must be finite and not negative.");
        }

        Time = time;
        IsEvent = isEvent;
    }

    public double Time { get; }

    /// <summary>True for the event (relapse); false for a right-censored observation.</summary>
    public bool IsEvent { get; }
}

/// <summary>How the pointwise 95 % confidence interval around S(t) is built from Greenwood's variance.</summary>
public enum SurvivalConfidenceTransform
{
    /// <summary>
    /// Kalbfleisch–Prentice log(−log S) interval (Collett, Modelling Survival Data in Medical Research, §2.2;
    /// Kleinbaum &amp; Klein, Survival Analysis, ch. 2 appendix): S^exp(±1.96·√v) with
    /// v = Σ dⱼ/(nⱼ(nⱼ−dⱼ)) / (log S)². Always inside [0, 1]; the default.
    /// </summary>
    LogLog,

    /// <summary>The "plain" interval S ± 1.96·SE(S), clipped to [0, 1]; poor in the tails, offered for comparison.</summary>
    Plain,
}

/// <summary>Options for <see cref="KaplanMeier.Estimate"/>. The interval level is fixed at 95 %.</summary>
public sealed record KaplanMeierOptions(SurvivalConfidenceTransform Transform = SurvivalConfidenceTransform.LogLog)
{
    public static KaplanMeierOptions Default { get; } = new();
}
