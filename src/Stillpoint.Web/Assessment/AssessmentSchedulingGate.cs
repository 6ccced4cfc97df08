using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.Plans;
using Stillpoint.Data;
using Stillpoint.Data.Assessment;
using Stillpoint.Web.Sessions;

namespace Stillpoint.Web.Assessment;

/// <summary>
/// Issue 4's dosing gate behind the sessions feature's <see cref="ISchedulingGate"/> seam: eligibility signed and
/// current, consent signed and not withdrawn, plan active — and, when a plan revision is named, that it is the
/// active plan's current content (so the dose is computed from the plan in force). Null = allowed.
/// To use it, register <c>services.AddScoped&lt;ISchedulingGate, AssessmentSchedulingGate&gt;()</c> in place of
/// the pending gate.
/// </summary>
internal sealed class AssessmentSchedulingGate(StillpointDbContext db) : ISchedulingGate
{
    public async Task<string?> CheckAsync(Guid patientId, Guid? planRevisionId, CancellationToken ct)
    {
        var gate = await db.CheckDosingGateAsync(patientId, ct);
        if (!gate.Allowed)
        {
            return "Cannot schedule dosing: " + string.Join(" ", gate.Missing.Select(m => m.Message));
        }

        if (planRevisionId is not { } revisionId)
        {
            return null;
        }

        var revision = await db.Set<TreatmentPlanRevision>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == revisionId && r.PatientId == patientId, ct);
        var plan = revision is null ? null : await db.Set<TreatmentPlan>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == revision.PlanId, ct);
        if (plan is not { Status: PlanStatus.Active })
        {
            return "The plan revision named is not part of this patient's active plan.";
        }

        // A status-only revision (e.g. "activated") keeps the content; only a content change makes the named one stale.
        return string.Equals(plan.ContentJson, revision!.ContentJson, StringComparison.Ordinal)
            ? null
            : $"The plan was revised since revision {revision.Number} (now {plan.RevisionNumber}): compute the dose from the current revision.";
    }
}
