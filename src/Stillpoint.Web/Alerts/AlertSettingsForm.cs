using System.Globalization;
using Stillpoint.Web.Boosters;

namespace Stillpoint.Web.Alerts;

/// <summary>Reads the settings page's form into the API's request; unreadable numbers become field errors.</summary>
internal static class AlertSettingsForm
{
    public static (AlertSettingsRequest Request, Dictionary<string, string[]> Errors) Read(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        int? Int(string field)
        {
            if (int.TryParse(form[field], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            errors[field] = ["Enter whole minutes."];
            return null;
        }

        decimal? Dec(string field, string value, bool optional)
        {
            if (optional && string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            if (decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }

            errors[field] = ["Enter a number, e.g. 10 or 12.5."];
            return null;
        }

        var thresholds = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var instrument in BoosterEvaluator.Instruments)
        {
            if (Dec($"boosterThresholds.{instrument}", form[$"threshold-{instrument}"].ToString(), optional: true) is { } threshold)
            {
                thresholds[instrument] = threshold;
            }
        }

        var request = new AlertSettingsRequest(
            Int("overdueThresholdMinutes"),
            Int("missedSessionGraceMinutes"),
            Int("escalateAfterMinutes"),
            Dec("boosterResponsePercent", form["boosterResponsePercent"].ToString(), optional: false),
            thresholds,
            int.TryParse(form["version"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var version) ? version : null);
        return (request, errors);
    }
}
