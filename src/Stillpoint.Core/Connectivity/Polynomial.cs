using System.Numerics;

namespace Stillpoint.Core.Connectivity;

/// <summary>Polynomial helpers for filter design, coefficients highest power first.</summary>
internal static class Polynomial
{
    /// <summary>
    /// Coefficients of ∏(x − rᵢ). Roots come in conjugate pairs (or are real) for a real filter, so
    /// the imaginary parts cancel up to rounding and only the real parts are kept.
    /// </summary>
    public static double[] FromRoots(IReadOnlyList<Complex> roots)
    {
        var coefficients = new Complex[roots.Count + 1];
        coefficients[0] = Complex.One;
        for (var k = 0; k < roots.Count; k++)
        {
            for (var i = k + 1; i >= 1; i--)
            {
                coefficients[i] -= roots[k] * coefficients[i - 1];
            }
        }

        return coefficients.Select(c => c.Real).ToArray();
    }
}
