using System.Globalization;

namespace Stillpoint.Web.Alerts;

/// <summary>How alerts read on screen.</summary>
internal static class AlertText
{
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Kind(string kind) => kind switch
    {
        "SuicideRisk" => "suicide risk",
        "ReliableDeterioration" => "reliable deterioration",
        "OverdueMeasure" => "overdue questionnaire",
        "MissedSession" => "missed session",
        _ => kind,
    };
}
