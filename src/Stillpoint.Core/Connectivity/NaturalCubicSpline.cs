namespace Stillpoint.Core.Connectivity;

/// <summary>
/// Fills censored frames from the kept ones with a natural cubic spline, so a motion spike does not
/// ring through the band-pass filter into its neighbours (the approach nilearn takes before filtering).
/// </summary>
internal static class NaturalCubicSpline
{
    /// <summary>Replaces values at frames not kept, in place; callers ensure the first and last frames are kept.</summary>
    public static void FillGaps(double[] series, bool[] kept)
    {
        var knots = Enumerable.Range(0, kept.Length).Where(t => kept[t]).ToArray();
        if (knots.Length == kept.Length)
        {
            return;
        }

        var values = knots.Select(t => series[t]).ToArray();
        var curvature = SecondDerivatives(knots, values);
        var segment = 0;
        for (var t = 0; t < series.Length; t++)
        {
            while (knots[segment + 1] < t)
            {
                segment++;
            }

            if (!kept[t])
            {
                series[t] = Evaluate(knots, values, curvature, segment, t);
            }
        }
    }

    /// <summary>Solves the tridiagonal system for the knot second derivatives, zero at both ends (natural spline).</summary>
    private static double[] SecondDerivatives(int[] x, double[] y)
    {
        var n = x.Length;
        var m = new double[n];
        if (n < 3)
        {
            return m;
        }

        var diagonal = new double[n];
        var rhs = new double[n];
        for (var i = 1; i < n - 1; i++)
        {
            double hLeft = x[i] - x[i - 1], hRight = x[i + 1] - x[i];
            diagonal[i] = 2 * (hLeft + hRight);
            rhs[i] = 6 * (((y[i + 1] - y[i]) / hRight) - ((y[i] - y[i - 1]) / hLeft));
            if (i > 1)
            {
                // Thomas algorithm forward sweep: the sub-diagonal entry equals hLeft.
                var factor = hLeft / diagonal[i - 1];
                diagonal[i] -= factor * hLeft;
                rhs[i] -= factor * rhs[i - 1];
            }
        }

        for (var i = n - 2; i >= 1; i--)
        {
            var upper = i < n - 2 ? x[i + 1] - x[i] : 0;
            m[i] = (rhs[i] - (upper * m[i + 1])) / diagonal[i];
        }

        return m;
    }

    private static double Evaluate(int[] x, double[] y, double[] m, int i, int t)
    {
        double h = x[i + 1] - x[i], a = (x[i + 1] - t) / h, b = (t - x[i]) / h;
        return (a * y[i]) + (b * y[i + 1]) + ((((a * a * a) - a) * m[i] + ((b * b * b) - b) * m[i + 1]) * h * h / 6);
    }
}
