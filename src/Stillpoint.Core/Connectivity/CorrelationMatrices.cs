namespace Stillpoint.Core.Connectivity;

/// <summary>Correlation estimates over region series (each array one region, equal lengths, non-constant).</summary>
internal static class CorrelationMatrices
{
    /// <summary>Pearson r via unit-norm centred columns; r is clamped to [−1, 1] against rounding.</summary>
    public static double[] Pearson(double[][] regions)
    {
        var unit = regions.Select(UnitNormCentred).ToArray();
        var p = unit.Length;
        var r = new double[p * p];
        for (var i = 0; i < p; i++)
        {
            r[(i * p) + i] = 1;
            for (var j = i + 1; j < p; j++)
            {
                var value = Math.Clamp(Dot(unit[i], unit[j]), -1, 1);
                r[(i * p) + j] = value;
                r[(j * p) + i] = value;
            }
        }

        return r;
    }

    /// <summary>
    /// Ledoit–Wolf (2004) shrinkage towards μ·I of the biased covariance S of the z-scored series X (T×p):
    /// δ = ‖S − μI‖²/p, β = min(δ, (Σₜ‖xₜ‖⁴/T − ‖S‖²)/(pT)), shrinkage s = β/δ, Σ = (1 − s)S + sμI,
    /// then r = Σᵢⱼ/√(ΣᵢᵢΣⱼⱼ).
    /// </summary>
    public static double[] LedoitWolf(double[][] regions, out double shrinkage)
    {
        var x = regions.Select(Standardised).ToArray();
        var p = x.Length;
        var t = x[0].Length;
        var covariance = new double[p * p];
        var sumSquares = 0.0;
        for (var i = 0; i < p; i++)
        {
            for (var j = i; j < p; j++)
            {
                var value = Dot(x[i], x[j]) / t;
                covariance[(i * p) + j] = value;
                covariance[(j * p) + i] = value;
                sumSquares += (i == j ? 1 : 2) * value * value;
            }
        }

        var mu = Enumerable.Range(0, p).Sum(i => covariance[(i * p) + i]) / p;
        var delta = (sumSquares - (p * mu * mu)) / p;
        var beta = (FourthMomentSum(x) / t - sumSquares) / (p * t);
        shrinkage = delta == 0 ? 0 : Math.Min(beta, delta) / delta;
        return ShrunkCorrelation(covariance, p, mu, shrinkage);
    }

    private static double[] ShrunkCorrelation(double[] covariance, int p, double mu, double shrinkage)
    {
        var shrunkDiagonal = Enumerable.Range(0, p)
            .Select(i => ((1 - shrinkage) * covariance[(i * p) + i]) + (shrinkage * mu))
            .ToArray();
        var r = new double[p * p];
        for (var i = 0; i < p; i++)
        {
            for (var j = 0; j < p; j++)
            {
                r[(i * p) + j] = i == j
                    ? 1
                    : Math.Clamp((1 - shrinkage) * covariance[(i * p) + j] / Math.Sqrt(shrunkDiagonal[i] * shrunkDiagonal[j]), -1, 1);
            }
        }

        return r;
    }

    /// <summary>Σₜ (Σᵢ xᵢₜ²)², the fourth-moment term of the Ledoit–Wolf variance estimate.</summary>
    private static double FourthMomentSum(double[][] x)
    {
        var total = 0.0;
        for (var t = 0; t < x[0].Length; t++)
        {
            var rowSquares = 0.0;
            foreach (var region in x)
            {
                rowSquares += region[t] * region[t];
            }

            total += rowSquares * rowSquares;
        }

        return total;
    }

    private static double[] UnitNormCentred(double[] series)
    {
        var copy = (double[])series.Clone();
        var mean = SignalOperations.Mean(copy);
        var norm = 0.0;
        for (var t = 0; t < copy.Length; t++)
        {
            copy[t] -= mean;
            norm += copy[t] * copy[t];
        }

        norm = Math.Sqrt(norm);
        for (var t = 0; t < copy.Length; t++)
        {
            copy[t] /= norm;
        }

        return copy;
    }

    private static double[] Standardised(double[] series)
    {
        var copy = (double[])series.Clone();
        SignalOperations.ZScore(copy);
        return copy;
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
