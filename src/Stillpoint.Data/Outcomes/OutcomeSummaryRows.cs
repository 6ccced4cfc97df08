using Stillpoint.Core.Instruments;
using Stillpoint.Core.Outcomes;

namespace Stillpoint.Data.Outcomes;

/// <summary>A valid measure as read for summarising: whose, which instrument, when and what total.</summary>
internal sealed record PatientMeasure(Guid PatientId, string InstrumentId, DateTimeOffset At, decimal Total);

/// <summary>Turns a patient's measures into summary rows (one per instrument) through <see cref="OutcomeSummaries"/>.</summary>
internal static class OutcomeSummaryRows
{
    public static IEnumerable<OutcomeSummaryRow> For(Guid clinicId, IEnumerable<PatientMeasure> measures, InstrumentLibrary library) =>
        measures
            .GroupBy(m => (m.PatientId, m.InstrumentId))
            .Select(g => Row(clinicId, g.Key.PatientId, Summarize(g.Key.InstrumentId, g.Select(m => new TimedTotal(m.At, m.Total)), library)));

    public static OutcomeSummary Summarize(string instrumentId, IEnumerable<TimedTotal> measures, InstrumentLibrary library) =>
        OutcomeSummaries.Summarize(instrumentId, library.TryGet(instrumentId, out var definition) ? definition : null, measures)
        ?? throw new InvalidOperationException("A summary needs at least one measure.");

    public static OutcomeSummaryRow Row(Guid clinicId, Guid patientId, OutcomeSummary summary)
    {
        var course = summary.Course;
        return new OutcomeSummaryRow
        {
            ClinicId = clinicId,
            PatientId = patientId,
            InstrumentId = summary.InstrumentId,
            Measures = summary.Measures,
            FirstAt = summary.First.At,
            FirstTotal = summary.First.Total,
            LatestAt = summary.Latest.At,
            LatestTotal = summary.Latest.Total,
            BaselineDate = course?.Baseline?.Date,
            BaselineTotal = course?.Baseline?.Total,
            ResponseDate = course?.ResponseDate,
            RemissionDate = course?.RemissionDate,
            RelapseDate = course?.RelapseDate,
            DurabilityEnd = course?.Durability?.End,
        };
    }
}
