using System.Globalization;

namespace Stillpoint.Core.FollowUp;

/// <summary>Culture-invariant formatting for explanations.</summary>
internal static class FollowUpText
{
    public static string At(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Span(TimeSpan span) =>
        span.TotalMinutes < 120 ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0.#} min")
        : span.TotalHours < 48 ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0.#} h")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalDays:0.#} days");
}
