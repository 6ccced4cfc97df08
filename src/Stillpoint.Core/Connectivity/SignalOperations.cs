namespace Stillpoint.Core.Connectivity;

/// <summary>In-place operations along time on one region's (or confound's) series.</summary>
internal static class SignalOperations
{
    public static double Mean(ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        foreach (var v in x)
        {
            sum += v;
        }

        return sum / x.Length;
    }

    /// <summary>Root mean square about the mean; computed in two passes to avoid cancellation.</summary>
    public static double CentredRms(ReadOnlySpan<double> x)
    {
        var mean = Mean(x);
        var sum = 0.0;
        foreach (var v in x)
        {
            var d = v - mean;
            sum += d * d;
        }

        return Math.Sqrt(sum / x.Length);
    }

    /// <summary>Largest absolute value: the scale against which "no variance" is judged.</summary>
    public static double MaxAbs(ReadOnlySpan<double> x)
    {
        var max = 0.0;
        foreach (var v in x)
        {
            max = Math.Max(max, Math.Abs(v));
        }

        return max;
    }

    /// <summary>
    /// Linear detrend as nilearn does it: remove the mean, then the projection on the centred ramp
    /// 0…n−1 scaled to unit norm. Equivalent to subtracting the least-squares line.
    /// </summary>
    public static void Detrend(Span<double> x)
    {
        var n = x.Length;
        var mean = Mean(x);
        var rampCentre = (n - 1) / 2.0;
        var rampNormSquared = 0.0;
        for (var t = 0; t < n; t++)
        {
            var r = t - rampCentre;
            rampNormSquared += r * r;
        }

        var rampNorm = Math.Sqrt(rampNormSquared);
        var projection = 0.0;
        for (var t = 0; t < n; t++)
        {
            x[t] -= mean;
            projection += x[t] * (t - rampCentre) / rampNorm;
        }

        for (var t = 0; t < n; t++)
        {
            x[t] -= projection * (t - rampCentre) / rampNorm;
        }
    }

    /// <summary>Z-score with the sample standard deviation (n − 1); callers exclude zero-variance series first.</summary>
    public static void ZScore(Span<double> x)
    {
        var mean = Mean(x);
        var sum = 0.0;
        foreach (var v in x)
        {
            sum += (v - mean) * (v - mean);
        }

        var sd = Math.Sqrt(sum / (x.Length - 1));
        for (var t = 0; t < x.Length; t++)
        {
            x[t] = (x[t] - mean) / sd;
        }
    }
}
