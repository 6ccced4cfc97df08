namespace Stillpoint.Core.Connectivity;

/// <summary>
/// Forward-backward IIR filtering, equivalent to scipy.signal.filtfilt(b, a, x) with its defaults:
/// odd extension by 3·max(len(a), len(b)) samples at each end, each pass started from the filter's
/// steady state for a step the size of the first sample it sees. Running the filter twice in opposite
/// directions cancels its phase delay, so correlations between regions are not shifted in time.
/// </summary>
public static class ZeroPhaseFilter
{
    public static int PadLength(FilterCoefficients filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return 3 * filter.Length;
    }

    /// <summary>The shortest series the padding allows (scipy refuses series no longer than the pad).</summary>
    public static int MinimumLength(FilterCoefficients filter) => PadLength(filter) + 1;

    public static double[] Apply(FilterCoefficients filter, ReadOnlySpan<double> signal)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var pad = PadLength(filter);
        if (signal.Length <= pad)
        {
            throw new ArgumentException($"The signal needs more than {pad} samples for this filter.", nameof(signal));
        }

        var extended = OddExtension(signal, pad);
        var initial = SteadyStateInitialConditions(filter);
        Span<double> state = stackalloc double[initial.Length];

        ScaleInto(initial, extended[0], state);
        FilterInPlace(filter, extended, state);
        Array.Reverse(extended);
        ScaleInto(initial, extended[0], state);
        FilterInPlace(filter, extended, state);
        Array.Reverse(extended);

        return extended.AsSpan(pad, signal.Length).ToArray();
    }

    /// <summary>
    /// Point-reflects the signal about its end samples: left[k] = 2·x[0] − x[k], right likewise. The
    /// extension continues the local trend, so the filter's start-up transient stays in the padding.
    /// </summary>
    internal static double[] OddExtension(ReadOnlySpan<double> signal, int pad)
    {
        var n = signal.Length;
        var extended = new double[n + (2 * pad)];
        signal.CopyTo(extended.AsSpan(pad));
        for (var k = 1; k <= pad; k++)
        {
            extended[pad - k] = (2 * signal[0]) - signal[k];
            extended[pad + n - 1 + k] = (2 * signal[n - 1]) - signal[n - 1 - k];
        }

        return extended;
    }

    /// <summary>
    /// Initial state of the transposed direct form II for a unit step already in steady state (scipy's
    /// lfilter_zi). With output y = Σb/Σa, the state recursion gives zᵢ = Σ_{j>i} (b_j − a_j·y) — the
    /// closed-form solution of the linear system lfilter_zi solves.
    /// </summary>
    internal static double[] SteadyStateInitialConditions(FilterCoefficients filter)
    {
        var b = filter.B;
        var a = filter.A;
        double sumB = 0, sumA = 0;
        for (var i = 0; i < b.Length; i++)
        {
            sumB += b[i];
            sumA += a[i];
        }

        var steadyOutput = sumB / sumA;
        var state = new double[b.Length - 1];
        var running = 0.0;
        for (var i = b.Length - 1; i >= 1; i--)
        {
            running += b[i] - (a[i] * steadyOutput);
            state[i - 1] = running;
        }

        return state;
    }

    /// <summary>Transposed direct form II (scipy's lfilter), in place, continuing from <paramref name="state"/>.</summary>
    internal static void FilterInPlace(FilterCoefficients filter, Span<double> data, Span<double> state)
    {
        var b = filter.B;
        var a = filter.A;
        var last = b.Length - 1;
        for (var n = 0; n < data.Length; n++)
        {
            var x = data[n];
            var y = (b[0] * x) + (last > 0 ? state[0] : 0);
            for (var i = 0; i < last - 1; i++)
            {
                state[i] = (b[i + 1] * x) - (a[i + 1] * y) + state[i + 1];
            }

            if (last > 0)
            {
                state[last - 1] = (b[last] * x) - (a[last] * y);
            }

            data[n] = y;
        }
    }

    private static void ScaleInto(double[] initial, double scale, Span<double> state)
    {
        for (var i = 0; i < initial.Length; i++)
        {
            state[i] = initial[i] * scale;
        }
    }
}
