namespace Stillpoint.Web.Charts;

/// <summary>
/// The palette: dark strokes that read on white paper and in greyscale, each paired with its own dash and point shape
/// so that no series is told apart by colour alone. Band tones run from light to dark and stay light enough under text.
/// </summary>
internal static class ChartStyle
{
    public const string Axis = "#333";
    public const string Grid = "#d9d9d9";
    public const string Text = "#1a1a1a";
    public const double FontSize = 11;
    public const double CharWidth = 6.2; // average glyph width at FontSize, for layout estimates

    private static readonly string[] Colours = ["#1f4e8c", "#b2182b", "#1b7837", "#5e3c99", "#8c510a", "#252525"];
    private static readonly string[] Dashes = ["", "6 3", "2 3", "9 3 2 3", "4 4", "1 2"];
    private static readonly PointShape[] Shapes = [PointShape.Circle, PointShape.Square, PointShape.Triangle, PointShape.Diamond, PointShape.Cross, PointShape.Circle];
    private static readonly string[] BandTones = ["#edf5ec", "#f7f1d9", "#f9e3cc", "#f6d2c2", "#efc0bd"];

    public static string Colour(int index) => Colours[index % Colours.Length];

    public static string Dash(int index) => Dashes[index % Dashes.Length];

    public static PointShape Shape(int index) => Shapes[index % Shapes.Length];

    public static string BandFill(int tone) => BandTones[Math.Clamp(tone, 0, BandTones.Length - 1)];

    /// <summary>Bar fills by series: solid, diagonal hatch, dots, cross-hatch, light solid (defined once per chart).</summary>
    public const int BarPatterns = 5;

    public static double TextWidth(string text) => text.Length * CharWidth;
}
