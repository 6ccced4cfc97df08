namespace Stillpoint.Web.Charts;

/// <summary>
/// Everything one chart shows, as plain data; <see cref="SvgChartRenderer.Render"/> turns it into SVG markup
/// (server-side, deterministic, culture-invariant), and <c>&lt;SvgChart Model="..." /&gt;</c> puts it on a page.
/// This is the one chart component of the application: trajectories, survival curves, vitals, bars, pre/post pairs.
/// <para>Typical uses:</para>
/// <list type="bullet">
/// <item>Scores over time: <c>X = ChartXAxis.Time()</c>, one <see cref="ChartSeries"/> of
/// <see cref="ChartPoint.At(DateTimeOffset,double,string?)"/> points, severity <see cref="Bands"/>, session <see cref="Markers"/>.</item>
/// <item>Kaplan–Meier: <c>X = ChartXAxis.Number("days since response", min: 0)</c>, <c>Y = new ChartYAxis("proportion") { Min = 0, Max = 1 }</c>,
/// a series with <c>Shape = SeriesShape.Step</c> and <see cref="ChartSeries.Confidence"/>; censoring as a
/// <see cref="SeriesShape.PointsOnly"/> series with <see cref="PointShape.Cross"/>.</item>
/// <item>Grouped bars (e.g. rates by route): <c>X = ChartXAxis.Categories("route")</c> and <see cref="Bars"/>.</item>
/// <item>Pre vs post (dumbbell): <c>X = ChartXAxis.Categories("session")</c> and <see cref="Pairs"/> with <see cref="PairNames"/>.</item>
/// </list>
/// Accessibility: the SVG has role="img", a &lt;title&gt; (<see cref="Title"/>) and a &lt;desc&gt; (<see cref="Description"/>,
/// or a summary of the data when null); every point, bar, band and marker carries a &lt;title&gt; shown on hover.
/// Meaning never rests on colour alone: series differ by dash and point shape, bars by fill pattern, bands and markers are labelled.
/// </summary>
public sealed record ChartModel
{
    /// <summary>Short accessible name of the chart (the SVG &lt;title&gt;).</summary>
    public required string Title { get; init; }

    /// <summary>The SVG &lt;desc&gt;; null = a summary generated from the data (<see cref="ChartDescription.Summarize"/>).</summary>
    public string? Description { get; init; }

    /// <summary>Unique on the page: prefixes the ids of the title, desc, clip path and patterns.</summary>
    public string Id { get; init; } = "chart";

    /// <summary>Extra CSS class(es) on the &lt;svg&gt; element (it always has "chart").</summary>
    public string? CssClass { get; init; }

    /// <summary>viewBox width in user units; the SVG scales to its container's width.</summary>
    public int Width { get; init; } = 640;

    /// <summary>viewBox height in user units.</summary>
    public int Height { get; init; } = 260;

    public ChartXAxis X { get; init; } = ChartXAxis.Number("x");

    public ChartYAxis Y { get; init; } = new("value");

    /// <summary>Lines, step lines or point clouds, drawn in order (later on top).</summary>
    public IReadOnlyList<ChartSeries> Series { get; init; } = [];

    /// <summary>Shaded horizontal ranges (e.g. severity bands), clipped to the y-axis; they never widen it.</summary>
    public IReadOnlyList<ChartBand> Bands { get; init; } = [];

    /// <summary>Vertical lines at an x (e.g. dosing sessions), grouped by <see cref="ChartMarker.Kind"/>.</summary>
    public IReadOnlyList<ChartMarker> Markers { get; init; } = [];

    /// <summary>Grouped bars on a category axis: one group per category, one bar per series name.</summary>
    public IReadOnlyList<ChartBar> Bars { get; init; } = [];

    /// <summary>Before/after pairs on a category axis (a dumbbell per category).</summary>
    public IReadOnlyList<ChartPair> Pairs { get; init; } = [];

    /// <summary>The legend names of <see cref="ChartPair.Before"/> and <see cref="ChartPair.After"/>.</summary>
    public (string Before, string After) PairNames { get; init; } = ("before", "after");
}

/// <summary>How x values are read: plain numbers, instants (see <see cref="ChartTime"/>), or category positions.</summary>
public enum ChartXKind
{
    Number,
    Time,
    Category,
}

/// <summary>
/// The x-axis. For <see cref="ChartXKind.Time"/> the x values are <see cref="ChartTime.ToX(DateTimeOffset)"/> (days since
/// 1970-01-01 UTC) and ticks are dates; for <see cref="ChartXKind.Category"/> the categories come from the bars and pairs
/// in order of first appearance.
/// </summary>
public sealed record ChartXAxis(ChartXKind Kind, string Label)
{
    /// <summary>The axis shows at least down to this value (data below it widens the axis).</summary>
    public double? Min { get; init; }

    /// <summary>The axis shows at least up to this value (data above it widens the axis).</summary>
    public double? Max { get; init; }

    public static ChartXAxis Number(string label, double? min = null, double? max = null) => new(ChartXKind.Number, label) { Min = min, Max = max };

    public static ChartXAxis Time(string label = "date") => new(ChartXKind.Time, label);

    public static ChartXAxis Categories(string label) => new(ChartXKind.Category, label);
}

/// <summary>The linear y-axis with "nice" ticks (1, 2, 2.5 or 5 × 10ⁿ).</summary>
public sealed record ChartYAxis(string Label)
{
    /// <summary>The axis shows at least down to this value (e.g. 0, or an instrument's minimum).</summary>
    public double? Min { get; init; }

    /// <summary>The axis shows at least up to this value (e.g. an instrument's maximum).</summary>
    public double? Max { get; init; }

    /// <summary>Tick label format (invariant culture), e.g. "0.##" or "0%".</summary>
    public string TickFormat { get; init; } = "0.##";
}

public enum SeriesShape
{
    /// <summary>Straight segments between points.</summary>
    Line,

    /// <summary>Horizontal then vertical (right-continuous), as survival curves are drawn.</summary>
    Step,

    /// <summary>Points only (e.g. censoring marks).</summary>
    PointsOnly,
}

public enum PointShape
{
    Circle,
    Square,
    Triangle,
    Diamond,
    Cross,
    None,
}

/// <summary>One data point; <see cref="Title"/> is its hover text (null = "x: y" from the axes' formats).</summary>
public sealed record ChartPoint(double X, double Y, string? Title = null)
{
    public static ChartPoint At(DateTimeOffset at, double y, string? title = null) => new(ChartTime.ToX(at), y, title);

    public static ChartPoint At(DateOnly date, double y, string? title = null) => new(ChartTime.ToX(date), y, title);
}

/// <summary>A confidence interval at one x (drawn as a shaded area following the series' shape).</summary>
public sealed record ChartInterval(double X, double Lower, double Upper);

/// <summary>
/// A named series. Style (colour, dash, point shape) comes from <see cref="StyleIndex"/> (default: its position), so two
/// series always differ by more than colour.
/// </summary>
public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points)
{
    public SeriesShape Shape { get; init; } = SeriesShape.Line;

    /// <summary>Optional shaded interval (e.g. a 95 % band); drawn under the line.</summary>
    public IReadOnlyList<ChartInterval> Confidence { get; init; } = [];

    /// <summary>CSS class of the series group; default: the name as a slug.</summary>
    public string? Key { get; init; }

    /// <summary>Palette position (colour, dash, point shape); default: the series' position in the chart.</summary>
    public int? StyleIndex { get; init; }

    /// <summary>Override of the style's point shape (e.g. <see cref="PointShape.None"/> for long curves).</summary>
    public PointShape? PointShape { get; init; }
}

/// <summary>A shaded y-range [<see cref="From"/>, <see cref="To"/>] with a visible label; <see cref="Tone"/> 0–4 from light to dark.</summary>
public sealed record ChartBand(double From, double To, string Label)
{
    public int Tone { get; init; }
}

/// <summary>A kind of vertical marker: the group's CSS class (<see cref="Key"/>), legend name, stroke and dash.</summary>
public sealed record ChartMarkerKind(string Key, string Name, string Stroke, string Dash)
{
    public static ChartMarkerKind Dose { get; } = new("doses", "dose", "#5e3c99", "6 3");

    public static ChartMarkerKind Booster { get; } = new("boosters", "booster session", "#8c2d04", "2 3");
}

/// <summary>A vertical line at <see cref="X"/>; <see cref="Label"/> is its hover text, <see cref="ShortLabel"/> is written above it.</summary>
public sealed record ChartMarker(double X, string Label, ChartMarkerKind Kind)
{
    public string? ShortLabel { get; init; }

    public static ChartMarker At(DateTimeOffset at, string label, ChartMarkerKind kind, string? shortLabel = null) =>
        new(ChartTime.ToX(at), label, kind) { ShortLabel = shortLabel };
}

/// <summary>One bar: its category (x group), its series (the pattern and legend entry), value and optional error bar.</summary>
public sealed record ChartBar(string Category, string Series, double Value)
{
    public string? Title { get; init; }

    public double? Lower { get; init; }

    public double? Upper { get; init; }
}

/// <summary>A before/after pair for one category; either side may be missing (then only the other is drawn).</summary>
public sealed record ChartPair(string Category, double? Before, double? After)
{
    public string? Title { get; init; }
}
