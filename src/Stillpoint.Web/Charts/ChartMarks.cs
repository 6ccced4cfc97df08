using System.Text;
using System.Xml.Linq;
using static Stillpoint.Web.Charts.Svg;

namespace Stillpoint.Web.Charts;

/// <summary>The data layers: bands, markers, series (with confidence areas), bars and pairs.</summary>
internal static class ChartMarks
{
    private const double MinBandLabelHeight = 11;

    public static XElement? Bands(ChartModel model, ChartFrame frame)
    {
        if (model.Bands.Count == 0)
        {
            return null;
        }

        var group = El("g", Attr("class", "bands"));
        foreach (var band in model.Bands)
        {
            // Clipped to the axis; a band wholly outside it is not drawn.
            var low = Math.Max(Math.Min(band.From, band.To), frame.Y.DomainMin);
            var high = Math.Min(Math.Max(band.From, band.To), frame.Y.DomainMax);
            if (high <= low)
            {
                continue;
            }

            var (top, bottom) = (frame.Y.Map(high), frame.Y.Map(low));
            var title = $"{band.Label}: {ChartTicks.Format(band.From, model.Y.TickFormat)}–{ChartTicks.Format(band.To, model.Y.TickFormat)}";
            var item = El("g", Attr("class", "band"),
                El("rect", Attr("x", frame.Left), Attr("y", top), Attr("width", frame.Right - frame.Left), Attr("height", bottom - top), Attr("fill", ChartStyle.BandFill(band.Tone)), TitleOrNone(title)));
            if (bottom - top >= MinBandLabelHeight)
            {
                item.Add(Text(frame.Right - 4, ((top + bottom) / 2) + 4, band.Label, "end", Attr("font-size", 10), Attr("class", "band-label")));
            }

            group.Add(item);
        }

        return group;
    }

    public static IEnumerable<XElement> Markers(ChartModel model, ChartFrame frame)
    {
        if (model.X.Kind == ChartXKind.Category)
        {
            yield break;
        }

        foreach (var kind in model.Markers.GroupBy(m => m.Kind))
        {
            var group = El("g", Attr("class", kind.Key.Key));
            var freeFrom = double.MinValue;
            foreach (var marker in kind.Where(m => frame.X.Contains(m.X)).OrderBy(m => m.X))
            {
                var x = frame.X.Map(marker.X);
                group.Add(El("line", Attr("x1", x), Attr("y1", frame.Top), Attr("x2", x), Attr("y2", frame.Bottom),
                    Attr("stroke", kind.Key.Stroke), Attr("stroke-width", 2), Attr("stroke-dasharray", kind.Key.Dash), Title(marker.Label)));

                // A short label that would overlap the previous one is left out; the line's title still names the marker.
                if (marker.ShortLabel is { } shortLabel && x - (ChartStyle.TextWidth(shortLabel) / 2) >= freeFrom)
                {
                    group.Add(Text(x, frame.Top - 4, shortLabel, "middle", Attr("font-size", 10)));
                    freeFrom = x + (ChartStyle.TextWidth(shortLabel) / 2) + 2;
                }
            }

            yield return group;
        }
    }

    public static XElement Series(ChartModel model, ChartFrame frame, ChartSeries series, int position)
    {
        var style = series.StyleIndex ?? position;
        var colour = ChartStyle.Colour(style);
        var group = El("g", Attr("class", $"series {series.Key ?? Slug(series.Name)}"));
        if (series.Confidence.Count > 0)
        {
            group.Add(El("path", Attr("class", "confidence"), Attr("d", ConfidencePath(frame, series)), Attr("fill", colour), Attr("fill-opacity", 0.15),
                Attr("stroke", "none"), Title($"{series.Name}: confidence interval")));
        }

        var points = series.Points.OrderBy(p => p.X).ToList();
        if (series.Shape != SeriesShape.PointsOnly && points.Count > 1)
        {
            var line = El("path", Attr("class", "line"), Attr("d", LinePath(frame, points.Select(p => (p.X, p.Y)).ToList(), series.Shape == SeriesShape.Step)),
                Attr("fill", "none"), Attr("stroke", colour), Attr("stroke-width", 2));
            if (ChartStyle.Dash(style).Length > 0)
            {
                line.Add(Attr("stroke-dasharray", ChartStyle.Dash(style)));
            }

            group.Add(line);
        }

        var shape = series.PointShape ?? ChartStyle.Shape(style);
        foreach (var point in points)
        {
            var title = point.Title ?? $"{ChartDescription.FormatX(model.X, point.X)}: {series.Name} {ChartTicks.Format(point.Y, model.Y.TickFormat)}";
            group.Add(Shape(shape, frame.X.Map(point.X), frame.Y.Map(point.Y), colour, filled: true, title));
        }

        return group;
    }

    public static XElement? Bars(ChartModel model, ChartFrame frame)
    {
        if (model.Bars.Count == 0)
        {
            return null;
        }

        var seriesNames = BarSeries(model);
        var group = El("g", Attr("class", "bars"));
        var width = frame.Slot * 0.7 / seriesNames.Count;
        var baseline = frame.Y.Map(frame.Y.Clamp(0));
        foreach (var bar in model.Bars)
        {
            var index = seriesNames.IndexOf(bar.Series);
            var x = frame.CategoryCentre(IndexOf(frame.Categories, bar.Category)) - (frame.Slot * 0.35) + (index * width);
            var y = frame.Y.Map(bar.Value);
            var title = bar.Title ?? $"{bar.Category}, {bar.Series}: {ChartTicks.Format(bar.Value, model.Y.TickFormat)}";
            var item = El("g", Attr("class", "bar"),
                El("rect", Attr("x", x + 1), Attr("y", Math.Min(y, baseline)), Attr("width", Math.Max(1, width - 2)), Attr("height", Math.Abs(baseline - y)),
                    Attr("fill", BarFill(model, index)), Attr("stroke", "#222"), TitleOrNone(title)),
                Text(x + (width / 2), Math.Min(y, baseline) - 3, ChartTicks.Format(bar.Value, model.Y.TickFormat), "middle", Attr("font-size", 10)));
            if (bar.Lower is { } lower && bar.Upper is { } upper)
            {
                var centre = x + (width / 2);
                item.Add(El("path", Attr("class", "error"), Attr("stroke", "#000"), Attr("fill", "none"),
                    Attr("d", $"M{Point(centre, frame.Y.Map(lower))}V{Num(frame.Y.Map(upper))}M{Point(centre - 4, frame.Y.Map(lower))}h8M{Point(centre - 4, frame.Y.Map(upper))}h8")));
            }

            group.Add(item);
        }

        return group;
    }

    public static XElement? Pairs(ChartModel model, ChartFrame frame)
    {
        if (model.Pairs.Count == 0)
        {
            return null;
        }

        var (beforeName, afterName) = model.PairNames;
        var group = El("g", Attr("class", "pairs"));
        foreach (var pair in model.Pairs)
        {
            var x = frame.CategoryCentre(IndexOf(frame.Categories, pair.Category));
            var item = El("g", Attr("class", "pair"));
            if (pair.Before is { } before && pair.After is { } after)
            {
                item.Add(El("line", Attr("x1", x), Attr("y1", frame.Y.Map(before)), Attr("x2", x), Attr("y2", frame.Y.Map(after)), Attr("stroke", "#555"), Attr("stroke-width", 2)));
                var change = after - before;
                item.Add(Text(x + 8, ((frame.Y.Map(before) + frame.Y.Map(after)) / 2) + 4, (change > 0 ? "+" : change < 0 ? "−" : "±") + ChartTicks.Format(Math.Abs(change), model.Y.TickFormat),
                    "start", Attr("font-size", 10), Attr("class", "change")));
            }

            var suffix = pair.Title is null ? string.Empty : $" ({pair.Title})";
            if (pair.Before is { } b)
            {
                item.Add(Shape(PointShape.Circle, x, frame.Y.Map(b), ChartStyle.Colour(0), filled: false, $"{pair.Category}: {beforeName} {ChartTicks.Format(b, model.Y.TickFormat)}{suffix}"));
            }

            if (pair.After is { } a)
            {
                item.Add(Shape(PointShape.Square, x, frame.Y.Map(a), ChartStyle.Colour(1), filled: true, $"{pair.Category}: {afterName} {ChartTicks.Format(a, model.Y.TickFormat)}{suffix}"));
            }

            group.Add(item);
        }

        return group;
    }

    /// <summary>Fill patterns for bars, one per bar series, so bars are told apart in greyscale.</summary>
    public static XElement? Patterns(ChartModel model)
    {
        if (model.Bars.Count == 0)
        {
            return null;
        }

        XElement Pattern(int i, params object[] content) =>
            El("pattern", Attr("id", $"{model.Id}-fill-{i}"), Attr("width", 6), Attr("height", 6), Attr("patternUnits", "userSpaceOnUse"),
                El("rect", Attr("width", 6), Attr("height", 6), Attr("fill", "#fff")), content);
        return El("defs",
            Pattern(1, El("path", Attr("d", "M0,6L6,0M-1,1L1,-1M5,7L7,5"), Attr("stroke", "#222"), Attr("stroke-width", 1.2))),
            Pattern(2, El("circle", Attr("cx", 3), Attr("cy", 3), Attr("r", 1.3), Attr("fill", "#222"))),
            Pattern(3, El("path", Attr("d", "M0,0L6,6M6,0L0,6"), Attr("stroke", "#222"), Attr("stroke-width", 0.9))));
    }

    public static string BarFill(ChartModel model, int seriesIndex) => (seriesIndex % ChartStyle.BarPatterns) switch
    {
        0 => ChartStyle.Colour(0),
        4 => "#bdbdbd",
        var i => $"url(#{model.Id}-fill-{i})",
    };

    public static List<string> BarSeries(ChartModel model) => model.Bars.Select(b => b.Series).Distinct(StringComparer.Ordinal).ToList();

    public static XElement Shape(PointShape shape, double x, double y, string colour, bool filled, string? title)
    {
        var fill = filled ? colour : "#fff";
        return shape switch
        {
            PointShape.Circle => El("circle", Attr("cx", x), Attr("cy", y), Attr("r", 3.5), Attr("fill", fill), Attr("stroke", colour), Attr("stroke-width", 1.5), TitleOrNone(title)),
            PointShape.Square => El("rect", Attr("x", x - 3.5), Attr("y", y - 3.5), Attr("width", 7), Attr("height", 7), Attr("fill", fill), Attr("stroke", colour), Attr("stroke-width", 1.5), TitleOrNone(title)),
            PointShape.Triangle => Polygon([(x, y - 4.5), (x + 4.5, y + 3.5), (x - 4.5, y + 3.5)], fill, colour, title),
            PointShape.Diamond => Polygon([(x, y - 4.5), (x + 4.5, y), (x, y + 4.5), (x - 4.5, y)], fill, colour, title),
            PointShape.Cross => El("path", Attr("class", "point"), Attr("d", $"M{Point(x - 4, y)}h8M{Point(x, y - 4)}v8"), Attr("stroke", colour), Attr("stroke-width", 2), TitleOrNone(title)),
            PointShape.None => El("circle", Attr("cx", x), Attr("cy", y), Attr("r", 3), Attr("fill", "transparent"), TitleOrNone(title)),
            _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, "Unknown point shape."),
        };
    }

    private static XElement? TitleOrNone(string? title) => title is null ? null : Title(title);

    private static XElement Polygon((double X, double Y)[] corners, string fill, string stroke, string? title) =>
        El("polygon", Attr("points", string.Join(' ', corners.Select(c => Point(c.X, c.Y)))), Attr("fill", fill), Attr("stroke", stroke), Attr("stroke-width", 1.5), TitleOrNone(title));

    private static string LinePath(ChartFrame frame, List<(double X, double Y)> points, bool step)
    {
        var path = new StringBuilder();
        for (var i = 0; i < points.Count; i++)
        {
            var (x, y) = (frame.X.Map(points[i].X), frame.Y.Map(points[i].Y));
            if (i == 0)
            {
                path.Append('M').Append(Point(x, y));
            }
            else if (step)
            {
                path.Append('H').Append(Num(x)).Append('V').Append(Num(y));
            }
            else
            {
                path.Append('L').Append(Point(x, y));
            }
        }

        return path.ToString();
    }

    /// <summary>The upper limits left to right, then the lower limits back, closed: an area following the series' shape.</summary>
    private static string ConfidencePath(ChartFrame frame, ChartSeries series)
    {
        var intervals = series.Confidence.OrderBy(c => c.X).ToList();
        var step = series.Shape == SeriesShape.Step;
        var upper = LinePath(frame, intervals.Select(c => (c.X, c.Upper)).ToList(), step);
        var last = intervals[^1];
        var back = new StringBuilder("L").Append(Point(frame.X.Map(last.X), frame.Y.Map(last.Lower)));
        for (var i = intervals.Count - 2; i >= 0; i--)
        {
            // Backwards along a right-continuous step: first down or up to the earlier level, then left to its x.
            var (x, y) = (frame.X.Map(intervals[i].X), frame.Y.Map(intervals[i].Lower));
            back.Append(step ? $"V{Num(y)}H{Num(x)}" : $"L{Point(x, y)}");
        }

        return upper + back + "Z";
    }

    private static int IndexOf(IReadOnlyList<string> categories, string category)
    {
        for (var i = 0; i < categories.Count; i++)
        {
            if (string.Equals(categories[i], category, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return 0;
    }

    private static string Slug(string name) =>
        string.Concat(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')).Trim('-');
}
