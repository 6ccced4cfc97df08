namespace Stillpoint.Core.Connectivity;

/// <summary>Butterworth band-pass settings; applied forward and backward (zero phase).</summary>
public sealed record BandPassSettings(double LowHz = BandPassSettings.DefaultLowHz, double HighHz = BandPassSettings.DefaultHighHz, int Order = BandPassSettings.DefaultOrder)
{
    public const double DefaultLowHz = 0.01;
    public const double DefaultHighHz = 0.1;
    public const int DefaultOrder = 5;
}

/// <summary>
/// Frame censoring ("scrubbing"): frames whose framewise displacement exceeds the threshold are
/// removed, as are runs of surviving frames shorter than <see cref="MinimumSegmentLength"/>
/// (Power 2014 used 5; 1 keeps every surviving frame).
/// </summary>
public sealed record CensoringSettings(double FramewiseDisplacementThresholdMm, int MinimumSegmentLength = 1);

/// <summary>
/// Every choice that shapes a connectivity matrix. It is stored with each result, so a figure can be
/// recomputed exactly from the same upload.
/// </summary>
public sealed record ConnectivityOptions
{
    /// <summary>Seconds between volumes; required for band-pass filtering, otherwise only recorded.</summary>
    public double? RepetitionTimeSeconds { get; init; }

    /// <summary>0-based input columns left out before anything else (e.g. an unlabelled atlas region).</summary>
    public IReadOnlyList<int> DroppedColumns { get; init; } = [];

    /// <summary>Non-steady-state volumes removed from the start of the series (and of the confounds).</summary>
    public int InitialVolumesRemoved { get; init; }

    public bool Detrend { get; init; }

    public BandPassSettings? BandPass { get; init; }

    /// <summary>When set, the supplied confounds are regressed out of every region.</summary>
    public bool RegressConfounds { get; init; }

    public CensoringSettings? Censoring { get; init; }

    /// <summary>Z-score each region (sample SD) before the correlation.</summary>
    public bool Standardize { get; init; }

    public CorrelationEstimator Estimator { get; init; } = CorrelationEstimator.Pearson;

    /// <summary>Pearson correlation of the series exactly as uploaded.</summary>
    public static ConnectivityOptions Raw(double? repetitionTimeSeconds = null) =>
        new() { RepetitionTimeSeconds = repetitionTimeSeconds };

    /// <summary>Detrend → Butterworth band-pass (default 0.01–0.1 Hz, order 5) → z-score → Pearson.</summary>
    public static ConnectivityOptions BandPassed(double repetitionTimeSeconds, BandPassSettings? band = null) =>
        new()
        {
            RepetitionTimeSeconds = repetitionTimeSeconds,
            Detrend = true,
            BandPass = band ?? new BandPassSettings(),
            Standardize = true,
        };
}
