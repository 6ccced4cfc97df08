using System.Globalization;
using System.Xml.Linq;
using Stillpoint.Web.Charts;

namespace Stillpoint.Web.Tests.Charts;

/// <summary>The shared chart's markup: accessibility, placement of marks, bands, markers, bars, pairs, edge cases.</summary>
public sealed class SvgChartRendererTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    // A 640 × 260 chart has its plot from x 58 to 626 (ChartFrame margins): 568 units wide.
    private const double PlotLeft = 58;
    private const double PlotWidth = 568;

    private static ChartModel Scores(params ChartPoint[] points) => new()
    {
        Id = "t",
        Title = "PHQ-9 total over time",
        X = ChartXAxis.Number("week", 0, 10),
        Y = new ChartYAxis("score") { Min = 0, Max = 27 },
        Series = [new ChartSeries("PHQ-9", points)],
    };

    private static XElement Parse(ChartModel model) => XElement.Parse(SvgChartRenderer.Render(model));

    private static IEnumerable<XElement> Groups(XElement svg, string cssClass) =>
        svg.Descendants(Svg + "g").Where(g => ((string?)g.Attribute("class"))?.Split(' ').Contains(cssClass) == true);

    private static double Num(XElement element, string attribute) => double.Parse((string)element.Attribute(attribute)!, CultureInfo.InvariantCulture);

    [Fact]
    public void Render_IsAnAccessibleImage_WithTitleDescAndLabelledBy()
    {
        var svg = Parse(Scores(new ChartPoint(1, 18), new ChartPoint(4, 9)));

        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("t-title t-desc", (string?)svg.Attribute("aria-labelledby"));
        Assert.Equal("PHQ-9 total over time", svg.Element(Svg + "title")!.Value);
        Assert.Equal("t-title", (string?)svg.Element(Svg + "title")!.Attribute("id"));
        var desc = svg.Element(Svg + "desc")!.Value;
        Assert.Equal("t-desc", (string?)svg.Element(Svg + "desc")!.Attribute("id"));
        Assert.Contains("PHQ-9: 2 point(s) from 1 to 4; first 18, latest 9, lowest 9, highest 18.", desc, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EveryPointHasAHoverTitle_AtItsScaledPosition()
    {
        var svg = Parse(Scores(new ChartPoint(5, 13.5, "week 5: 13.5"), new ChartPoint(0, 27)));

        var circles = svg.Descendants(Svg + "circle").ToList();
        Assert.Equal(2, circles.Count);
        var middle = circles.Single(c => c.Element(Svg + "title")!.Value == "week 5: 13.5");
        Assert.Equal(PlotLeft + (PlotWidth / 2), Num(middle, "cx"), 2);
        // The y-axis is exactly 0–27, so 13.5 is half-way between the plot's bottom and top.
        var top = Num(circles.Single(c => c.Element(Svg + "title")!.Value == "0: PHQ-9 27"), "cy");
        var bottom = 260 - 42.0;
        Assert.Equal((top + bottom) / 2, Num(middle, "cy"), 2);
    }

    [Fact]
    public void Render_Bands_AreClippedToTheAxis_AndLabelled_AndOneOutsideIsDropped()
    {
        var model = Scores(new ChartPoint(1, 10)) with
        {
            Bands = [new ChartBand(0, 5, "minimal"), new ChartBand(20, 40, "severe") { Tone = 4 }, new ChartBand(-10, -2, "impossible")],
        };

        var svg = Parse(model);

        var bands = Groups(svg, "band").ToList();
        Assert.Equal(2, bands.Count);
        var minimal = bands[0].Element(Svg + "rect")!;
        var severe = bands[1].Element(Svg + "rect")!;
        var perPoint = (Num(minimal, "height")) / 5;
        // Severe is drawn from 20 up to the axis top (27), not to 40: 7 points high, its top at the plot's top.
        Assert.Equal(7 * perPoint, Num(severe, "height"), 0.1);
        Assert.Equal(Num(severe, "y") + Num(severe, "height"), 260 - 42 - (20 * perPoint), 0.1);
        Assert.Equal("severe: 20–40", severe.Element(Svg + "title")!.Value);
        Assert.Contains(bands[1].Elements(Svg + "text"), t => t.Value == "severe");
        Assert.DoesNotContain("impossible", string.Concat(bands.Select(b => b.Value)), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Markers_AreGroupedByKind_AtTheirX_WithTitlesAndLegend()
    {
        var booster = ChartMarkerKind.Booster;
        var model = Scores(new ChartPoint(1, 10)) with
        {
            Markers =
            [
                new ChartMarker(2.5, "session 1", ChartMarkerKind.Dose) { ShortLabel = "S1" },
                new ChartMarker(7.5, "booster 1", booster) { ShortLabel = "B1" },
            ],
        };

        var svg = Parse(model);

        var dose = Groups(svg, "doses").Single().Element(Svg + "line")!;
        Assert.Equal(PlotLeft + (PlotWidth * 0.25), Num(dose, "x1"), 2);
        Assert.Equal("session 1", dose.Element(Svg + "title")!.Value);
        var boost = Groups(svg, "boosters").Single().Element(Svg + "line")!;
        Assert.Equal(PlotLeft + (PlotWidth * 0.75), Num(boost, "x1"), 2);
        Assert.NotEqual((string?)dose.Attribute("stroke-dasharray"), (string?)boost.Attribute("stroke-dasharray"));
        Assert.Contains(Groups(svg, "boosters").Single().Elements(Svg + "text"), t => t.Value == "B1");
        var legend = Groups(svg, "legend").Single().Value;
        Assert.Contains("dose", legend, StringComparison.Ordinal);
        Assert.Contains("booster session", legend, StringComparison.Ordinal);
        Assert.Contains("1 dose(s) marked: session 1", svg.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MarkerLabelsThatWouldOverlap_AreLeftOut_ButEveryLineKeepsItsTitle()
    {
        var model = Scores(new ChartPoint(1, 10)) with
        {
            Markers = [.. Enumerable.Range(0, 4).Select(i => new ChartMarker(2 + (i * 0.05), $"session {i + 1}", ChartMarkerKind.Dose) { ShortLabel = $"S{i + 1}" })],
        };

        var group = Groups(Parse(model), "doses").Single();

        Assert.Equal(4, group.Elements(Svg + "line").Count(l => l.Element(Svg + "title") is not null));
        Assert.Equal(["S1"], group.Elements(Svg + "text").Select(t => t.Value));
    }

    [Fact]
    public void Render_MarkerOutsideTheData_WidensTheXAxisSoItIsShown()
    {
        var model = Scores(new ChartPoint(1, 10)) with { X = ChartXAxis.Number("week"), Markers = [new ChartMarker(40, "late session", ChartMarkerKind.Dose)] };

        var line = Groups(Parse(model), "doses").Single().Element(Svg + "line")!;

        Assert.InRange(Num(line, "x1"), PlotLeft, PlotLeft + PlotWidth);
    }

    [Fact]
    public void Render_TextIsEscaped_AndTheResultIsWellFormedXml()
    {
        var model = Scores(new ChartPoint(1, 10, "a < b & \"c\"")) with { Title = "<script>x</script> & more" };

        var markup = SvgChartRenderer.Render(model);

        Assert.DoesNotContain("<script>", markup, StringComparison.Ordinal);
        var svg = XElement.Parse(markup);
        Assert.Equal("<script>x</script> & more", svg.Element(Svg + "title")!.Value);
        Assert.Contains(svg.Descendants(Svg + "title"), t => t.Value == "a < b & \"c\"");
    }

    [Fact]
    public void Render_EmptySeries_SaysNoData_AndDrawsNoLine()
    {
        var svg = Parse(Scores());

        Assert.Empty(svg.Descendants(Svg + "circle"));
        Assert.DoesNotContain(svg.Descendants(Svg + "path"), p => (string?)p.Attribute("class") == "line");
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "No data yet");
        Assert.StartsWith("No data.", svg.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SinglePoint_OnAnOpenAxis_IsOnePointInsideThePlot_WithoutALine()
    {
        var model = Scores(new ChartPoint(3, 12)) with { X = ChartXAxis.Time(), Y = new ChartYAxis("score") };
        model = model with { Series = [new ChartSeries("PHQ-9", [ChartPoint.At(new DateOnly(2026, 11, 3), 12)])] };

        var svg = Parse(model);

        var circle = svg.Descendants(Svg + "circle").Single();
        Assert.InRange(Num(circle, "cx"), PlotLeft + 1, PlotLeft + PlotWidth - 1);
        Assert.Equal("3 Nov 2026: PHQ-9 12", circle.Element(Svg + "title")!.Value);
        Assert.DoesNotContain(svg.Descendants(Svg + "path"), p => (string?)p.Attribute("class") == "line");
    }

    [Fact]
    public void Render_TimeAxis_LabelsTicksWithDates()
    {
        var model = Scores() with
        {
            X = ChartXAxis.Time(),
            Series = [new ChartSeries("PHQ-9", [ChartPoint.At(new DateOnly(2026, 9, 1), 18), ChartPoint.At(new DateOnly(2026, 11, 1), 6)])],
        };

        var ticks = Groups(Parse(model), "x-tick").Select(g => g.Element(Svg + "text")!.Value).ToList();

        Assert.NotEmpty(ticks);
        Assert.All(ticks, t => Assert.Matches(@"^\d{1,2} (Aug|Sep|Oct|Nov)( 2026)?$", t));
        Assert.EndsWith("2026", ticks[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SeriesDifferByDashAndShape_NotOnlyColour()
    {
        var model = Scores() with
        {
            Series = [new ChartSeries("a", [new(1, 1), new(2, 2)]), new ChartSeries("b", [new(1, 3), new(2, 4)])],
        };

        var svg = Parse(model);

        var lines = svg.Descendants(Svg + "path").Where(p => (string?)p.Attribute("class") == "line").ToList();
        Assert.Equal(2, lines.Count);
        Assert.NotEqual((string?)lines[0].Attribute("stroke-dasharray"), (string?)lines[1].Attribute("stroke-dasharray"));
        Assert.Equal(2, Groups(svg, "a").Single().Elements(Svg + "circle").Count());
        Assert.Equal(2, Groups(svg, "b").Single().Elements(Svg + "rect").Count());
    }

    [Fact]
    public void Render_StepSeries_WithConfidence_DrawsHorizontalThenVerticalAndAnArea()
    {
        var model = new ChartModel
        {
            Title = "Durability",
            X = ChartXAxis.Number("days", 0),
            Y = new ChartYAxis("still in response") { Min = 0, Max = 1 },
            Series =
            [
                new ChartSeries("all", [new(0, 1), new(10, 0.5), new(20, 0.25)])
                {
                    Shape = SeriesShape.Step,
                    Confidence = [new(0, 1, 1), new(10, 0.2, 0.8), new(20, 0.05, 0.6)],
                },
            ],
        };

        var svg = Parse(model);

        var line = (string)svg.Descendants(Svg + "path").Single(p => (string?)p.Attribute("class") == "line").Attribute("d")!;
        Assert.Matches("^M[0-9.,]+H[0-9.]+V[0-9.]+H[0-9.]+V[0-9.]+$", line);
        var area = (string)svg.Descendants(Svg + "path").Single(p => (string?)p.Attribute("class") == "confidence").Attribute("d")!;
        Assert.EndsWith("Z", area, StringComparison.Ordinal);
        Assert.Equal(4, area.Count(c => c == 'V'));
    }

    [Fact]
    public void Render_GroupedBars_UsePatternsPerSeries_AndShowValues()
    {
        var model = new ChartModel
        {
            Id = "rates",
            Title = "Response by route",
            X = ChartXAxis.Categories("route"),
            Y = new ChartYAxis("%") { Min = 0, Max = 100 },
            Bars = [new("IV", "response", 60), new("IV", "remission", 40), new("IM", "response", 50), new("IM", "remission", 20)],
        };

        var svg = Parse(model);

        var rects = Groups(svg, "bar").Select(g => g.Element(Svg + "rect")!).ToList();
        Assert.Equal(4, rects.Count);
        Assert.NotEqual((string?)rects[0].Attribute("fill"), (string?)rects[1].Attribute("fill"));
        Assert.Equal("url(#rates-fill-1)", (string?)rects[1].Attribute("fill"));
        Assert.Single(svg.Descendants(Svg + "pattern"), p => (string?)p.Attribute("id") == "rates-fill-1");
        Assert.Equal("IM, remission: 20", rects[3].Element(Svg + "title")!.Value);
        // 60 % is three times as tall as 20 %.
        Assert.Equal(Num(rects[0], "height"), 3 * Num(rects[3], "height"), 0.1);
        Assert.Equal(["IV", "IM"], Groups(svg, "x-tick").Select(g => g.Element(Svg + "text")!.Value));
    }

    [Fact]
    public void Render_Pairs_DrawBeforeAndAfterWithTheChange()
    {
        var model = new ChartModel
        {
            Title = "BSRI",
            X = ChartXAxis.Categories("session"),
            Y = new ChartYAxis("BSRI") { Min = 0, Max = 800 },
            PairNames = ("pre-dose", "post-dose"),
            Pairs = [new("S1", 420, 300), new("S2", 380, null)],
        };

        var svg = Parse(model);

        var pairs = Groups(svg, "pair").ToList();
        Assert.Equal("−120", pairs[0].Elements(Svg + "text").Single().Value);
        Assert.Contains(pairs[0].Descendants(Svg + "title"), t => t.Value == "S1: post-dose 300");
        Assert.Single(pairs[1].Descendants(Svg + "title"));
        Assert.Contains("S1: 420 → 300; S2: 380 → none", svg.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_IsDeterministic_WithInvariantNumbers()
    {
        var model = Scores(new ChartPoint(1.25, 10.5), new ChartPoint(3, 7)) with { Markers = [new ChartMarker(2, "s", ChartMarkerKind.Dose)] };

        var first = SvgChartRenderer.Render(model);

        Assert.Equal(first, SvgChartRenderer.Render(model));
        Assert.DoesNotMatch(@"=""\d+,\d", first);
    }
}
