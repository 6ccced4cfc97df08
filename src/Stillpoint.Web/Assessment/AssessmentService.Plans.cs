using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.Access;
using Stillpoint.Core.Common;
using Stillpoint.Core.Eligibility;
using Stillpoint.Core.Plans;
using Stillpoint.Data.Assessment;

namespace Stillpoint.Web.Assessment;

/// <summary>Treatment plans: create, revise (optimistic concurrency), status changes with guards, dose from the latest weight.</summary>
internal sealed partial class AssessmentService
{
    public async Task<Outcome<IReadOnlyList<PlanDto>>> ListPlansAsync(Guid patientId, CancellationToken ct)
    {
        if (await FindPatientAsync(patientId, ct) is not { } patient)
        {
            return Outcome<IReadOnlyList<PlanDto>>.NotFound($"No patient {patientId}.");
        }

        var plans = await db.Set<TreatmentPlan>().AsNoTracking().Where(p => p.PatientId == patientId).OrderByDescending(p => p.CreatedAt).ToListAsync(ct);
        var result = new List<PlanDto>(plans.Count);
        foreach (var plan in plans)
        {
            result.Add(await ToDtoAsync(plan, withRevisions: false, ct));
        }

        await db.AuditReadAsync(nameof(TreatmentPlan), null, patientId, patient.ClinicId, ct, $"list: {plans.Count}");
        return Outcome<IReadOnlyList<PlanDto>>.Ok(result);
    }

    public async Task<Outcome<PlanDto>> GetPlanAsync(Guid patientId, Guid planId, CancellationToken ct)
    {
        var plan = await db.Set<TreatmentPlan>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId && p.PatientId == patientId, ct);
        if (plan is null)
        {
            return Outcome<PlanDto>.NotFound($"No plan {planId} for this patient.");
        }

        var dto = await ToDtoAsync(plan, withRevisions: true, ct);
        await db.AuditReadAsync(nameof(TreatmentPlan), plan.Id.ToString(), patientId, plan.ClinicId, ct);
        return Outcome<PlanDto>.Ok(dto);
    }

    /// <summary>Creates a draft plan (revision 1). Activation is a separate, guarded step.</summary>
    public async Task<Outcome<PlanDto>> CreatePlanAsync(Guid patientId, PlanRequest request, CancellationToken ct)
    {
        if (Refuse(Roles.Prescriber) is { } refusal)
        {
            return Outcome<PlanDto>.Forbidden(refusal + " Only a prescriber writes treatment plans.");
        }

        if (await FindPatientAsync(patientId, ct) is null)
        {
            return Outcome<PlanDto>.NotFound($"No patient {patientId}.");
        }

        var errors = PlanValidator.Validate(Normalize(request.Content));
        CheckReason(errors, request.Reason, required: false);
        if (!errors.IsEmpty)
        {
            return Outcome<PlanDto>.Invalid(errors);
        }

        var now = db.Time.GetUtcNow();
        var content = AssessmentJson.Write(Normalize(request.Content)!);
        var plan = new TreatmentPlan { PatientId = patientId, Status = PlanStatus.Draft, RevisionNumber = 1, ContentJson = content, CreatedAt = now, UpdatedAt = now };
        db.Add(plan);
        db.Add(await NewRevisionAsync(plan, "created", string.IsNullOrWhiteSpace(request.Reason) ? "created" : request.Reason.Trim(), ct));
        await db.SaveChangesAsync(ct); // plan + revision 1 in one transaction
        return Outcome<PlanDto>.Ok(await ToDtoAsync(plan, withRevisions: true, ct));
    }

    /// <summary>Revises a draft or active plan. Needs the version the editor saw (stale → 409) and a reason.</summary>
    public async Task<Outcome<PlanDto>> RevisePlanAsync(Guid patientId, Guid planId, PlanRequest request, CancellationToken ct)
    {
        if (Refuse(Roles.Prescriber) is { } refusal)
        {
            return Outcome<PlanDto>.Forbidden(refusal + " Only a prescriber writes treatment plans.");
        }

        var plan = await db.Set<TreatmentPlan>().FirstOrDefaultAsync(p => p.Id == planId && p.PatientId == patientId, ct);
        if (plan is null)
        {
            return Outcome<PlanDto>.NotFound($"No plan {planId} for this patient.");
        }

        var errors = PlanValidator.Validate(Normalize(request.Content));
        CheckReason(errors, request.Reason, required: true);
        RequireVersion(errors, request.Version);
        if (!errors.IsEmpty)
        {
            return Outcome<PlanDto>.Invalid(errors);
        }

        if (plan.Version != request.Version)
        {
            return StalePlan(plan.Version);
        }

        if (!PlanStatusMachine.CanRevise(plan.Status))
        {
            return Outcome<PlanDto>.Conflict($"A {PlanStatusMachine.Name(plan.Status)} plan cannot be revised; create a new plan.");
        }

        plan.ContentJson = AssessmentJson.Write(Normalize(request.Content)!);
        return await SaveChangeAsync(plan, request.Version!.Value, "revised", request.Reason!.Trim(), ct);
    }

    /// <summary>Moves a plan along Draft → Active → Completed/Stopped; activation needs signed, current eligibility and consent.</summary>
    public async Task<Outcome<PlanDto>> TransitionPlanAsync(Guid patientId, Guid planId, PlanTransitionRequest request, CancellationToken ct)
    {
        if (Refuse(Roles.Prescriber) is { } refusal)
        {
            return Outcome<PlanDto>.Forbidden(refusal + " Only a prescriber changes a plan's status.");
        }

        var plan = await db.Set<TreatmentPlan>().FirstOrDefaultAsync(p => p.Id == planId && p.PatientId == patientId, ct);
        if (plan is null)
        {
            return Outcome<PlanDto>.NotFound($"No plan {planId} for this patient.");
        }

        var errors = new ValidationErrors();
        if (request.Status is not { } target || !Enum.IsDefined(target))
        {
            errors.Add("status", "Status must be active, completed or stopped.");
        }

        CheckReason(errors, request.Reason, required: request.Status is PlanStatus.Stopped or PlanStatus.Completed);
        RequireVersion(errors, request.Version);
        if (!errors.IsEmpty)
        {
            return Outcome<PlanDto>.Invalid(errors);
        }

        if (plan.Version != request.Version)
        {
            return StalePlan(plan.Version);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var facts = new PlanGuardFacts(
            await db.GateFactsAsync(patientId, ct),
            await db.Set<TreatmentPlan>().AnyAsync(p => p.PatientId == patientId && p.Status == PlanStatus.Active && p.Id != planId, ct));
        var problems = PlanStatusMachine.Check(plan.Status, request.Status!.Value, facts);
        if (problems.Count > 0)
        {
            return Outcome<PlanDto>.Conflict(string.Join(" ", problems));
        }

        var now = db.Time.GetUtcNow();
        plan.Status = request.Status.Value;
        if (plan.Status == PlanStatus.Active)
        {
            plan.ActivatedAt = now;
        }
        else
        {
            plan.EndedAt = now;
            plan.EndReason = request.Reason!.Trim();
        }

        var change = PlanStatusMachine.Name(plan.Status) switch
        {
            "active" => "activated",
            var ended => ended,
        };
        var saved = await SaveChangeAsync(plan, request.Version!.Value, change, string.IsNullOrWhiteSpace(request.Reason) ? change : request.Reason.Trim(), ct);
        if (saved.Succeeded)
        {
            await transaction.CommitAsync(ct);
        }

        return saved;
    }

    private async Task<Outcome<PlanDto>> SaveChangeAsync(TreatmentPlan plan, int version, string change, string reason, CancellationToken ct)
    {
        db.Entry(plan).Property(p => p.Version).OriginalValue = version;
        plan.RevisionNumber++;
        plan.UpdatedAt = db.Time.GetUtcNow();
        db.Add(await NewRevisionAsync(plan, change, reason, ct));
        try
        {
            await db.SaveChangesAsync(ct); // plan + its new revision together, or neither
        }
        catch (DbUpdateException)
        {
            // DbUpdateConcurrencyException (stale version) or a lost race for the revision number: nothing was written.
            return StalePlan(null);
        }

        return Outcome<PlanDto>.Ok(await ToDtoAsync(plan, withRevisions: true, ct));
    }

    private async Task<TreatmentPlanRevision> NewRevisionAsync(TreatmentPlan plan, string change, string reason, CancellationToken ct) => new()
    {
        PatientId = plan.PatientId,
        PlanId = plan.Id,
        Number = plan.RevisionNumber,
        Change = change,
        Status = plan.Status,
        ContentJson = plan.ContentJson,
        Reason = reason,
        ChangedBy = db.Caller.UserId,
        ChangedByName = await CallerNameAsync(ct),
        ChangedAt = db.Time.GetUtcNow(),
    };

    private async Task<PlanDto> ToDtoAsync(TreatmentPlan plan, bool withRevisions, CancellationToken ct)
    {
        var content = AssessmentJson.Read<PlanContent>(plan.ContentJson);
        var (kg, measuredOn) = await LatestWeightAsync(plan.PatientId, ct);
        var dose = DoseCalculator.Compute(content, kg);
        var revisions = withRevisions
            ? (await db.Set<TreatmentPlanRevision>().AsNoTracking().Where(r => r.PlanId == plan.Id).OrderByDescending(r => r.Number).ToListAsync(ct))
                .Select(r => new PlanRevisionDto(r.Id, r.Number, r.Change, r.Status, r.Reason, r.ChangedByName, r.ChangedAt, AssessmentJson.Read<PlanContent>(r.ContentJson)))
                .ToList()
            : [];
        return new PlanDto(
            plan.Id,
            plan.Status,
            plan.RevisionNumber,
            content,
            plan.Version,
            plan.CreatedAt,
            plan.ActivatedAt,
            plan.EndedAt,
            plan.EndReason,
            dose.Value,
            dose.Succeeded ? null : string.Join(" ", dose.Errors?.Messages ?? [dose.Message ?? "The dose cannot be computed."]),
            dose.Value?.WeightKg is null ? null : kg,
            dose.Value?.WeightKg is null ? null : measuredOn,
            revisions,
            await db.Set<TreatmentPlanRevision>().Where(r => r.PlanId == plan.Id && r.Number == plan.RevisionNumber).Select(r => r.Id).FirstAsync(ct));
    }

    /// <summary>The latest weight: the patient record's or the latest intake's, whichever was measured later.</summary>
    private async Task<(decimal? Kg, DateOnly? MeasuredOn)> LatestWeightAsync(Guid patientId, CancellationToken ct)
    {
        var patient = await db.Patients.AsNoTracking().Where(p => p.Id == patientId).Select(p => new { p.WeightKg, p.WeightMeasuredOn }).FirstOrDefaultAsync(ct);
        var intakeJson = await db.Set<IntakeRevision>().AsNoTracking().Where(r => r.PatientId == patientId).OrderByDescending(r => r.Number).Select(r => r.AnswersJson).FirstOrDefaultAsync(ct);
        var vitals = intakeJson is null ? null : AssessmentJson.Read<IntakeAnswers>(intakeJson).Vitals;
        if (vitals?.WeightKg is { } intakeKg && (patient?.WeightKg is null || vitals.MeasuredOn > patient.WeightMeasuredOn))
        {
            return (intakeKg, vitals.MeasuredOn);
        }

        return (patient?.WeightKg, patient?.WeightMeasuredOn);
    }

    private static PlanContent? Normalize(PlanContent? content) => content is null ? null : content with
    {
        Indications = content.Indications ?? [],
        Measures = content.Measures is null ? [] : [.. content.Measures.Select(m => m?.Trim() ?? string.Empty)],
        Frequency = content.Frequency?.Trim(),
        Intention = string.IsNullOrWhiteSpace(content.Intention) ? null : content.Intention.Trim(),
    };

    private static void CheckReason(ValidationErrors errors, string? reason, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(reason))
        {
            errors.Add("reason", "Say why (it is kept with the revision).");
        }
        else if (reason is { Length: > MaxReasonLength })
        {
            errors.Add("reason", $"At most {MaxReasonLength} characters.");
        }
    }

    private static void RequireVersion(ValidationErrors errors, int? version)
    {
        if (version is null)
        {
            errors.Add("version", "Send the version you edited, so a concurrent change is not overwritten.");
        }
    }

    private static Outcome<PlanDto> StalePlan(int? current) => Outcome<PlanDto>.Conflict(current is null
        ? "Someone else changed this plan while you were editing. Reload and apply your change again."
        : $"Someone else changed this plan while you were editing (now version {current}). Reload and apply your change again.");
}
