using System.Globalization;
using System.Text;

namespace Stillpoint.Web.Charts;

/// <summary>The text summary of a chart's data used for its &lt;desc&gt; when the caller gives none (read by screen readers).</summary>
public static class ChartDescription
{
    private const int ItemisedLimit = 12;

    public static string Summarize(ChartModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var text = new StringBuilder();
        if (model.Series.All(s => s.Points.Count == 0) && model.Bars.Count == 0 && model.Pairs.Count == 0)
        {
            text.Append("No data. ");
        }

        foreach (var series in model.Series)
        {
            text.Append(Series(model, series)).Append(' ');
        }

        AppendBars(model, text);
        AppendPairs(model, text);
        if (model.Bands.Count > 0)
        {
            text.Append("Shaded bands: ")
                .AppendJoin("; ", model.Bands.Select(b => Invariant($"{b.Label} {b.From:0.##}–{b.To:0.##}")))
                .Append(". ");
        }

        foreach (var kind in model.Markers.GroupBy(m => m.Kind))
        {
            text.Append(Invariant($"{kind.Count()} {kind.Key.Name}(s) marked: "))
                .AppendJoin("; ", kind.Select(m => m.Label))
                .Append(". ");
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>An x value as the axis shows it: a date, a number, or a category name.</summary>
    public static string FormatX(ChartXAxis axis, double x)
    {
        ArgumentNullException.ThrowIfNull(axis);
        return axis.Kind == ChartXKind.Time ? ChartTime.Format(x) : ChartTicks.Format(x, "0.##");
    }

    private static string Series(ChartModel model, ChartSeries series)
    {
        if (series.Points.Count == 0)
        {
            return $"{series.Name}: no data.";
        }

        var points = series.Points.OrderBy(p => p.X).ToList();
        var first = points[0];
        var last = points[^1];
        var y = model.Y.TickFormat;
        return Invariant(
            $"{series.Name}: {points.Count} point(s) from {FormatX(model.X, first.X)} to {FormatX(model.X, last.X)}; first {ChartTicks.Format(first.Y, y)}, latest {ChartTicks.Format(last.Y, y)}, lowest {ChartTicks.Format(points.Min(p => p.Y), y)}, highest {ChartTicks.Format(points.Max(p => p.Y), y)}.");
    }

    private static void AppendBars(ChartModel model, StringBuilder text)
    {
        if (model.Bars.Count == 0)
        {
            return;
        }

        text.Append(Invariant($"{model.Bars.Count} bar(s)"));
        if (model.Bars.Count <= ItemisedLimit)
        {
            text.Append(": ").AppendJoin("; ", model.Bars.Select(b => $"{b.Category}, {b.Series}: {ChartTicks.Format(b.Value, model.Y.TickFormat)}"));
        }

        text.Append(". ");
    }

    private static void AppendPairs(ChartModel model, StringBuilder text)
    {
        if (model.Pairs.Count == 0)
        {
            return;
        }

        var (before, after) = model.PairNames;
        text.Append(Invariant($"{model.Pairs.Count} pair(s) of {before} and {after}"));
        if (model.Pairs.Count <= ItemisedLimit)
        {
            text.Append(": ").AppendJoin("; ", model.Pairs.Select(p => $"{p.Category}: {Value(p.Before, model)} → {Value(p.After, model)}"));
        }

        text.Append(". ");
    }

    private static string Value(double? value, ChartModel model) => value is { } v ? ChartTicks.Format(v, model.Y.TickFormat) : "none";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
