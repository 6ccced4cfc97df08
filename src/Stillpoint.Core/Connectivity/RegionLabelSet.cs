namespace Stillpoint.Core.Connectivity;

/// <summary>The labels of one atlas, looked up by code first (header files) and by column index otherwise.</summary>
public sealed class RegionLabelSet
{
    private readonly Dictionary<string, RegionLabel> _byCode;
    private readonly Dictionary<int, RegionLabel> _byIndex;

    public RegionLabelSet(IReadOnlyList<RegionLabel> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        Labels = labels;
        _byCode = labels.Where(l => l.Code is not null)
            .GroupBy(l => l.Code!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _byIndex = labels.Where(l => l.ColumnIndex is not null)
            .GroupBy(l => l.ColumnIndex!.Value)
            .ToDictionary(g => g.Key, g => g.First());
    }

    public IReadOnlyList<RegionLabel> Labels { get; }

    /// <summary>The label for a region of a series, or null when the atlas does not name it.</summary>
    public RegionLabel? Find(RegionRef region, bool seriesHasHeader)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (seriesHasHeader && _byCode.Count > 0)
        {
            return _byCode.GetValueOrDefault(region.Code);
        }

        return _byIndex.GetValueOrDefault(region.ColumnIndex);
    }
}
