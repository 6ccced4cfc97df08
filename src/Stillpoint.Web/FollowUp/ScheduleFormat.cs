using System.Globalization;
using Stillpoint.Core.FollowUp;

namespace Stillpoint.Web.FollowUp;

/// <summary>How schedule times and statuses read on pages (UTC, invariant).</summary>
internal static class ScheduleFormat
{
    public static string At(DateTimeOffset at) => at.UtcDateTime.ToString("ddd d MMM yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string Status(DueStatus status) => status switch
    {
        DueStatus.Upcoming => "upcoming",
        DueStatus.Due => "due",
        DueStatus.Overdue => "overdue",
        DueStatus.Missed => "missed",
        DueStatus.Completed => "completed",
        _ => status.ToString(),
    };
}
