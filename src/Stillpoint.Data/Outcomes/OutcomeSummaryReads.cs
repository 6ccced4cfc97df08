using Microsoft.EntityFrameworkCore;

namespace Stillpoint.Data.Outcomes;

/// <summary>One patient's course on one instrument as the summary row keeps it.</summary>
public sealed record SummaryCourse(
    Guid PatientId, int Measures, DateOnly? BaselineDate, decimal? BaselineTotal, DateOnly? ResponseDate, DateOnly? RemissionDate, DateOnly? RelapseDate, DateOnly? DurabilityEnd);

/// <summary>A patient's first and latest total on one instrument, for patients measured at least twice.</summary>
public sealed record SummaryEnds(string InstrumentId, Guid PatientId, decimal First, decimal Latest);

/// <summary>
/// The clinic views' reads over <see cref="OutcomeSummaryRow"/>. The clinic is named explicitly and the caller filter
/// left out: its "system caller or this clinic" disjunction kept SQLite from using the clinic-first indexes. Callers
/// pass their own clinic, so the rows are the ones the filter would give.
/// </summary>
public sealed class OutcomeSummaryReads(StillpointDbContext db)
{
    private IQueryable<OutcomeSummaryRow> Clinic(Guid clinicId) =>
        db.Set<OutcomeSummaryRow>().IgnoreQueryFilters().AsNoTracking().Where(s => s.ClinicId == clinicId);

    /// <summary>When the clinic's latest summarised measure was answered; null when there is none.</summary>
    public async Task<DateTimeOffset?> LatestMeasureAsync(Guid clinicId, CancellationToken ct) =>
        await Clinic(clinicId).OrderByDescending(s => s.LatestAt).Select(s => (DateTimeOffset?)s.LatestAt).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<SummaryCourse>> CoursesAsync(Guid clinicId, string instrumentId, CancellationToken ct) =>
        await Clinic(clinicId).Where(s => s.InstrumentId == instrumentId)
            .Select(s => new SummaryCourse(s.PatientId, s.Measures, s.BaselineDate, s.BaselineTotal, s.ResponseDate, s.RemissionDate, s.RelapseDate, s.DurabilityEnd))
            .ToListAsync(ct);

    public async Task<IReadOnlyList<SummaryEnds>> EndsAsync(Guid clinicId, CancellationToken ct) =>
        await Clinic(clinicId).Where(s => s.Measures > 1)
            .Select(s => new SummaryEnds(s.InstrumentId, s.PatientId, s.FirstTotal, s.LatestTotal))
            .ToListAsync(ct);
}
