namespace Stillpoint.Core.Connectivity;

/// <summary>
/// A digital IIR filter in transfer-function form, b (numerator) and a (denominator) in powers of
/// z⁻¹ with a[0] = 1 — the same convention as scipy's (b, a).
/// </summary>
public sealed class FilterCoefficients
{
    private readonly double[] _numerator;
    private readonly double[] _denominator;

    public FilterCoefficients(IReadOnlyList<double> numerator, IReadOnlyList<double> denominator)
    {
        ArgumentNullException.ThrowIfNull(numerator);
        ArgumentNullException.ThrowIfNull(denominator);
        if (denominator.Count == 0 || denominator[0] == 0)
        {
            throw new ArgumentException("The leading denominator coefficient must be non-zero.", nameof(denominator));
        }

        // Normalise so a[0] = 1 and pad both to one length: the filter loop then needs no special cases.
        var length = Math.Max(numerator.Count, denominator.Count);
        _numerator = new double[length];
        _denominator = new double[length];
        for (var i = 0; i < numerator.Count; i++)
        {
            _numerator[i] = numerator[i] / denominator[0];
        }

        for (var i = 0; i < denominator.Count; i++)
        {
            _denominator[i] = denominator[i] / denominator[0];
        }
    }

    public IReadOnlyList<double> Numerator => _numerator;

    public IReadOnlyList<double> Denominator => _denominator;

    public int Length => _numerator.Length;

    internal ReadOnlySpan<double> B => _numerator;

    internal ReadOnlySpan<double> A => _denominator;
}
