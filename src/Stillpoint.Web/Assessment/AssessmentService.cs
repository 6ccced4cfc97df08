using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.Access;
using Stillpoint.Core.Common;
using Stillpoint.Core.Eligibility;
using Stillpoint.Core.Plans;
using Stillpoint.Data;
using Stillpoint.Data.Assessment;
using Stillpoint.Data.Entities;

namespace Stillpoint.Web.Assessment;

/// <summary>
/// Initial assessment use cases (issue 4) shared by the API and the pages: intake, eligibility and its sign-off,
/// consent, treatment plans and the dosing gate. Every read of a patient's data is audited.
/// </summary>
internal sealed partial class AssessmentService(StillpointDbContext db)
{
    public const int MaxReasonLength = 500;

    public async Task<Outcome<IntakeView>> GetIntakeAsync(Guid patientId, CancellationToken ct)
    {
        if (await FindPatientAsync(patientId, ct) is not { } patient)
        {
            return Outcome<IntakeView>.NotFound($"No patient {patientId}.");
        }

        var revisions = await db.Set<IntakeRevision>().AsNoTracking().Where(r => r.PatientId == patientId).OrderByDescending(r => r.Number).ToListAsync(ct);
        await db.AuditReadAsync(nameof(IntakeRevision), revisions.FirstOrDefault()?.Id.ToString(), patientId, patient.ClinicId, ct);
        return Outcome<IntakeView>.Ok(new IntakeView(
            revisions.Count == 0 ? null : ToDto(revisions[0]),
            [.. revisions.Select(r => new IntakeRevisionSummary(r.Id, r.Number, r.Reason, r.RecordedByName, r.RecordedAt))]));
    }

    /// <summary>Adds the next intake revision. Starting from a revision that is no longer the latest answers 409.</summary>
    public async Task<Outcome<IntakeRevisionDto>> SaveIntakeAsync(Guid patientId, IntakeRequest request, CancellationToken ct)
    {
        if (Refuse(Roles.ClinicAdmin, Roles.Prescriber, Roles.Nurse) is { } refusal)
        {
            return Outcome<IntakeRevisionDto>.Forbidden(refusal + " Only clinical editors record the intake.");
        }

        if (await FindPatientAsync(patientId, ct) is null)
        {
            return Outcome<IntakeRevisionDto>.NotFound($"No patient {patientId}.");
        }

        var errors = IntakeValidator.Validate(request.Answers, Today());
        if (request.Reason is { Length: > MaxReasonLength })
        {
            errors.Add("reason", $"At most {MaxReasonLength} characters.");
        }

        if (request.BasedOnRevision is < 0)
        {
            errors.Add("basedOnRevision", "A revision number is 1 or more (or absent for the first intake).");
        }

        if (!errors.IsEmpty)
        {
            return Outcome<IntakeRevisionDto>.Invalid(errors);
        }

        var latest = await db.Set<IntakeRevision>().Where(r => r.PatientId == patientId).MaxAsync(r => (int?)r.Number, ct) ?? 0;
        if ((request.BasedOnRevision ?? 0) != latest)
        {
            return Outcome<IntakeRevisionDto>.Conflict($"The intake changed while you were editing (now revision {latest}). Reload and apply your change again.");
        }

        var revision = new IntakeRevision
        {
            PatientId = patientId,
            Number = latest + 1,
            AnswersJson = AssessmentJson.Write(IntakeValidator.Normalize(request.Answers!)),
            Reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim(),
            RecordedBy = db.Caller.UserId,
            RecordedByName = await CallerNameAsync(ct),
            RecordedAt = db.Time.GetUtcNow(),
        };
        db.Add(revision);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another editor saved the same revision number first: the unique index refused ours, nothing was written.
            return Outcome<IntakeRevisionDto>.Conflict("Someone else saved the intake at the same moment. Reload and apply your change again.");
        }

        return Outcome<IntakeRevisionDto>.Ok(ToDto(revision));
    }

    public async Task<Outcome<EligibilityView>> GetEligibilityAsync(Guid patientId, CancellationToken ct)
    {
        if (await FindPatientAsync(patientId, ct) is not { } patient)
        {
            return Outcome<EligibilityView>.NotFound($"No patient {patientId}.");
        }

        var view = await EligibilityViewAsync(patientId, ct);
        await db.AuditReadAsync(nameof(EligibilitySignOff), view.LatestSignOff?.Id.ToString(), patientId, patient.ClinicId, ct);
        return Outcome<EligibilityView>.Ok(view);
    }

    /// <summary>
    /// A prescriber signs the decision for one exact intake revision. "eligible" needs the rules to allow it
    /// (no exclusion, nothing missing) and a written justification for every caution; "notEligible" is always allowed.
    /// </summary>
    public async Task<Outcome<SignOffDto>> SignEligibilityAsync(Guid patientId, SignOffRequest request, CancellationToken ct)
    {
        if (Refuse(Roles.Prescriber) is { } refusal)
        {
            return Outcome<SignOffDto>.Forbidden(refusal + " Only a prescriber can sign eligibility.");
        }

        if (await FindPatientAsync(patientId, ct) is null)
        {
            return Outcome<SignOffDto>.NotFound($"No patient {patientId}.");
        }

        var errors = new ValidationErrors();
        var eligible = request.Decision switch
        {
            "eligible" => true,
            "notEligible" => false,
            _ => (bool?)null,
        };
        if (eligible is null)
        {
            errors.Add("decision", "Decision must be \"eligible\" or \"notEligible\".");
        }

        if (request.IntakeRevisionId is null)
        {
            errors.Add("intakeRevisionId", "Name the intake revision you reviewed.");
        }

        if (request.Note is { Length: > 2000 })
        {
            errors.Add("note", "At most 2000 characters.");
        }

        if (!errors.IsEmpty)
        {
            return Outcome<SignOffDto>.Invalid(errors);
        }

        var latest = await db.Set<IntakeRevision>().AsNoTracking().Where(r => r.PatientId == patientId).OrderByDescending(r => r.Number).FirstOrDefaultAsync(ct);
        if (latest is null)
        {
            return Outcome<SignOffDto>.Invalid("intakeRevisionId", "There is no intake to sign: record the intake first.");
        }

        if (latest.Id != request.IntakeRevisionId)
        {
            return Outcome<SignOffDto>.Conflict($"The intake changed since you reviewed it (now revision {latest.Number}). Review the latest revision and sign again.");
        }

        var (ruleSet, label, _) = await db.CurrentRuleSetAsync(ct);
        var stored = await db.LatestBaselineAsync(patientId, ct);
        var evaluation = EligibilityEvaluator.Evaluate(ruleSet, BaselineResponses.WithStoredBaseline(AssessmentJson.Read<IntakeAnswers>(latest.AnswersJson), stored.Scores));
        var justifications = CheckJustifications(eligible!.Value, evaluation, request.Justifications, errors);
        if (!errors.IsEmpty)
        {
            return Outcome<SignOffDto>.Invalid(errors);
        }

        var signOff = new EligibilitySignOff
        {
            PatientId = patientId,
            IntakeRevisionId = latest.Id,
            IntakeRevisionNumber = latest.Number,
            RuleSetVersion = label,
            ComputedStatus = evaluation.Status.ToString(),
            Eligible = eligible.Value,
            EvaluationJson = AssessmentJson.Write(evaluation),
            JustificationsJson = AssessmentJson.Write(justifications),
            Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
            SignedBy = db.Caller.UserId ?? Guid.Empty,
            SignedByName = await CallerNameAsync(ct),
            SignedAt = db.Time.GetUtcNow(),
        };
        db.Add(signOff);
        await db.SaveChangesAsync(ct);
        return Outcome<SignOffDto>.Ok(ToDto(signOff, current: true));
    }

    /// <summary>The dosing gate for one patient, with every missing prerequisite named.</summary>
    public async Task<Outcome<GateResult>> ScheduleCheckAsync(Guid patientId, CancellationToken ct)
    {
        if (await FindPatientAsync(patientId, ct) is not { } patient)
        {
            return Outcome<GateResult>.NotFound($"No patient {patientId}.");
        }

        var result = await db.CheckDosingGateAsync(patientId, ct);
        await db.AuditReadAsync("DosingGate", null, patientId, patient.ClinicId, ct, result.Allowed ? "allowed" : "refused: " + string.Join(',', result.Missing.Select(m => m.Code)));
        return Outcome<GateResult>.Ok(result);
    }

    /// <summary>The patient page's summary: intake, eligibility, consent, active plan and the gate.</summary>
    public async Task<Outcome<AssessmentSummary>> GetSummaryAsync(Guid patientId, CancellationToken ct)
    {
        if (await FindPatientAsync(patientId, ct) is not { } patient)
        {
            return Outcome<AssessmentSummary>.NotFound($"No patient {patientId}.");
        }

        var intake = await db.Set<IntakeRevision>().AsNoTracking().Where(r => r.PatientId == patientId).OrderByDescending(r => r.Number).FirstOrDefaultAsync(ct);
        var eligibility = await EligibilityViewAsync(patientId, ct);
        var consent = await ConsentViewAsync(patientId, ct);
        var active = await db.Set<TreatmentPlan>().AsNoTracking().FirstOrDefaultAsync(p => p.PatientId == patientId && p.Status == PlanStatus.Active, ct);
        var plan = active is null ? null : await ToDtoAsync(active, withRevisions: false, ct);
        var gate = await db.CheckDosingGateAsync(patientId, ct);
        await db.AuditReadAsync("AssessmentSummary", null, patientId, patient.ClinicId, ct);
        return Outcome<AssessmentSummary>.Ok(new AssessmentSummary(intake is null ? null : ToDto(intake), eligibility, consent, plan, gate));
    }

    private static Dictionary<string, string> CheckJustifications(bool eligible, EligibilityEvaluation evaluation, IReadOnlyDictionary<string, string>? given, ValidationErrors errors)
    {
        var justifications = new Dictionary<string, string>(StringComparer.Ordinal);
        var cautions = evaluation.Cautions.Select(c => c.RuleId).ToHashSet(StringComparer.Ordinal);
        foreach (var (ruleId, text) in given ?? new Dictionary<string, string>(StringComparer.Ordinal))
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (!cautions.Contains(ruleId))
            {
                errors.Add($"justifications.{ruleId}", $"'{ruleId}' is not a caution that fired for this intake.");
            }
            else if (text.Length > 2000)
            {
                errors.Add($"justifications.{ruleId}", "At most 2000 characters.");
            }
            else
            {
                justifications[ruleId] = text.Trim();
            }
        }

        if (!eligible)
        {
            return justifications;
        }

        switch (evaluation.Status)
        {
            case EligibilityStatus.NotEligible:
                errors.Add("decision", "The rules exclude this patient: " + string.Join("; ", evaluation.Findings.Where(f => f.Outcome == RuleOutcome.Exclude).Select(f => $"{f.RuleId} ({f.Because})")) + ". Sign \"notEligible\", or correct the intake.");
                break;
            case EligibilityStatus.Incomplete:
                errors.Add("decision", "Eligibility cannot be decided yet: " + string.Join("; ", evaluation.Missing.Select(m => m.Message)) + ".");
                break;
            default:
                break;
        }

        foreach (var caution in evaluation.Cautions.Where(c => !justifications.ContainsKey(c.RuleId)))
        {
            errors.Add($"justifications.{caution.RuleId}", $"Write why it is safe to proceed despite: {caution.Explanation}");
        }

        return justifications;
    }

    private async Task<EligibilityView> EligibilityViewAsync(Guid patientId, CancellationToken ct)
    {
        var latest = await db.Set<IntakeRevision>().AsNoTracking().Where(r => r.PatientId == patientId).OrderByDescending(r => r.Number).FirstOrDefaultAsync(ct);
        var (ruleSet, label, _) = await db.CurrentRuleSetAsync(ct);
        var stored = await db.LatestBaselineAsync(patientId, ct);
        var evaluation = latest is null ? null : EligibilityEvaluator.Evaluate(ruleSet, BaselineResponses.WithStoredBaseline(AssessmentJson.Read<IntakeAnswers>(latest.AnswersJson), stored.Scores));
        var signOff = await db.Set<EligibilitySignOff>().AsNoTracking().Where(s => s.PatientId == patientId)
            .OrderByDescending(s => s.IntakeRevisionNumber).ThenByDescending(s => s.SignedAt).FirstOrDefaultAsync(ct);
        var state = await db.EligibilityStateAsync(patientId, ct);
        return new EligibilityView(latest?.Id, latest?.Number, label, evaluation, state, signOff is null ? null : ToDto(signOff, state is EligibilityState.Current or EligibilityState.SignedNotEligible), stored.Sources);
    }

    /// <summary>
    /// Defence in depth behind the endpoint and page policies: the use case itself refuses a caller whose role may
    /// not do it (e.g. a crafted form post). Null = allowed.
    /// </summary>
    private string? Refuse(params string[] roles) =>
        db.Caller.IsSystem || roles.Contains(db.Caller.Role, StringComparer.Ordinal) ? null : $"Your role ({db.Caller.Role ?? "none"}) may not do this.";

    private Task<Patient?> FindPatientAsync(Guid patientId, CancellationToken ct) =>
        db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == patientId, ct);

    private async Task<string> CallerNameAsync(CancellationToken ct)
    {
        var id = db.Caller.UserId;
        var name = id is null ? null : await db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        return string.IsNullOrWhiteSpace(name) ? db.Caller.Role ?? "unknown" : name;
    }

    private DateOnly Today() => DateOnly.FromDateTime(db.Time.GetUtcNow().UtcDateTime);

    private static IntakeRevisionDto ToDto(IntakeRevision r) =>
        new(r.Id, r.Number, AssessmentJson.Read<IntakeAnswers>(r.AnswersJson), r.Reason, r.RecordedByName, r.RecordedAt);

    private static SignOffDto ToDto(EligibilitySignOff s, bool current) => new(
        s.Id,
        s.IntakeRevisionId,
        s.IntakeRevisionNumber,
        s.RuleSetVersion,
        s.ComputedStatus,
        s.Eligible,
        AssessmentJson.Read<Dictionary<string, string>>(s.JustificationsJson),
        s.Note,
        s.SignedByName,
        s.SignedAt,
        current);
}
