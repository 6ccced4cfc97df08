using System.Globalization;
using System.Text;

namespace Stillpoint.Core.Tests.Connectivity;

/// <summary>Series with correlations known exactly by construction, for checking the pipeline.</summary>
internal static class SyntheticSeries
{
    /// <summary>sin and cos of a whole number of cycles: zero mean, equal norms, exactly orthogonal.</summary>
    public static (double[] Sine, double[] Cosine) OrthogonalPair(int length, int cycles)
    {
        var sine = new double[length];
        var cosine = new double[length];
        for (var t = 0; t < length; t++)
        {
            var angle = 2 * Math.PI * cycles * t / length;
            sine[t] = Math.Sin(angle);
            cosine[t] = Math.Cos(angle);
        }

        return (sine, cosine);
    }

    /// <summary>r·u + √(1−r²)·v: Pearson r with u is exactly r when u ⟂ v, both centred with equal norms.</summary>
    public static double[] WithCorrelation(double[] u, double[] v, double r) =>
        u.Select((value, t) => (r * value) + (Math.Sqrt(1 - (r * r)) * v[t])).ToArray();

    public static double[] Ramp(int length, double slope, double offset) =>
        Enumerable.Range(0, length).Select(t => offset + (slope * t)).ToArray();

    public static double[] Sinusoid(int length, double frequencyHz, double tr, double phase = 0) =>
        Enumerable.Range(0, length).Select(t => Math.Sin((2 * Math.PI * frequencyHz * t * tr) + phase)).ToArray();

    /// <summary>Deterministic pseudo-random noise so tests never depend on a seed-less generator.</summary>
    public static double[] Noise(int length, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => random.NextDouble() - 0.5).ToArray();
    }

    public static string ToText(IReadOnlyList<double[]> columns, IReadOnlyList<string>? header = null, char separator = '\t')
    {
        var text = new StringBuilder();
        if (header is not null)
        {
            text.AppendJoin(separator, header).Append('\n');
        }

        for (var t = 0; t < columns[0].Length; t++)
        {
            text.AppendJoin(separator, columns.Select(c => c[t].ToString("R", CultureInfo.InvariantCulture))).Append('\n');
        }

        return text.ToString();
    }
}
