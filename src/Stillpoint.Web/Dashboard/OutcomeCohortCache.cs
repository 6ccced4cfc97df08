using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Stillpoint.Data;
using Stillpoint.Data.Assessment;

namespace Stillpoint.Web.Dashboard;

/// <summary>
/// Each clinic's outcome cohort (one parsed plan per patient), kept between requests and reloaded when the clinic's
/// plans change: every plan write adds a plan or bumps its version, so their count and version sum, one indexed
/// aggregate, tell whether the cached cohort is still the one <see cref="OutcomeCohort.LoadAsync"/> would give.
/// Callers must not change the dictionary they get: it is shared.
/// </summary>
internal sealed class OutcomeCohortCache
{
    private readonly ConcurrentDictionary<Guid, (PlanStamp Stamp, Dictionary<Guid, CohortPatient> Cohort)> _byClinic = new();

    public async Task<Dictionary<Guid, CohortPatient>> GetAsync(StillpointDbContext db, Guid clinicId, CancellationToken ct)
    {
        // Stamp first: a plan written during the load leaves an older stamp, so the next request reloads.
        var stamp = await StampAsync(db, clinicId, ct);
        if (_byClinic.TryGetValue(clinicId, out var cached) && cached.Stamp == stamp)
        {
            return cached.Cohort;
        }

        var cohort = await OutcomeCohort.LoadAsync(db, clinicId, ct);
        _byClinic[clinicId] = (stamp, cohort);
        return cohort;
    }

    private static async Task<PlanStamp> StampAsync(StillpointDbContext db, Guid clinicId, CancellationToken ct) =>
        await db.Set<TreatmentPlan>().IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.ClinicId == clinicId)
            .GroupBy(p => p.ClinicId)
            .Select(g => new PlanStamp(g.Count(), g.Sum(p => (long)p.Version)))
            .FirstOrDefaultAsync(ct) ?? new PlanStamp(0, 0);

    private sealed record PlanStamp(int Plans, long Versions);
}
