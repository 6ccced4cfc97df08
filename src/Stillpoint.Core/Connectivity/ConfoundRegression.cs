namespace Stillpoint.Core.Connectivity;

/// <summary>
/// Removes the part of each region's series explained by the confounds: confounds are z-scored,
/// orthonormalised (columns that add nothing new are dropped, like nilearn's pivoted-QR tolerance) and
/// projected out, x ← x − Q·Qᵀ·x.
/// </summary>
internal static class ConfoundRegression
{
    /// <summary>A confound column is redundant when less than this fraction of its norm is new.</summary>
    private const double RedundancyTolerance = 1e-10;

    public static void RegressOut(IReadOnlyList<double[]> signals, IReadOnlyList<double[]> confounds)
    {
        var basis = Orthonormalise(confounds);
        foreach (var signal in signals)
        {
            foreach (var q in basis)
            {
                var projection = Dot(q, signal);
                for (var t = 0; t < signal.Length; t++)
                {
                    signal[t] -= projection * q[t];
                }
            }
        }
    }

    /// <summary>Modified Gram–Schmidt, run twice per column for numerical orthogonality.</summary>
    private static List<double[]> Orthonormalise(IReadOnlyList<double[]> confounds)
    {
        var basis = new List<double[]>();
        foreach (var confound in confounds)
        {
            if (SignalOperations.CentredRms(confound) == 0)
            {
                continue;
            }

            var v = (double[])confound.Clone();
            SignalOperations.ZScore(v);
            var originalNorm = Math.Sqrt(Dot(v, v));
            for (var pass = 0; pass < 2; pass++)
            {
                foreach (var q in basis)
                {
                    var projection = Dot(q, v);
                    for (var t = 0; t < v.Length; t++)
                    {
                        v[t] -= projection * q[t];
                    }
                }
            }

            var norm = Math.Sqrt(Dot(v, v));
            if (norm > RedundancyTolerance * originalNorm)
            {
                basis.Add(v.Select(value => value / norm).ToArray());
            }
        }

        return basis;
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
