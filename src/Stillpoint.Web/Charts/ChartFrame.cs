namespace Stillpoint.Web.Charts;

/// <summary>The plot area and the scales of one chart, worked out once from its data before anything is drawn.</summary>
internal sealed record ChartFrame(
    double Left,
    double Right,
    double Top,
    double Bottom,
    LinearScale X,
    LinearScale Y,
    IReadOnlyList<double> XTicks,
    IReadOnlyList<double> YTicks,
    IReadOnlyList<string> Categories)
{
    private const double MarginLeft = 58;
    private const double MarginRight = 14;
    private const double MarginBottom = 42;
    private const double LegendTop = 6;
    private const double LegendRowHeight = 16;
    private const double MarkerLabelSpace = 14;

    /// <summary>Width of one category slot (category axes only).</summary>
    public double Slot => Categories.Count == 0 ? Right - Left : (Right - Left) / Categories.Count;

    public double CategoryCentre(int index) => Left + ((index + 0.5) * Slot);

    public static ChartFrame Build(ChartModel model, int legendRows)
    {
        var top = LegendTop + (legendRows * LegendRowHeight) + (model.Markers.Any(m => m.ShortLabel is not null) ? MarkerLabelSpace : 6);
        var (left, right, bottom) = (MarginLeft, model.Width - MarginRight, model.Height - MarginBottom);
        var (yMin, yMax, yTicks) = ChartTicks.Linear(Lowest(YValues(model)), Highest(YValues(model)), model.Y.Min, model.Y.Max);
        var y = new LinearScale(yMin, yMax, bottom, top);
        if (model.X.Kind == ChartXKind.Category)
        {
            var categories = model.Bars.Select(b => b.Category).Concat(model.Pairs.Select(p => p.Category)).Distinct(StringComparer.Ordinal).ToList();
            return new ChartFrame(left, right, top, bottom, new LinearScale(0, Math.Max(1, categories.Count), left, right), y, [], yTicks, categories);
        }

        var xs = XValues(model).ToList();
        var (xMin, xMax, xTicks) = model.X.Kind == ChartXKind.Time
            ? ChartTicks.Time(Lowest(xs), Highest(xs), model.X.Min, model.X.Max)
            : ChartTicks.Linear(Lowest(xs), Highest(xs), model.X.Min, model.X.Max);
        return new ChartFrame(left, right, top, bottom, new LinearScale(xMin, xMax, left, right), y, xTicks, yTicks, []);
    }

    public static double LegendRowY(int row) => LegendTop + (row * LegendRowHeight) + 10;

    private static IEnumerable<double> XValues(ChartModel model) =>
        model.Series.SelectMany(s => s.Points.Select(p => p.X).Concat(s.Confidence.Select(c => c.X)))
            .Concat(model.Markers.Select(m => m.X));

    // Bands are left out on purpose: they are clipped to the axis and never widen it.
    private static IEnumerable<double> YValues(ChartModel model) =>
        model.Series.SelectMany(s => s.Points.Select(p => p.Y).Concat(s.Confidence.SelectMany(c => (double[])[c.Lower, c.Upper])))
            .Concat(model.Bars.SelectMany(b => (double[])[0, b.Value, b.Lower ?? b.Value, b.Upper ?? b.Value]))
            .Concat(model.Pairs.SelectMany(p => new[] { p.Before, p.After }.OfType<double>()));

    private static double? Lowest(IEnumerable<double> values) => values.Where(double.IsFinite).Select(v => (double?)v).Min();

    private static double? Highest(IEnumerable<double> values) => values.Where(double.IsFinite).Select(v => (double?)v).Max();
}
