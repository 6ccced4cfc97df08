using System.Xml.Linq;
using static Stillpoint.Web.Charts.Svg;

namespace Stillpoint.Web.Charts;

/// <summary>The key above the plot: one entry per series, marker kind, bar series and pair side, wrapped into rows.</summary>
internal static class ChartLegend
{
    private const double SampleWidth = 22;
    private const double Gap = 14;
    private const double StartX = 58;

    public sealed record Entry(string Name, Func<double, double, XElement> Sample, int Row, double X);

    public sealed record LegendLayout(IReadOnlyList<Entry> Entries, int Rows);

    public static LegendLayout Layout(ChartModel model)
    {
        var samples = Samples(model).ToList();
        var entries = new List<Entry>();
        var (row, x) = (0, StartX);
        foreach (var (name, sample) in samples)
        {
            var width = SampleWidth + 4 + ChartStyle.TextWidth(name);
            if (x > StartX && x + width > model.Width - 10)
            {
                (row, x) = (row + 1, StartX);
            }

            entries.Add(new Entry(name, sample, row, x));
            x += width + Gap;
        }

        return new LegendLayout(entries, entries.Count == 0 ? 0 : row + 1);
    }

    public static XElement? Draw(LegendLayout layout)
    {
        if (layout.Entries.Count == 0)
        {
            return null;
        }

        var legend = El("g", Attr("class", "legend"));
        foreach (var entry in layout.Entries)
        {
            var y = ChartFrame.LegendRowY(entry.Row);
            legend.Add(El("g", Attr("class", "key"), entry.Sample(entry.X, y - 4), Text(entry.X + SampleWidth + 4, y, entry.Name, "start")));
        }

        return legend;
    }

    private static IEnumerable<(string Name, Func<double, double, XElement> Sample)> Samples(ChartModel model)
    {
        for (var i = 0; i < model.Series.Count; i++)
        {
            var series = model.Series[i];
            var style = series.StyleIndex ?? i;
            yield return (series.Name, (x, y) => SeriesSample(series, style, x, y));
        }

        foreach (var kind in model.Markers.Select(m => m.Kind).Distinct())
        {
            yield return (kind.Name, (x, y) => El("line", Attr("x1", x + (SampleWidth / 2)), Attr("y1", y - 6), Attr("x2", x + (SampleWidth / 2)), Attr("y2", y + 6),
                Attr("stroke", kind.Stroke), Attr("stroke-width", 2), Attr("stroke-dasharray", kind.Dash)));
        }

        var bars = ChartMarks.BarSeries(model);
        for (var i = 0; i < bars.Count; i++)
        {
            var fill = ChartMarks.BarFill(model, i);
            yield return (bars[i], (x, y) => El("rect", Attr("x", x + 4), Attr("y", y - 6), Attr("width", 14), Attr("height", 12), Attr("fill", fill), Attr("stroke", "#222")));
        }

        if (model.Pairs.Count > 0)
        {
            var (before, after) = model.PairNames;
            yield return (before, (x, y) => Glyph(PointShape.Circle, x + (SampleWidth / 2), y, ChartStyle.Colour(0), filled: false));
            yield return (after, (x, y) => Glyph(PointShape.Square, x + (SampleWidth / 2), y, ChartStyle.Colour(1), filled: true));
        }
    }

    private static XElement SeriesSample(ChartSeries series, int style, double x, double y)
    {
        var sample = El("g");
        if (series.Shape != SeriesShape.PointsOnly)
        {
            var line = El("line", Attr("x1", x), Attr("y1", y), Attr("x2", x + SampleWidth), Attr("y2", y), Attr("stroke", ChartStyle.Colour(style)), Attr("stroke-width", 2));
            if (ChartStyle.Dash(style).Length > 0)
            {
                line.Add(Attr("stroke-dasharray", ChartStyle.Dash(style)));
            }

            sample.Add(line);
        }

        var shape = series.PointShape ?? ChartStyle.Shape(style);
        if (shape != PointShape.None)
        {
            sample.Add(Glyph(shape, x + (SampleWidth / 2), y, ChartStyle.Colour(style), filled: true));
        }

        return sample;
    }

    /// <summary>
    /// A point shape drawn as a path, so legend samples are never mistaken for data points (which are circles, rects
    /// and polygons carrying their values in titles).
    /// </summary>
    private static XElement Glyph(PointShape shape, double x, double y, string colour, bool filled)
    {
        var d = shape switch
        {
            PointShape.Circle => $"M{Point(x - 3.5, y)}a3.5,3.5 0 1,0 7,0a3.5,3.5 0 1,0 -7,0Z",
            PointShape.Square => $"M{Point(x - 3.5, y - 3.5)}h7v7h-7Z",
            PointShape.Triangle => $"M{Point(x, y - 4.5)}L{Point(x + 4.5, y + 3.5)}H{Num(x - 4.5)}Z",
            PointShape.Diamond => $"M{Point(x, y - 4.5)}L{Point(x + 4.5, y)}L{Point(x, y + 4.5)}L{Point(x - 4.5, y)}Z",
            PointShape.Cross => $"M{Point(x - 4, y)}h8M{Point(x, y - 4)}v8",
            PointShape.None => string.Empty,
            _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, "Unknown point shape."),
        };
        return El("path", Attr("d", d), Attr("fill", filled && shape != PointShape.Cross ? colour : "#fff"), Attr("stroke", colour), Attr("stroke-width", shape == PointShape.Cross ? 2 : 1.5));
    }
}
