using System.Xml.Linq;
using static Stillpoint.Web.Charts.Svg;

namespace Stillpoint.Web.Charts;

/// <summary>
/// Renders a <see cref="ChartModel"/> as one &lt;svg&gt; element (a string of well-formed XML in the SVG namespace).
/// Pure and deterministic: the same model always gives the same markup, numbers in the invariant culture.
/// Layers, bottom to top: bands, grid and axes, confidence areas, markers, series, bars, pairs, legend.
/// </summary>
public static class SvgChartRenderer
{
    public static string Render(ChartModel model) => Build(model).ToString(SaveOptions.DisableFormatting);

    /// <summary>The chart as an element, for callers (and tests) that want to inspect it.</summary>
    public static XElement Build(ChartModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var legend = ChartLegend.Layout(model);
        var frame = ChartFrame.Build(model, legend.Rows);
        var svg = El(
            "svg",
            Attr("class", model.CssClass is null ? "chart" : $"chart {model.CssClass}"),
            Attr("role", "img"),
            Attr("aria-labelledby", $"{model.Id}-title {model.Id}-desc"),
            Attr("viewBox", $"0 0 {model.Width} {model.Height}"),
            Attr("width", "100%"),
            Attr("preserveAspectRatio", "xMidYMid meet"),
            Attr("font-family", "sans-serif"),
            Attr("font-size", ChartStyle.FontSize),
            El("title", Attr("id", $"{model.Id}-title"), model.Title),
            El("desc", Attr("id", $"{model.Id}-desc"), model.Description ?? ChartDescription.Summarize(model)));
        svg.Add(ChartMarks.Patterns(model));
        svg.Add(ChartMarks.Bands(model, frame));
        svg.Add(ChartAxes.Draw(model, frame));
        svg.Add(ChartMarks.Markers(model, frame));
        svg.Add(model.Series.Select((series, index) => ChartMarks.Series(model, frame, series, index)));
        svg.Add(ChartMarks.Bars(model, frame));
        svg.Add(ChartMarks.Pairs(model, frame));
        svg.Add(ChartLegend.Draw(legend));
        if (model.Series.All(s => s.Points.Count == 0) && model.Bars.Count == 0 && model.Pairs.Count == 0)
        {
            svg.Add(El("text", Attr("class", "no-data"), Attr("x", (frame.Left + frame.Right) / 2), Attr("y", (frame.Top + frame.Bottom) / 2),
                Attr("text-anchor", "middle"), Attr("fill", ChartStyle.Text), "No data yet"));
        }

        return svg;
    }
}
