using System.Numerics;

namespace Stillpoint.Core.Connectivity;

/// <summary>
/// Digital Butterworth band-pass design, step by step as in the textbook: analog low-pass prototype
/// poles on the unit circle, band edges pre-warped for the bilinear transform, low-pass → band-pass
/// substitution s → (s² + ω₀²)/(s·BW), bilinear transform, then zeros/poles/gain → polynomials.
/// With the same conventions as scipy (internal sampling rate 2 after normalising to Nyquist) the
/// coefficients agree with scipy.signal.butter(order, [low, high], btype="band", fs=fs).
/// </summary>
public static class ButterworthDesign
{
    /// <summary>The bilinear transform works on frequencies normalised to Nyquist = 1, i.e. sampling rate 2.</summary>
    private const double NormalisedSamplingRate = 2.0;

    public static FilterCoefficients BandPass(int order, double lowHz, double highHz, double samplingRateHz)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(order, 1);
        var nyquist = samplingRateHz / 2;
        if (!(lowHz > 0 && lowHz < highHz && highHz < nyquist))
        {
            throw new ArgumentOutOfRangeException(nameof(lowHz), "Band edges must satisfy 0 < low < high < Nyquist.");
        }

        var lowEdge = PrewarpedEdge(lowHz / nyquist);
        var highEdge = PrewarpedEdge(highHz / nyquist);
        var bandwidth = highEdge - lowEdge;
        var centre = Math.Sqrt(lowEdge * highEdge);

        var analogPoles = LowPassToBandPassPoles(PrototypePoles(order), centre, bandwidth);
        var analogGain = Math.Pow(bandwidth, order);

        // Bilinear transform: each analog root r maps to (c + r)/(c - r) with c = 2·fs. The band-pass has
        // `order` zeros at s = 0 (→ z = 1) and `order` zeros at infinity (→ z = -1); the gain picks up
        // ∏(c − zero)/∏(c − pole), whose numerator is c^order for the zeros at s = 0.
        var c = 2 * NormalisedSamplingRate;
        var digitalPoles = analogPoles.Select(p => (c + p) / (c - p)).ToArray();
        var digitalZeros = Enumerable.Repeat(Complex.One, order).Concat(Enumerable.Repeat(-Complex.One, order)).ToArray();
        var gainRatio = analogPoles.Aggregate(Complex.One, (product, p) => product * (c - p));
        var digitalGain = analogGain * (Math.Pow(c, order) / gainRatio).Real;

        var numerator = Polynomial.FromRoots(digitalZeros).Select(v => v * digitalGain).ToArray();
        return new FilterCoefficients(numerator, Polynomial.FromRoots(digitalPoles));
    }

    /// <summary>Pre-warping so the digital filter's −3 dB points land exactly on the requested edges.</summary>
    private static double PrewarpedEdge(double fractionOfNyquist) =>
        2 * NormalisedSamplingRate * Math.Tan(Math.PI * fractionOfNyquist / NormalisedSamplingRate);

    /// <summary>Analog Butterworth prototype poles: −exp(iπm/(2N)) for m = −N+1, −N+3, …, N−1 (left half-plane).</summary>
    private static Complex[] PrototypePoles(int order) =>
        Enumerable.Range(0, order)
            .Select(k => -Complex.Exp(new Complex(0, Math.PI * (-order + 1 + (2 * k)) / (2.0 * order))))
            .ToArray();

    /// <summary>Each prototype pole p gives two band-pass poles p·BW/2 ± √((p·BW/2)² − ω₀²).</summary>
    private static Complex[] LowPassToBandPassPoles(Complex[] prototype, double centre, double bandwidth)
    {
        var scaled = prototype.Select(p => p * bandwidth / 2).ToArray();
        var offsets = scaled.Select(p => Complex.Sqrt((p * p) - (centre * centre))).ToArray();
        return [.. scaled.Zip(offsets, (p, d) => p + d), .. scaled.Zip(offsets, (p, d) => p - d)];
    }
}
