using System.Xml.Linq;
using static Stillpoint.Web.Charts.Svg;

namespace Stillpoint.Web.Charts;

/// <summary>Grid, axis lines, tick labels and axis titles.</summary>
internal static class ChartAxes
{
    public static XElement Draw(ChartModel model, ChartFrame frame)
    {
        var axes = El("g", Attr("class", "axes"));
        foreach (var tick in frame.YTicks)
        {
            var y = frame.Y.Map(tick);
            axes.Add(El("g", Attr("class", "y-tick"),
                El("line", Attr("x1", frame.Left), Attr("y1", y), Attr("x2", frame.Right), Attr("y2", y), Attr("stroke", ChartStyle.Grid)),
                Text(frame.Left - 6, y + 4, ChartTicks.Format(tick, model.Y.TickFormat), "end")));
        }

        foreach (var tick in frame.XTicks)
        {
            var label = model.X.Kind == ChartXKind.Time ? TimeTick(tick, frame) : ChartTicks.Format(tick, "0.##");
            axes.Add(El("g", Attr("class", "x-tick"),
                El("line", Attr("x1", frame.X.Map(tick)), Attr("y1", frame.Bottom), Attr("x2", frame.X.Map(tick)), Attr("y2", frame.Bottom + 4), Attr("stroke", ChartStyle.Axis)),
                Text(frame.X.Map(tick), frame.Bottom + 16, label)));
        }

        for (var i = 0; i < frame.Categories.Count; i++)
        {
            axes.Add(El("g", Attr("class", "x-tick"), Title(frame.Categories[i]), Text(frame.CategoryCentre(i), frame.Bottom + 16, Fit(frame.Categories[i], frame.Slot))));
        }

        axes.Add(
            El("line", Attr("x1", frame.Left), Attr("y1", frame.Bottom), Attr("x2", frame.Right), Attr("y2", frame.Bottom), Attr("stroke", ChartStyle.Axis)),
            El("line", Attr("x1", frame.Left), Attr("y1", frame.Top), Attr("x2", frame.Left), Attr("y2", frame.Bottom), Attr("stroke", ChartStyle.Axis)),
            Text((frame.Left + frame.Right) / 2, model.Height - 6, model.X.Label, "middle", Attr("class", "axis-label")),
            Text(-(frame.Top + frame.Bottom) / 2, 14, model.Y.Label, "middle", Attr("class", "axis-label"), Attr("transform", "rotate(-90)")));
        return axes;
    }

    /// <summary>"3 Nov", with the year when the axis spans more than about ten months or at the first tick.</summary>
    private static string TimeTick(double x, ChartFrame frame)
    {
        var date = ChartTime.ToDate(x);
        var withYear = frame.X.DomainMax - frame.X.DomainMin > 300 || x.Equals(frame.XTicks[0]);
        return date.ToString(withYear ? "d MMM yyyy" : "d MMM", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Shortens a category label to its slot, with an ellipsis; the full text stays in the tick's title.</summary>
    private static string Fit(string label, double width)
    {
        var chars = Math.Max(3, (int)(width / ChartStyle.CharWidth) - 1);
        return label.Length <= chars ? label : string.Concat(label.AsSpan(0, chars - 1), "…");
    }
}
