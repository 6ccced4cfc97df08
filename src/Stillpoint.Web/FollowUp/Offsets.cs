using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Stillpoint.Web.FollowUp;

/// <summary>
/// Window offsets as people write them: "-2h", "40m", "7d", "1d12h", "0". Used by the template API and its page, so
/// both accept and show the same text.
/// </summary>
internal static partial class Offsets
{
    /// <summary>No window reaches further than a year from its anchor.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromDays(365);

    public const string Hint = "an offset like -2h, 40m, 7d or 1d12h (0 = at the anchor)";

    public static string Format(TimeSpan offset)
    {
        if (offset == TimeSpan.Zero)
        {
            return "0";
        }

        var text = new StringBuilder(offset < TimeSpan.Zero ? "-" : "");
        var abs = offset.Duration();
        Append(text, abs.Days, 'd');
        Append(text, abs.Hours, 'h');
        Append(text, abs.Minutes, 'm');
        return text.ToString();
    }

    public static bool TryParse(string? text, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        var trimmed = text?.Trim().Replace(" ", "", StringComparison.Ordinal) ?? "";
        if (trimmed is "0" or "+0" or "-0")
        {
            return true;
        }

        var match = Pattern().Match(trimmed);
        if (!match.Success || trimmed.TrimStart('+', '-').Length == 0)
        {
            return false;
        }

        var days = Number(match.Groups["d"]);
        var hours = Number(match.Groups["h"]);
        var minutes = Number(match.Groups["m"]);
        if (days > Limit.TotalDays || hours > 24 * Limit.TotalDays || minutes > 1440 * Limit.TotalDays)
        {
            return false;
        }

        offset = TimeSpan.FromDays(days) + TimeSpan.FromHours(hours) + TimeSpan.FromMinutes(minutes);
        if (match.Groups["sign"].Value == "-")
        {
            offset = -offset;
        }

        return offset.Duration() <= Limit;
    }

    private static void Append(StringBuilder text, int value, char unit)
    {
        if (value != 0)
        {
            text.Append(value.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
    }

    private static int Number(Group group) =>
        group.Success && int.TryParse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : group.Success ? int.MaxValue : 0;

    [GeneratedRegex(@"^(?<sign>[+-])?(?:(?<d>\d{1,6})d)?(?:(?<h>\d{1,6})h)?(?:(?<m>\d{1,7})m)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex Pattern();
}
