namespace Stillpoint.Core.Connectivity;

/// <summary>A named region pair whose connectivity is reported on its own.</summary>
public sealed record DmnEdge(string Name, string CodeA, string CodeB);

/// <summary>
/// Which regions (by code) form the DMN core and the wider DMN, and which edges to report by name.
/// Built from a label file for an atlas, or by hand for a study's chosen regions.
/// </summary>
public sealed record DmnDefinition(IReadOnlyList<string> CoreCodes, IReadOnlyList<string> NetworkCodes, IReadOnlyList<DmnEdge> NamedEdges)
{
    /// <summary>
    /// Core = labels classed <see cref="RegionNetwork.DmnCore"/>; network = core plus DMN subsystems.
    /// Without explicit edges, every unique core pair is reported, named from the labels.
    /// </summary>
    public static DmnDefinition FromLabels(RegionTimeSeries series, RegionLabelSet labels, IReadOnlyList<DmnEdge>? namedEdges = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(labels);
        var labelled = series.Regions
            .Select(r => (r.Code, Label: labels.Find(r, series.HasHeader)))
            .Where(x => x.Label is not null)
            .ToArray();
        var core = labelled.Where(x => x.Label!.Network == RegionNetwork.DmnCore).ToArray();
        var network = labelled.Where(x => x.Label!.Network != RegionNetwork.Other).Select(x => x.Code).ToArray();
        var edges = namedEdges ?? CorePairs(core.Select(x => (x.Code, x.Label!.DisplayName)).ToArray());
        return new DmnDefinition(core.Select(x => x.Code).ToArray(), network, edges);
    }

    private static DmnEdge[] CorePairs((string Code, string Name)[] core) =>
        core.SelectMany((a, i) => core.Skip(i + 1).Select(b => new DmnEdge($"{a.Name} – {b.Name}", a.Code, b.Code)))
            .ToArray();
}
