using System.Globalization;

namespace Stillpoint.Web.Connectivity.Pages;

/// <summary>What a heat map shows: a square matrix over regions, with its title and the options that produced it.</summary>
public sealed record HeatMapData(string Title, string Description, IReadOnlyList<RegionInfo> Regions, IReadOnlyList<IReadOnlyList<double>> Values, string ValueName = "z");

/// <summary>A run of consecutive rows/columns in one network, for the boundary lines and labels.</summary>
public sealed record NetworkBand(string Network, int Start, int Count);

/// <summary>
/// The pure part of the heat map: row order (by network — DMN core, other DMN, the rest — then by input
/// column), the symmetric colour scale, and cell colours. Kept apart from the markup so it can be tested.
/// </summary>
public static class HeatMapLayout
{
    private static readonly string[] NetworkOrder = [SeriesProcessing.DmnCore, SeriesProcessing.DmnOther, SeriesProcessing.OtherNetwork];

    /// <summary>Indices into <paramref name="regions"/> in display order.</summary>
    public static int[] Order(IReadOnlyList<RegionInfo> regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        return [.. Enumerable.Range(0, regions.Count).OrderBy(i => Rank(regions[i].Network)).ThenBy(i => regions[i].ColumnIndex)];
    }

    public static IReadOnlyList<NetworkBand> Bands(IReadOnlyList<RegionInfo> regions, int[] order)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(order);
        var bands = new List<NetworkBand>();
        for (var position = 0; position < order.Length; position++)
        {
            var network = regions[order[position]].Network;
            if (bands.Count > 0 && bands[^1].Network == network)
            {
                bands[^1] = bands[^1] with { Count = bands[^1].Count + 1 };
            }
            else
            {
                bands.Add(new NetworkBand(network, position, 1));
            }
        }

        return bands;
    }

    /// <summary>The largest |value| off the diagonal, rounded up to 0.1 (at least 0.1): the colour scale runs −limit…+limit.</summary>
    public static double Limit(IReadOnlyList<IReadOnlyList<double>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var max = 0.0;
        for (var i = 0; i < values.Count; i++)
        {
            for (var j = 0; j < values[i].Count; j++)
            {
                if (i != j && double.IsFinite(values[i][j]))
                {
                    max = Math.Max(max, Math.Abs(values[i][j]));
                }
            }
        }

        return Math.Max(0.1, Math.Ceiling(max * 10) / 10);
    }

    /// <summary>Diverging blue (negative) – white (0) – red (positive); no sign is implied to be good.</summary>
    public static string Color(double value, double limit)
    {
        var t = Math.Clamp(value / limit, -1, 1);
        var (r, g, b) = t >= 0 ? Mix((255, 255, 255), (178, 24, 43), t) : Mix((255, 255, 255), (33, 102, 172), -t);
        return string.Create(CultureInfo.InvariantCulture, $"#{r:x2}{g:x2}{b:x2}");
    }

    public static string Format(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    public static string Label(RegionInfo region) =>
        region.Hemisphere.Length == 0 ? $"{region.Name} [{region.Code}]" : $"{region.Name} ({region.Hemisphere}) [{region.Code}]";

    private static int Rank(string network)
    {
        var rank = Array.IndexOf(NetworkOrder, network);
        return rank < 0 ? NetworkOrder.Length : rank;
    }

    private static (int, int, int) Mix((int R, int G, int B) from, (int R, int G, int B) to, double t) =>
        ((int)Math.Round(from.R + ((to.R - from.R) * t)), (int)Math.Round(from.G + ((to.G - from.G) * t)), (int)Math.Round(from.B + ((to.B - from.B) * t)));
}
