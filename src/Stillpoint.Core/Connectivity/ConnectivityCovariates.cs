namespace Stillpoint.Core.Connectivity;

/// <summary>Per-frame side information that travels with a series: nuisance regressors and head motion.</summary>
public sealed record ConnectivityCovariates(ConfoundSet? Confounds = null, FramewiseDisplacementSeries? FramewiseDisplacement = null)
{
    public static ConnectivityCovariates None { get; } = new();
}
