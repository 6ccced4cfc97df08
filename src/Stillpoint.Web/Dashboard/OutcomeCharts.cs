using System.Globalization;
using Stillpoint.Web.Charts;

namespace Stillpoint.Web.Dashboard;

/// <summary>Chart models for the outcome pages, drawn by the shared <see cref="SvgChartRenderer"/>.</summary>
internal static class OutcomeCharts
{
    /// <summary>Kaplan–Meier step curves from (0, 1) with their 95 % bands, and censorings marked with a cross.</summary>
    public static ChartModel Durability(string id, string title, IReadOnlyList<DurabilityCurveDto> curves)
    {
        var series = new List<ChartSeries>();
        for (var i = 0; i < curves.Count; i++)
        {
            var curve = curves[i];
            var steps = curve.Steps.Where(s => s.Relapses > 0 || s == curve.Steps[^1]).ToList();
            series.Add(new ChartSeries(curve.Group, [new ChartPoint(0, 1, $"{curve.Group}: day 0, 100 % in response"), .. steps.Select(s => new ChartPoint(s.Day, s.Survival, Hover(curve.Group, s)))])
            {
                Shape = SeriesShape.Step,
                Confidence = [new ChartInterval(0, 1, 1), .. steps.Where(s => s.Lower is not null).Select(s => new ChartInterval(s.Day, s.Lower!.Value, s.Upper!.Value))],
                StyleIndex = i,
                PointShape = PointShape.None,
            });
            var censored = curve.Steps.Where(s => s.Censored > 0).Select(s => new ChartPoint(s.Day, s.Survival, Invariant($"{curve.Group}: {s.Censored} censored on day {s.Day}")));
            series.Add(new ChartSeries($"{curve.Group} censored", [.. censored]) { Shape = SeriesShape.PointsOnly, StyleIndex = i, PointShape = PointShape.Cross });
        }

        return new ChartModel
        {
            Id = id,
            Title = title,
            CssClass = "km-chart",
            X = ChartXAxis.Number("days since response", min: 0),
            Y = new ChartYAxis("proportion still in response") { Min = 0, Max = 1, TickFormat = "0%" },
            Series = series,
        };
    }

    /// <summary>Response and remission rates as grouped bars per group (e.g. route).</summary>
    public static ChartModel Rates(string id, string title, string axis, IReadOnlyList<RateRowDto> rows) => new()
    {
        Id = id,
        Title = title,
        CssClass = "rates-chart",
        X = ChartXAxis.Categories(axis),
        Y = new ChartYAxis("% of evaluable patients") { Min = 0, Max = 100 },
        Height = 220,
        Bars =
        [
            .. rows.Where(r => r.ResponseRate is not null).Select(r => new ChartBar(r.Group, "response", r.ResponseRate!.Value) { Title = Invariant($"{r.Group}: response {r.Responders}/{r.Evaluable} ({r.ResponseRate} %)") }),
            .. rows.Where(r => r.RemissionRate is not null).Select(r => new ChartBar(r.Group, "remission", r.RemissionRate!.Value) { Title = Invariant($"{r.Group}: remission {r.Remitters}/{r.Evaluable} ({r.RemissionRate} %)") }),
        ],
    };

    private static string Hover(string group, KmStepDto step) => step.Lower is { } lower
        ? Invariant($"{group}: day {step.Day}, {step.Survival:P1} in response (95 % CI {lower:P1}–{step.Upper:P1}), {step.AtRisk} at risk")
        : Invariant($"{group}: day {step.Day}, {step.Survival:P1} in response, {step.AtRisk} at risk");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
