using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.Common;
using Stillpoint.Core.FollowUp;
using Stillpoint.Core.Plans;
using Stillpoint.Data;
using Stillpoint.Data.Assessment;
using Stillpoint.Data.Responses;
using Stillpoint.Data.Sessions;

namespace Stillpoint.Web.FollowUp;

/// <summary>A patient's schedule at one moment, with what it was computed from.</summary>
internal sealed record PatientSchedule(
    Guid PatientId, Guid ClinicId, TreatmentPlan? Plan, ResolvedTemplate? Template, IReadOnlyList<DueItemState> States, DateTimeOffset EvaluatedAt)
{
    public static PatientSchedule Empty(Guid patientId, Guid clinicId, DateTimeOffset now) => new(patientId, clinicId, null, null, [], now);

    /// <summary>Items whose window is open and unanswered: what the patient should do now.</summary>
    public IEnumerable<DueItemState> Open => States.Where(s => s.Status is DueStatus.Due or DueStatus.Overdue);
}

/// <summary>
/// Measurement schedules (issue 6 §1), computed on read from the plan, its sessions and the patient's completed
/// responses with the clinic's template; nothing generated is stored, so a moved or aborted session, a new answer or
/// an edited template shows at once and cannot drift. Items keep stable keys (Core <see cref="DueItemSource.Key"/>)
/// for reminders and alerts to refer to.
/// </summary>
internal sealed class ScheduleService(StillpointDbContext db, TimeProvider time)
{
    /// <summary>
    /// The patient's due items and their statuses now; empty when the patient is not visible to the caller or has no
    /// active (or recently completed) plan. Not audited: for system work (reminder and alert sweeps). Views use
    /// <see cref="GetAsync"/>, which audits the read.
    /// </summary>
    public async Task<IReadOnlyList<DueItemState>> EvaluateAsync(Guid patientId, CancellationToken ct) =>
        (await ComputeAsync(patientId, time.GetUtcNow(), ct))?.States ?? [];

    /// <summary>The schedule at <paramref name="now"/>; null when the patient is not visible to the caller.</summary>
    public async Task<PatientSchedule?> ComputeAsync(Guid patientId, DateTimeOffset now, CancellationToken ct)
    {
        var patient = await db.Patients.AsNoTracking().Where(p => p.Id == patientId).Select(p => new { p.Id, p.ClinicId }).FirstOrDefaultAsync(ct);
        if (patient is null)
        {
            return null;
        }

        var plan = await FollowedPlanAsync(patientId, now, ct);
        if (plan is null)
        {
            return PatientSchedule.Empty(patientId, patient.ClinicId, now);
        }

        var content = AssessmentJson.Read<PlanContent>(plan.ContentJson);
        var template = await TemplateScopes.ForPlanAsync(db, patient.ClinicId, content.Indications, ct);
        var revisions = db.Set<TreatmentPlanRevision>().Where(r => r.PlanId == plan.Id).Select(r => (Guid?)r.Id);
        var sessions = await db.Set<DosingSession>().AsNoTracking()
            .Where(s => s.PatientId == patientId && revisions.Contains(s.PlanRevisionId))
            .ToListAsync(ct);
        var responses = await CompletedResponsesAsync(patientId, ct);
        var startsAt = plan.ActivatedAt ?? plan.CreatedAt;
        var until = plan.Status == PlanStatus.Active ? now + ScheduleSources.Lookahead : (plan.EndedAt ?? now) + ScheduleSources.FollowUpAfterCourse;
        var followUpPlan = new FollowUpPlan(startsAt, until, content.Indications, [.. sessions.Select(s => ScheduleSources.ToDose(s, now))]);
        var items = ScheduleGenerator.Generate(template.Template, followUpPlan, responses);
        return new PatientSchedule(patientId, patient.ClinicId, plan, template, ScheduleStatus.Evaluate(items, responses, now), now);
    }

    /// <summary>The schedule as staff or the patient itself see it; the read is audited.</summary>
    public async Task<Outcome<ScheduleDto>> GetAsync(Guid patientId, CancellationToken ct)
    {
        var schedule = await ComputeAsync(patientId, time.GetUtcNow(), ct);
        if (schedule is null)
        {
            return Outcome<ScheduleDto>.NotFound($"No patient {patientId}.");
        }

        await db.AuditReadAsync("FollowUpSchedule", schedule.Plan?.Id.ToString(), patientId, schedule.ClinicId, ct);
        return Outcome<ScheduleDto>.Ok(ScheduleDto.From(schedule));
    }

    /// <summary>The active plan, else a plan completed within the follow-up period after the course.</summary>
    private async Task<TreatmentPlan?> FollowedPlanAsync(Guid patientId, DateTimeOffset now, CancellationToken ct)
    {
        var plans = await db.Set<TreatmentPlan>().AsNoTracking()
            .Where(p => p.PatientId == patientId && (p.Status == PlanStatus.Active || p.Status == PlanStatus.Completed))
            .ToListAsync(ct);
        return plans.Find(p => p.Status == PlanStatus.Active)
            ?? plans.Where(p => p.EndedAt is { } ended && now < ended + ScheduleSources.FollowUpAfterCourse).MaxBy(p => p.EndedAt);
    }

    /// <summary>Complete, current responses: drafts and responses replaced by a correction do not count.</summary>
    private async Task<List<MeasureResponse>> CompletedResponsesAsync(Guid patientId, CancellationToken ct)
    {
        var superseded = db.Set<InstrumentResponse>().Where(r => r.PatientId == patientId && r.SupersedesId != null).Select(r => r.SupersedesId);
        var rows = await db.Set<InstrumentResponse>().AsNoTracking()
            .Where(r => r.PatientId == patientId && r.Status == ResponseValues.Complete && r.IsComplete && !superseded.Contains(r.Id))
            .ToListAsync(ct);
        return [.. rows.Select(ScheduleSources.ToMeasure)];
    }
}
