namespace Stillpoint.Core.Connectivity;

/// <summary>Why a region is missing from the matrix.</summary>
public enum ExclusionReason
{
    /// <summary>Left out on request (<see cref="ConnectivityOptions.DroppedColumns"/>).</summary>
    DroppedByRequest,

    /// <summary>The uploaded series is constant (e.g. all zeros): its correlation is undefined.</summary>
    ConstantInput,

    /// <summary>Nothing was left after detrending, filtering or confound regression (e.g. a pure linear drift).</summary>
    NoVarianceAfterProcessing,
}

public sealed record ExcludedRegion(RegionRef Region, ExclusionReason Reason);

/// <summary>
/// A connectivity matrix together with everything needed to reproduce and interpret it: the options,
/// which regions were excluded and why, how many frames were used, and the steps in the order applied.
/// </summary>
public sealed record ConnectivityResult(
    ConnectivityOptions Options,
    ConnectivityMatrix Correlation,
    ConnectivityMatrix FisherZ,
    IReadOnlyList<ExcludedRegion> ExcludedRegions,
    int InputTimePoints,
    int TimePointsUsed,
    IReadOnlyList<int> CensoredFrames,
    IReadOnlyList<string> ConfoundsRegressed,
    double? ShrinkageIntensity,
    FilterCoefficients? Filter,
    IReadOnlyList<string> StepsApplied);
