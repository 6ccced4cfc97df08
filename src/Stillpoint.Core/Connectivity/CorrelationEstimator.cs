namespace Stillpoint.Core.Connectivity;

/// <summary>How the region-by-region correlation is estimated.</summary>
public enum CorrelationEstimator
{
    /// <summary>Sample Pearson correlation.</summary>
    Pearson,

    /// <summary>
    /// Ledoit–Wolf shrunk covariance of the z-scored series turned into a correlation (nilearn's
    /// ConnectivityMeasure(kind="correlation") default); shrinks correlations slightly towards 0.
    /// </summary>
    LedoitWolf,
}
