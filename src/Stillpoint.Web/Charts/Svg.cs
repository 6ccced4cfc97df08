using System.Globalization;
using System.Xml.Linq;

namespace Stillpoint.Web.Charts;

/// <summary>Small builders for SVG elements: the namespace once, and every number written in the invariant culture.</summary>
internal static class Svg
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    public static XElement El(string name, params object?[] content) => new(Ns + name, content);

    public static XAttribute Attr(string name, string value) => new(name, value);

    public static XAttribute Attr(string name, double value) => new(name, Num(value));

    /// <summary>Coordinates to two decimals at most: enough for print, stable across machines.</summary>
    public static string Num(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    public static string Point(double x, double y) => $"{Num(x)},{Num(y)}";

    public static XElement Title(string text) => El("title", text);

    public static XElement Text(double x, double y, string text, string anchor = "middle", params object?[] extra) =>
        El("text", Attr("x", x), Attr("y", y), Attr("text-anchor", anchor), Attr("fill", ChartStyle.Text), extra, text);
}
