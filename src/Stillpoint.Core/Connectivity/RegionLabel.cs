namespace Stillpoint.Core.Connectivity;

/// <summary>Where a region sits in the brain's large-scale networks, as far as the DMN summaries care.</summary>
public enum RegionNetwork
{
    Other,

    /// <summary>A default mode network region outside the chosen core (e.g. MTL or dMPFC subsystem).</summary>
    DmnSubsystem,

    /// <summary>One of the core DMN regions whose unique pairs make the core mean.</summary>
    DmnCore,
}

/// <summary>
/// What a time-series column means. Either <see cref="ColumnIndex"/> or <see cref="Code"/> (or both)
/// identifies the column; the code wins when the series file has a header.
/// </summary>
public sealed record RegionLabel(
    int? ColumnIndex,
    string? Code,
    string Name,
    string Hemisphere,
    string NetworkRole,
    RegionNetwork Network)
{
    /// <summary>Short display name, e.g. "Angular Gyrus (L*)".</summary>
    public string DisplayName => Hemisphere.Length == 0 ? Name : $"{Name} ({Hemisphere})";
}
