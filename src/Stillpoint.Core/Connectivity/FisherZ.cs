namespace Stillpoint.Core.Connectivity;

/// <summary>Fisher's variance-stabilising transform of a correlation, z = atanh(r).</summary>
public static class FisherZ
{
    /// <summary>
    /// r is clipped to ±(1 − 1e-7) first (as CONN does with eps and the reference data with 1e-7), so a
    /// perfect correlation — including the diagonal — gives a large finite z (≈ 8.406) instead of ∞.
    /// </summary>
    public const double ClipMargin = 1e-7;

    public static double FromCorrelation(double r)
    {
        if (double.IsNaN(r))
        {
            throw new ArgumentOutOfRangeException(nameof(r), "A correlation cannot be NaN.");
        }

        var limit = 1 - ClipMargin;
        return Math.Atanh(Math.Clamp(r, -limit, limit));
    }

    /// <summary>Back-transform for display, r = tanh(z).</summary>
    public static double ToCorrelation(double z) => Math.Tanh(z);
}
