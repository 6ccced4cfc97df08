using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.Eligibility;
using Stillpoint.Core.Plans;
using Route = Stillpoint.Core.Plans.Route;
using Stillpoint.Data;
using Stillpoint.Data.Assessment;

namespace Stillpoint.Web.Dashboard;

/// <summary>
/// A patient as the outcome figures group them, from their latest non-draft treatment plan: the first listed
/// indication, the route, the number of induction sessions (the plan's session count), the clinician who wrote the
/// plan, and the day treatment started (plan activation).
/// </summary>
public sealed record CohortPatient(Guid PatientId, Indication? Indication, Route Route, int InductionSessions, Guid? ClinicianId, PlanStatus Status, DateOnly Start);

/// <summary>The caller's clinic's patients with a treatment plan, keyed by patient; about one small row per patient.</summary>
internal static class OutcomeCohort
{
    /// <summary>The clinic is named explicitly (the caller's own): see <see cref="Data.Outcomes.OutcomeSummaryReads"/> on the caller filter.</summary>
    public static async Task<Dictionary<Guid, CohortPatient>> LoadAsync(StillpointDbContext db, Guid clinicId, CancellationToken ct)
    {
        var plans = await db.Set<TreatmentPlan>().IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.ClinicId == clinicId && p.Status != PlanStatus.Draft)
            .Select(p => new
            {
                p.PatientId,
                p.Status,
                p.ContentJson,
                Started = p.ActivatedAt ?? p.CreatedAt,
                Clinician = db.Set<TreatmentPlanRevision>().IgnoreQueryFilters().Where(r => r.ClinicId == clinicId && r.PlanId == p.Id && r.Number == 1).Select(r => r.ChangedBy).FirstOrDefault(),
            })
            .ToListAsync(ct);

        var cohort = new Dictionary<Guid, CohortPatient>(plans.Count);
        foreach (var plan in plans.OrderBy(p => p.Started))
        {
            var content = AssessmentJson.Read<PlanContent>(plan.ContentJson);
            cohort[plan.PatientId] = new CohortPatient(
                plan.PatientId, content.Indications.Count > 0 ? content.Indications[0] : null, content.Route, content.SessionCount,
                plan.Clinician, plan.Status, DateOnly.FromDateTime(plan.Started.UtcDateTime)); // the latest plan wins
        }

        return cohort;
    }

    /// <summary>The plan filters (indication, route, clinician), without the date range.</summary>
    public static bool MatchesPlan(this CohortPatient patient, OutcomeFilter filter) =>
        (filter.Indication is null || patient.Indication == filter.Indication)
        && (filter.Route is null || patient.Route == filter.Route)
        && (filter.ClinicianId is null || patient.ClinicianId == filter.ClinicianId);

    /// <summary>In the outcome cohort: the plan filters, and treatment started in the date range.</summary>
    public static bool InOutcomeCohort(this CohortPatient patient, OutcomeFilter filter) =>
        patient.MatchesPlan(filter) && (filter.From is null || patient.Start >= filter.From) && patient.Start <= filter.To;
}
