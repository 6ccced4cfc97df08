using Stillpoint.Core.Instruments.Definitions;

namespace Stillpoint.Core.Outcomes;

/// <summary>One valid stored measure: when it was answered (UTC) and its total.</summary>
public sealed record TimedTotal(DateTimeOffset At, decimal Total);

/// <summary>
/// A patient's outcome on one instrument, condensed so the clinic views read one row per patient instead of every
/// response: how many measures, the first and the latest (ordered by whole second answered, then total, as the
/// grouped dashboard read orders them), and the course (null when the instrument is not in the library).
/// </summary>
public sealed record OutcomeSummary(string InstrumentId, int Measures, TimedTotal First, TimedTotal Latest, OutcomeCourse? Course);

/// <summary>
/// Builds <see cref="OutcomeSummary"/> from a patient's measures on one instrument. The course comes from
/// <see cref="OutcomeCourses.Evaluate"/> over the same UTC-day series the streamed read builds, so the rules for
/// response, remission and relapse live in one place only.
/// </summary>
public static class OutcomeSummaries
{
    /// <returns>Null when there is no measure.</returns>
    public static OutcomeSummary? Summarize(string instrumentId, InstrumentDefinition? definition, IEnumerable<TimedTotal> measures)
    {
        ArgumentException.ThrowIfNullOrEmpty(instrumentId);
        ArgumentNullException.ThrowIfNull(measures);
        var ordered = measures.OrderBy(m => m.At).ThenBy(m => m.Total).ToList();
        if (ordered.Count == 0)
        {
            return null;
        }

        var course = definition is null ? null : OutcomeCourses.Evaluate(definition, ordered.Select(m => new DatedTotal(DateOnly.FromDateTime(m.At.UtcDateTime), m.Total)));
        return new OutcomeSummary(instrumentId, ordered.Count, ordered.MinBy(EndOrder)!, ordered.MaxBy(EndOrder)!, course);
    }

    // Whole seconds, then the total: sub-second order and same-second ties resolve the way the grouped read's packed MIN/MAX does.
    private static (long Second, decimal Total) EndOrder(TimedTotal measure) => (measure.At.UtcTicks / TimeSpan.TicksPerSecond, measure.Total);
}
