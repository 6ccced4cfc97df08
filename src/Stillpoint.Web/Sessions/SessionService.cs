using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stillpoint.Core.Access;
using Stillpoint.Core.Common;
using Stillpoint.Core.Ledger;
using Stillpoint.Core.Sessions;
using Stillpoint.Data;
using Stillpoint.Data.Assessment;
using Stillpoint.Data.Entities;
using Stillpoint.Data.Sessions;
using Stillpoint.Web.Ledger;
using Stillpoint.Web.Live;
using Stillpoint.Web.Patients;

namespace Stillpoint.Web.Sessions;

/// <summary>
/// Dosing-session use cases shared by the API and the pages. Every read of a session is audited; every write
/// is audited by SaveChanges. The pure rules live in Stillpoint.Core.Sessions; this class gathers their facts.
/// </summary>
internal sealed class SessionService(StillpointDbContext db, IOptions<SessionRules> options, ClinicEvents events, LedgerService ledger, Assessment.AssessmentService assessment)
{
    public const int MaxTextLength = 2000;

    private static readonly string[] PreDosePhases = [nameof(SessionPhase.CheckedIn), nameof(SessionPhase.Preparation)];

    private SessionRules Rules => options.Value;

    private DateTimeOffset Now => db.Time.GetUtcNow();

    public async Task<Outcome<SessionDto>> ScheduleAsync(Guid patientId, ScheduleRequest request, CancellationToken ct)
    {
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == patientId, ct);
        if (patient is null)
        {
            return Outcome<SessionDto>.NotFound($"No patient {patientId}.");
        }

        var errors = new ValidationErrors();
        if (request.ScheduledFor is null)
        {
            errors.Add("scheduledFor", "When is the session?");
        }

        if (request.ComputedDoseMg is <= 0 or > AdministrationInput.MaxDoseMg)
        {
            errors.Add("computedDoseMg", $"More than 0 and at most {AdministrationInput.MaxDoseMg} mg.");
        }

        if (request.WeightKgUsed is { } w && (w < Core.Patients.PatientInput.MinWeightKg || w > Core.Patients.PatientInput.MaxWeightKg))
        {
            errors.Add("weightKgUsed", $"Between {Core.Patients.PatientInput.MinWeightKg} and {Core.Patients.PatientInput.MaxWeightKg} kg.");
        }

        if (!errors.IsEmpty)
        {
            return Outcome<SessionDto>.Invalid(errors);
        }

        // Issue 4's dosing gate: eligibility signed and current, consent signed and not withdrawn, a plan active.
        // The summary read is audited by the assessment service; the session copies the plan's current revision,
        // its computed dose and the weight used, so the dose stays reproducible whatever happens to the plan later.
        var summary = await assessment.GetSummaryAsync(patientId, ct);
        if (summary.Value is not { } facts)
        {
            return Outcome<SessionDto>.NotFound($"No patient {patientId}.");
        }

        var revisionId = facts.ActivePlan is { } active
            ? await db.Set<TreatmentPlanRevision>().AsNoTracking().Where(r => r.PlanId == active.Id && r.Number == active.RevisionNumber).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct)
            : null;
        var refusal = ScheduleRefusal(facts, revisionId, request);
        if (refusal is not null)
        {
            return Outcome<SessionDto>.Conflict(refusal);
        }

        var plan = facts.ActivePlan!;
        var session = new DosingSession
        {
            PatientId = patientId,
            ScheduledFor = request.ScheduledFor!.Value.ToUniversalTime(),
            PlanRevisionId = revisionId,
            ComputedDoseMg = plan.Dose!.DoseMg,
            WeightKgUsed = plan.Dose.WeightKg,
            CreatedAt = Now,
            CreatedBy = db.Caller.UserId,
        };
        db.Set<DosingSession>().Add(session);
        await db.SaveChangesAsync(ct);
        return Outcome<SessionDto>.Ok(SessionDto.From(session));
    }

    /// <summary>
    /// Why a session cannot be scheduled now, or null. Lists every missing prerequisite (issue 4's gate). Values the
    /// client sends (plan revision, dose, weight) are what it showed the user: if the plan changed since, the
    /// request is refused rather than silently scheduled with a different dose.
    /// </summary>
    private static string? ScheduleRefusal(Assessment.AssessmentSummary facts, Guid? currentRevisionId, ScheduleRequest request)
    {
        if (!facts.Gate.Allowed)
        {
            return "Cannot schedule a dosing session: " + string.Join(" ", facts.Gate.Missing.Select(m => m.Message));
        }

        var plan = facts.ActivePlan!;
        if (plan.Dose is null)
        {
            return "Cannot schedule a dosing session: the dose cannot be computed from the active plan. " + plan.DoseProblem;
        }

        if (request.PlanRevisionId is { } revision && revision != currentRevisionId)
        {
            return $"The active plan is now at revision {plan.RevisionNumber}: review the dose computed from it and schedule again.";
        }

        if (request.ComputedDoseMg is { } dose && dose != plan.Dose.DoseMg)
        {
            return string.Create(CultureInfo.InvariantCulture, $"The active plan computes {plan.Dose.DoseMg} mg, not {dose} mg: review the dose and schedule again.");
        }

        return request.WeightKgUsed is { } kg && kg != plan.Dose.WeightKg
            ? string.Create(CultureInfo.InvariantCulture, $"The dose uses the latest weight {plan.Dose.WeightKg?.ToString(CultureInfo.InvariantCulture) ?? "(none: flat dose)"} kg, not {kg} kg: review and schedule again.")
            : null;
    }

    public async Task<Outcome<IReadOnlyList<SessionDto>>> ListForPatientAsync(Guid patientId, CancellationToken ct)
    {
        if (!await db.Patients.AnyAsync(p => p.Id == patientId, ct))
        {
            return Outcome<IReadOnlyList<SessionDto>>.NotFound($"No patient {patientId}.");
        }

        var sessions = await db.Set<DosingSession>().AsNoTracking().Where(s => s.PatientId == patientId).OrderByDescending(s => s.ScheduledFor).ToListAsync(ct);
        await db.AuditReadAsync(nameof(DosingSession), null, patientId, db.Caller.ClinicId, ct, $"list: {sessions.Count}");
        return Outcome<IReadOnlyList<SessionDto>>.Ok([.. sessions.Select(SessionDto.From)]);
    }

    public async Task<Outcome<SessionDetail>> GetAsync(Guid id, CancellationToken ct)
    {
        var session = await db.Set<DosingSession>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (session is null)
        {
            return Outcome<SessionDetail>.NotFound($"No session {id}.");
        }

        var timeline = await TimelineAsync(id, ct);
        await db.AuditReadAsync(nameof(DosingSession), id.ToString(), session.PatientId, session.ClinicId, ct);
        return Outcome<SessionDetail>.Ok(Detail(session, timeline));
    }

    public SessionDetail Detail(DosingSession session, List<SessionEntry> timeline)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(timeline);
        var checks = Checks(session, timeline);
        var discharge = Phase(session) == SessionPhase.Integration ? DischargeRules.Evaluate(DischargeFactsOf(session, timeline), Rules, Now).Unmet : [];
        return new SessionDetail(SessionDto.From(session), [.. timeline.Select(TimelineEntryDto.From)], checks, OpenAlerts(timeline), discharge);
    }

    public IReadOnlyList<ScheduledCheck> Checks(DosingSession session, List<SessionEntry> timeline)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.DosingStartedAt is not { } start || Phase(session) is SessionPhase.Scheduled)
        {
            return [];
        }

        return VitalsSchedule.Evaluate(Rules, start, Vitals(timeline), session.FinishedAt, db.Time);
    }

    public async Task<Outcome<SessionDto>> UpdatePreparationAsync(Guid id, PreparationRequest request, CancellationToken ct)
    {
        var session = await db.Set<DosingSession>().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (session is null)
        {
            return Outcome<SessionDto>.NotFound($"No session {id}.");
        }

        var errors = new ValidationErrors();
        if (request.Version is null)
        {
            errors.Add("version", "Send the version you edited, so a concurrent change is not overwritten.");
        }

        MaxLength(errors, "intention", request.Intention, MaxTextLength);
        MaxLength(errors, "concomitantMedications", request.ConcomitantMedications, 500);
        if (!errors.IsEmpty)
        {
            return Outcome<SessionDto>.Invalid(errors);
        }

        if (Phase(session) is not (SessionPhase.Scheduled or SessionPhase.CheckedIn or SessionPhase.Preparation))
        {
            return Outcome<SessionDto>.Conflict($"The session is {session.Phase}: the preparation checklist is closed once dosing starts.");
        }

        if (session.Version != request.Version)
        {
            return Stale<SessionDto>(session.Version);
        }

        db.Entry(session).Property(s => s.Version).OriginalValue = request.Version!.Value;
        session.Intention = Clean(request.Intention);
        session.FastingConfirmed = request.FastingConfirmed;
        session.EscortConfirmed = request.EscortConfirmed;
        session.Pregnancy = (request.Pregnancy ?? PregnancyTest.NotDone).ToString();
        session.MedicationsReviewed = request.MedicationsReviewed;
        session.ConcomitantMedications = Clean(request.ConcomitantMedications);
        // The checklist changed: an earlier go/no-go (and its override) no longer describes it.
        session.GoNoGoVerdict = null;
        session.OverrideBy = null;
        session.OverrideReason = null;
        return await SaveSessionAsync(session, ct);
    }

    public async Task<Outcome<GoNoGoResult>> CheckGoNoGoAsync(Guid id, GoNoGoRequest request, CancellationToken ct)
    {
        var session = await db.Set<DosingSession>().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (session is null)
        {
            return Outcome<GoNoGoResult>.NotFound($"No session {id}.");
        }

        if (Phase(session) != SessionPhase.Preparation)
        {
            return Outcome<GoNoGoResult>.Conflict($"The go/no-go check is made in Preparation; the session is {session.Phase}.");
        }

        var reason = Clean(request.OverrideReason);
        if (reason is not null && !string.Equals(db.Caller.Role, Roles.Prescriber, StringComparison.Ordinal))
        {
            return Outcome<GoNoGoResult>.Forbidden("Only a prescriber can override a no-go.");
        }

        if (reason is { Length: > 1000 })
        {
            return Outcome<GoNoGoResult>.Invalid("overrideReason", "At most 1000 characters.");
        }

        var timeline = await TimelineAsync(id, ct);
        var over = reason is null ? null : new GoNoGoOverride(db.Caller.UserId, reason, Now);
        var decision = GoNoGoRules.Evaluate(Checklist(session, timeline), Rules, over);
        if (over is not null && !decision.Cleared && !decision.Go)
        {
            return Outcome<GoNoGoResult>.Conflict("This no-go cannot be overridden: " + string.Join("; ", decision.Blocking.Where(r => !GoNoGoRules.IsOverridable(r.Code)).Select(r => r.Explanation)));
        }

        session.GoNoGoVerdict = decision.Verdict;
        session.GoNoGoAt = Now;
        session.OverrideBy = decision.Override?.PrescriberId;
        session.OverrideReason = decision.Override?.Reason;
        db.Set<SessionEntry>().Add(NewEntry(session, EntryKinds.GoNoGo, Now, e =>
        {
            // Code keeps the blocking rules this verdict (and any override) covered; Text explains every rule that fired.
            e.Code = Truncate(string.Join(',', decision.Blocking.Select(r => r.Code)), 64);
            e.Severity = decision.Verdict;
            e.Text = Truncate(string.Join(" | ", decision.Fired.Select(r => r.Explanation)) + (decision.Override is null ? string.Empty : " | Override: " + decision.Override.Reason), MaxTextLength);
        }));
        var saved = await SaveSessionAsync(session, ct);
        return saved.Succeeded
            ? Outcome<GoNoGoResult>.Ok(new GoNoGoResult(decision.Verdict, decision.Cleared, decision.Fired, decision.Override?.Reason))
            : Outcome<GoNoGoResult>.Conflict(saved.Message!);
    }

    public async Task<Outcome<SessionDto>> TransitionAsync(Guid id, TransitionRequest request, CancellationToken ct)
    {
        if (request.To is null)
        {
            return Outcome<SessionDto>.Invalid("to", "Name the phase to move to.");
        }

        var session = await db.Set<DosingSession>().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (session is null)
        {
            return Outcome<SessionDto>.NotFound($"No session {id}.");
        }

        var timeline = await TimelineAsync(id, ct);
        var from = Phase(session);
        var to = request.To.Value;
        var facts = new TransitionFacts
        {
            GoNoGo = to == SessionPhase.Dosing ? CurrentGoNoGo(session, timeline) : null,
            Administrations = timeline.Count(e => e.Kind == EntryKinds.Administration),
            AllAdministrationsEnded = Administrations(timeline).All(a => a.EndedAt is not null),
            Discharge = to == SessionPhase.Discharged ? DischargeRules.Evaluate(DischargeFactsOf(session, timeline), Rules, Now) : null,
        };
        var result = SessionStateMachine.Decide(from, to, facts, db.Caller.UserId, db.Caller.Role, Now, request.Reason);
        if (!result.Allowed)
        {
            return Outcome<SessionDto>.Conflict(result.Refusal!);
        }

        // Consent may be withdrawn (or the plan stopped) after scheduling: the gate is checked again before the dose.
        if (to == SessionPhase.Dosing && await db.CheckDosingGateAsync(session.PatientId, ct) is { Allowed: false } gate)
        {
            return Outcome<SessionDto>.Conflict("Dosing is refused: " + string.Join(" ", gate.Missing.Select(m => m.Message)));
        }

        var transition = result.Transition!;
        session.Phase = to.ToString();
        switch (to)
        {
            case SessionPhase.CheckedIn:
                session.CheckedInAt = transition.At;
                break;
            case SessionPhase.Integration:
                session.DosingEndedAt = Administrations(timeline).Max(a => a.EndedAt);
                break;
            case SessionPhase.Discharged:
                session.FinishedAt = transition.At;
                break;
            case SessionPhase.Aborted:
                session.FinishedAt = transition.At;
                session.AbortReason = transition.Reason;
                break;
            case SessionPhase.Scheduled or SessionPhase.Preparation or SessionPhase.Dosing:
                break;
        }

        db.Set<SessionEntry>().Add(NewEntry(session, EntryKinds.Transition, transition.At, e =>
        {
            e.Code = to.ToString();
            e.Severity = from.ToString();
            e.Text = transition.Reason;
        }));
        return await SaveSessionAsync(session, ct);
    }

    public async Task<Outcome<TimelineEntryDto>> RecordAdministrationAsync(Guid id, AdministrationRequest r, CancellationToken ct)
    {
        var session = await db.Set<DosingSession>().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (session is null)
        {
            return Outcome<TimelineEntryDto>.NotFound($"No session {id}.");
        }

        var input = new AdministrationInput(r.Drug, r.Route, r.DoseMg, r.LotNumber, r.LotExpiry, r.StartedAt, r.EndedAt, r.WitnessId);
        var errors = input.Validate(db.Caller.UserId ?? Guid.Empty, DateOnly.FromDateTime(Now.UtcDateTime));
        if (!errors.IsEmpty)
        {
            return Outcome<TimelineEntryDto>.Invalid(errors);
        }

        if (Phase(session) != SessionPhase.Dosing)
        {
            return Outcome<TimelineEntryDto>.Conflict($"Administrations are recorded in Dosing; the session is {session.Phase}.");
        }

        if (!await db.Users.AnyAsync(u => u.Id == r.WitnessId && u.ClinicId == session.ClinicId, ct))
        {
            return Outcome<TimelineEntryDto>.Invalid("witnessId", "The witness must be a staff member of this clinic.");
        }

        // Issue 5 §9: the dose is dispensed from the lot in the same transaction (one SaveChanges); an unknown or short lot refuses it.
        var dispensed = await ledger.StageAsync(new LedgerMovement(LedgerEntryKind.Dispensed, r.LotNumber!.Trim(), r.DoseMg, SessionId: session.Id), ct);
        if (!dispensed.Succeeded)
        {
            return dispensed.Failure == FailureKind.Invalid ? Outcome<TimelineEntryDto>.Invalid(dispensed.Errors!) : Outcome<TimelineEntryDto>.Conflict(dispensed.Message!);
        }

        var entry = NewEntry(session, EntryKinds.Administration, r.StartedAt!.Value, e =>
        {
            e.Drug = r.Drug!.Trim();
            e.Code = r.Route!.Value.ToString();
            e.DoseMg = r.DoseMg;
            e.LotNumber = r.LotNumber.Trim();
            e.LotExpiry = r.LotExpiry;
            e.EndedAt = r.EndedAt;
            e.WitnessId = r.WitnessId;
        });
        db.Set<SessionEntry>().Add(entry);
        if (session.DosingStartedAt is null || entry.At < session.DosingStartedAt)
        {
            session.DosingStartedAt = entry.At;
        }

        try
        {
            var saved = await SaveSessionAsync(session, ct);
            return saved.Succeeded ? Outcome<TimelineEntryDto>.Ok(TimelineEntryDto.From(entry)) : Outcome<TimelineEntryDto>.Conflict(saved.Message!);
        }
        catch (DbUpdateException)
        {
            // Another movement on the lot landed first (unique lot sequence): nothing was written.
            return Outcome<TimelineEntryDto>.Conflict("The lot's balance changed while recording; nothing was written. Try again.");
        }
    }

    public async Task<Outcome<TimelineEntryDto>> EndAdministrationAsync(Guid id, Guid administrationId, AdministrationEndRequest r, CancellationToken ct)
    {
        var (session, failure) = await InPhaseAsync<TimelineEntryDto>(id, SessionPhase.Dosing, ct);
        if (session is null)
        {
            return failure!;
        }

        var admin = await db.Set<SessionEntry>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == administrationId && e.SessionId == id && e.Kind == EntryKinds.Administration, ct);
        if (admin is null)
        {
            return Outcome<TimelineEntryDto>.NotFound($"No administration {administrationId} in this session.");
        }

        if (r.EndedAt is not { } ended || ended < admin.At)
        {
            return Outcome<TimelineEntryDto>.Invalid("endedAt", "The end time is required and cannot be before the start.");
        }

        if (admin.EndedAt is not null || await db.Set<SessionEntry>().AnyAsync(e => e.RelatedEntryId == administrationId && e.Kind == EntryKinds.AdministrationEnd, ct))
        {
            return Outcome<TimelineEntryDto>.Conflict("This administration already has an end time.");
        }

        return await AddAsync(session, NewEntry(session, EntryKinds.AdministrationEnd, ended, e =>
        {
            e.RelatedEntryId = administrationId;
            e.EndedAt = ended;
        }), ct);
    }

    public async Task<Outcome<TimelineEntryDto>> RecordRatingAsync(Guid id, RatingRequest r, CancellationToken ct)
    {
        var errors = Ratings.Validate(r.Moaas, r.Cadss6);
        if (!errors.IsEmpty)
        {
            return Outcome<TimelineEntryDto>.Invalid(errors);
        }

        var (session, failure) = await InProgressAsync<TimelineEntryDto>(id, ct);
        if (session is null)
        {
            return failure!;
        }

        var at = r.At ?? Now;
        var entry = NewEntry(session, EntryKinds.Rating, at, e =>
        {
            e.Moaas = r.Moaas;
            e.Cadss6 = r.Cadss6;
        });
        db.Set<SessionEntry>().Add(entry);
        // Issue 5 §5: every rating is evaluated (MOAA/S thresholds). CADSS-6 has no validated cut-off (§14.6): recorded only.
        if (r.Moaas is not null && Phase(session) is SessionPhase.Dosing or SessionPhase.Integration)
        {
            foreach (var alert in SafetyRules.EvaluateMoaas(r.Moaas, Rules))
            {
                db.Set<SessionEntry>().Add(SessionEntryFactory.Alert(session.Id, session.PatientId, session.Phase, alert, entry.Id, at, Now));
            }
        }

        return await SaveEntryAsync(session, entry, ct);
    }

    public async Task<Outcome<TimelineEntryDto>> RecordObservationAsync(Guid id, ObservationRequest r, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (r.State is null)
        {
            errors.Add("state", "Choose the emotional state.");
        }

        MaxLength(errors, "text", r.Text, MaxTextLength);
        if (r.State == EmotionalState.Other && string.IsNullOrWhiteSpace(r.Text))
        {
            errors.Add("text", "Describe the state when choosing Other.");
        }

        if (!errors.IsEmpty)
        {
            return Outcome<TimelineEntryDto>.Invalid(errors);
        }

        var (session, failure) = await InProgressAsync<TimelineEntryDto>(id, ct);
        return session is null ? failure! : await AddAsync(session, NewEntry(session, EntryKinds.Observation, r.At ?? Now, e =>
        {
            e.Code = r.State!.Value.ToString();
            e.Text = Clean(r.Text);
        }), ct);
    }

    public async Task<Outcome<TimelineEntryDto>> RecordNoteAsync(Guid id, NoteRequest r, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(r.Text))
        {
            errors.Add("text", "Write the note.");
        }

        MaxLength(errors, "text", r.Text, MaxTextLength);
        var kind = r.Kind ?? "therapist";
        if (kind is not ("therapist" or "reflection" or "intention"))
        {
            errors.Add("kind", "therapist, reflection or intention.");
        }

        if (!errors.IsEmpty)
        {
            return Outcome<TimelineEntryDto>.Invalid(errors);
        }

        var (session, failure) = await InProgressAsync<TimelineEntryDto>(id, ct);
        return session is null ? failure! : await AddAsync(session, NewEntry(session, EntryKinds.Note, Now, e =>
        {
            e.Code = kind;
            e.Text = r.Text!.Trim();
        }), ct);
    }

    public async Task<Outcome<TimelineEntryDto>> RecordAdverseEventAsync(Guid id, AdverseEventRequest r, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (r.Type is null)
        {
            errors.Add("type", "Choose the adverse event type.");
        }

        if (r.Severity is null)
        {
            errors.Add("severity", "Choose mild, moderate or severe.");
        }

        if (string.IsNullOrWhiteSpace(r.ActionTaken))
        {
            errors.Add("actionTaken", "Record the action taken (or \"none\").");
        }

        MaxLength(errors, "actionTaken", r.ActionTaken, 600);
        MaxLength(errors, "outcome", r.Outcome, 600);
        MaxLength(errors, "description", r.Description, 600);
        if (!errors.IsEmpty)
        {
            return Outcome<TimelineEntryDto>.Invalid(errors);
        }

        var (session, failure) = await InProgressAsync<TimelineEntryDto>(id, ct);
        return session is null ? failure! : await AddAsync(session, NewEntry(session, EntryKinds.AdverseEvent, r.At ?? Now, e =>
        {
            e.Code = r.Type!.Value.ToString();
            e.Severity = r.Severity!.Value.ToString();
            e.Text = Truncate($"Action: {r.ActionTaken!.Trim()} | Outcome: {Clean(r.Outcome) ?? "pending"}{(r.Description is null ? string.Empty : " | " + r.Description.Trim())}", MaxTextLength);
        }), ct);
    }

    public async Task<Outcome<TimelineEntryDto>> AcknowledgeAsync(Guid id, Guid alertId, AcknowledgeRequest r, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(r.ActionTaken) || r.ActionTaken.Length > 600)
        {
            return Outcome<TimelineEntryDto>.Invalid("actionTaken", "Record the action taken (at most 600 characters).");
        }

        var session = await db.Set<DosingSession>().FirstOrDefaultAsync(s => s.Id == id, ct);
        var alert = session is null ? null : await db.Set<SessionEntry>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == alertId && e.SessionId == id && e.Kind == EntryKinds.Alert, ct);
        if (session is null || alert is null)
        {
            return Outcome<TimelineEntryDto>.NotFound($"No alert {alertId} in session {id}.");
        }

        if (await db.Set<SessionEntry>().AnyAsync(e => e.RelatedEntryId == alertId && e.Kind == EntryKinds.Acknowledgement, ct))
        {
            return Outcome<TimelineEntryDto>.Conflict("This alert is already acknowledged.");
        }

        return await AddAsync(session, NewEntry(session, EntryKinds.Acknowledgement, Now, e =>
        {
            e.RelatedEntryId = alertId;
            e.Code = alert.Code;
            e.Text = r.ActionTaken.Trim();
        }), ct);
    }

    public async Task<Outcome<TimelineEntryDto>> RecordDischargeScoreAsync(Guid id, DischargeScoreRequest r, CancellationToken ct)
    {
        var score = DischargeScore.Create(r.Kind ?? DischargeScoreKind.None, r.Items);
        if (!score.Succeeded)
        {
            return Outcome<TimelineEntryDto>.Invalid(score.Errors!);
        }

        var (session, failure) = await InPhaseAsync<TimelineEntryDto>(id, SessionPhase.Integration, ct);
        return session is null ? failure! : await AddAsync(session, NewEntry(session, EntryKinds.DischargeScore, Now, e =>
        {
            e.Code = score.Value!.Kind.ToString();
            e.Text = string.Join(',', score.Value.Items.Select(i => i.ToString(CultureInfo.InvariantCulture)));
        }), ct);
    }

    public async Task<Outcome<DischargeEvaluation>> EvaluateDischargeAsync(Guid id, CancellationToken ct)
    {
        var session = await db.Set<DosingSession>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (session is null)
        {
            return Outcome<DischargeEvaluation>.NotFound($"No session {id}.");
        }

        var timeline = await TimelineAsync(id, ct);
        await db.AuditReadAsync(nameof(DosingSession), id.ToString(), session.PatientId, session.ClinicId, ct, "discharge criteria");
        return Outcome<DischargeEvaluation>.Ok(DischargeRules.Evaluate(DischargeFactsOf(session, timeline), Rules, Now));
    }

    /// <summary>Every session in progress in the caller's clinic, for the nurse station.</summary>
    public async Task<IReadOnlyList<MonitorRow>> MonitorAsync(CancellationToken ct)
    {
        var phases = new[] { nameof(SessionPhase.CheckedIn), nameof(SessionPhase.Preparation), nameof(SessionPhase.Dosing), nameof(SessionPhase.Integration) };
        var sessions = await db.Set<DosingSession>().AsNoTracking().Where(s => phases.Contains(s.Phase)).OrderBy(s => s.CheckedInAt).ToListAsync(ct);
        var ids = sessions.Select(s => s.Id).ToList();
        var names = await db.DisplayNamesAsync(sessions.Select(s => s.PatientId), ct);
        var entries = await db.Set<SessionEntry>().AsNoTracking()
            .Where(e => ids.Contains(e.SessionId) && (e.Kind == EntryKinds.Vitals || e.Kind == EntryKinds.Alert || e.Kind == EntryKinds.Acknowledgement))
            .ToListAsync(ct);
        var bySession = entries.GroupBy(e => e.SessionId).ToDictionary(g => g.Key, g => g.OrderBy(e => e.At).ToList());
        var now = Now;
        var rows = sessions.Select(s =>
        {
            var timeline = bySession.GetValueOrDefault(s.Id) ?? [];
            var last = timeline.LastOrDefault(e => e.Kind == EntryKinds.Vitals);
            var elapsed = s.DosingStartedAt is { } start ? (int?)Math.Floor((now - start).TotalMinutes) : null;
            var overdue = Checks(s, timeline).Where(c => c.Status == CheckStatus.Overdue).ToList();
            return new MonitorRow(s.Id, s.PatientId, names.GetValueOrDefault(s.PatientId) ?? "?", s.Phase, elapsed, last is null ? null : TimelineEntryDto.From(last), overdue, OpenAlerts(timeline));
        }).ToList();
        await db.AuditReadAsync(nameof(DosingSession), null, null, db.Caller.ClinicId, ct, $"monitor: {rows.Count} sessions");
        return rows;
    }

    public Task<List<SessionEntry>> TimelineAsync(Guid id, CancellationToken ct) =>
        db.Set<SessionEntry>().AsNoTracking().Where(e => e.SessionId == id).OrderBy(e => e.At).ThenBy(e => e.RecordedAt).ThenBy(e => e.Id).ToListAsync(ct);

    public static SessionPhase Phase(DosingSession s) => Enum.Parse<SessionPhase>(s.Phase);

    public static IReadOnlyList<AlertDto> OpenAlerts(List<SessionEntry> timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var acknowledged = timeline.Where(e => e.Kind == EntryKinds.Acknowledgement).Select(e => e.RelatedEntryId).ToHashSet();
        return [.. timeline.Where(e => e.Kind == EntryKinds.Alert && !acknowledged.Contains(e.Id))
            .Select(e => new AlertDto(e.Id, e.Code ?? string.Empty, e.Severity ?? string.Empty, e.Text ?? string.Empty, e.At, Acknowledged: false))];
    }

    private static IEnumerable<VitalSigns> Vitals(List<SessionEntry> timeline) =>
        timeline.Where(e => e.Kind == EntryKinds.Vitals).Select(SessionEntryFactory.ToVitals);

    private static List<(SessionEntry Entry, DateTimeOffset? EndedAt)> Administrations(List<SessionEntry> timeline)
    {
        var ends = timeline.Where(e => e.Kind == EntryKinds.AdministrationEnd && e.RelatedEntryId is not null)
            .GroupBy(e => e.RelatedEntryId!.Value).ToDictionary(g => g.Key, g => g.First().EndedAt);
        return [.. timeline.Where(e => e.Kind == EntryKinds.Administration).Select(a => (a, a.EndedAt ?? ends.GetValueOrDefault(a.Id)))];
    }

    private static PreparationChecklist Checklist(DosingSession session, List<SessionEntry> timeline) => new()
    {
        PreDoseVitals = timeline.Where(e => e.Kind == EntryKinds.Vitals && PreDosePhases.Contains(e.Phase)).Select(SessionEntryFactory.ToVitals).LastOrDefault(),
        FastingConfirmed = session.FastingConfirmed,
        EscortConfirmed = session.EscortConfirmed,
        Pregnancy = Enum.Parse<PregnancyTest>(session.Pregnancy),
        MedicationsReviewed = session.MedicationsReviewed,
        IntentionRecorded = !string.IsNullOrWhiteSpace(session.Intention),
        // Seam: the pre-dose BSRI lives in questionnaire responses (issue 3), not linked to sessions yet; advisory only.
        PreDoseBsriRecorded = false,
    };

    /// <summary>
    /// The go/no-go re-evaluated now (vitals may have changed since the check). A stored override still clears it
    /// only if every rule now blocking was among those the prescriber overrode.
    /// </summary>
    private GoNoGoDecision? CurrentGoNoGo(DosingSession session, List<SessionEntry> timeline)
    {
        if (session.GoNoGoVerdict is null)
        {
            return null;
        }

        var check = timeline.LastOrDefault(e => e.Kind == EntryKinds.GoNoGo);
        var covered = (check?.Code ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var now = GoNoGoRules.Evaluate(Checklist(session, timeline), Rules);
        if (now.Go || session.OverrideReason is null || now.Blocking.Any(r => !covered.Contains(r.Code)))
        {
            return now;
        }

        return GoNoGoRules.Evaluate(Checklist(session, timeline), Rules, new GoNoGoOverride(session.OverrideBy, session.OverrideReason, session.GoNoGoAt ?? Now));
    }

    private static DischargeFacts DischargeFactsOf(DosingSession session, List<SessionEntry> timeline)
    {
        var lastVitals = timeline.LastOrDefault(e => e.Kind == EntryKinds.Vitals);
        var lastMoaas = timeline.LastOrDefault(e => e.Kind == EntryKinds.Rating && e.Moaas is not null);
        var score = timeline.LastOrDefault(e => e.Kind == EntryKinds.DischargeScore);
        return new DischargeFacts
        {
            DosingEndedAt = session.DosingEndedAt,
            LastVitals = lastVitals is null ? null : SessionEntryFactory.ToVitals(lastVitals),
            LastMoaas = lastMoaas?.Moaas,
            LastMoaasAt = lastMoaas?.At,
            UnacknowledgedAlerts = OpenAlerts(timeline).Count,
            EscortConfirmed = session.EscortConfirmed,
            Score = score is null ? null : new DischargeScore(
                Enum.Parse<DischargeScoreKind>(score.Code!),
                [.. score.Text!.Split(',').Select(i => int.Parse(i, CultureInfo.InvariantCulture))]),
        };
    }

    private SessionEntry NewEntry(DosingSession session, string kind, DateTimeOffset at, Action<SessionEntry> fill)
    {
        var entry = new SessionEntry
        {
            SessionId = session.Id, PatientId = session.PatientId, ClinicId = session.ClinicId, Kind = kind, At = at, RecordedAt = Now,
            RecordedBy = db.Caller.UserId, Phase = session.Phase,
        };
        fill(entry);
        return entry;
    }

    private async Task<(DosingSession? Session, Outcome<T>? Failure)> InProgressAsync<T>(Guid id, CancellationToken ct)
    {
        var session = await db.Set<DosingSession>().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (session is null)
        {
            return (null, Outcome<T>.NotFound($"No session {id}."));
        }

        return SessionStateMachine.IsInProgress(Phase(session))
            ? (session, null)
            : (null, Outcome<T>.Conflict($"The session is {session.Phase}: entries are recorded from check-in until discharge."));
    }

    private async Task<(DosingSession? Session, Outcome<T>? Failure)> InPhaseAsync<T>(Guid id, SessionPhase phase, CancellationToken ct)
    {
        var session = await db.Set<DosingSession>().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (session is null)
        {
            return (null, Outcome<T>.NotFound($"No session {id}."));
        }

        return Phase(session) == phase ? (session, null) : (null, Outcome<T>.Conflict($"This is recorded in {phase}; the session is {session.Phase}."));
    }

    private async Task<Outcome<TimelineEntryDto>> AddAsync(DosingSession session, SessionEntry entry, CancellationToken ct)
    {
        db.Set<SessionEntry>().Add(entry);
        return await SaveEntryAsync(session, entry, ct);
    }

    private async Task<Outcome<TimelineEntryDto>> SaveEntryAsync(DosingSession session, SessionEntry entry, CancellationToken ct)
    {
        // Timeline entries never touch the session row, so a nurse's entry and a device's vitals never conflict.
        await db.SaveChangesAsync(ct);
        events.Publish(session.ClinicId, ClinicTopics.Sessions, session.Id);
        return Outcome<TimelineEntryDto>.Ok(TimelineEntryDto.From(entry));
    }

    private async Task<Outcome<SessionDto>> SaveSessionAsync(DosingSession session, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale<SessionDto>(null);
        }

        events.Publish(session.ClinicId, ClinicTopics.Sessions, session.Id);
        return Outcome<SessionDto>.Ok(SessionDto.From(session));
    }

    private static Outcome<T> Stale<T>(int? current) => Outcome<T>.Conflict(current is null
        ? "Someone else changed this session at the same moment. Reload and try again."
        : $"Someone else changed this session while you were editing (now version {current}). Reload and apply your change again.");

    private static void MaxLength(ValidationErrors errors, string field, string? value, int max)
    {
        if (value is { } v && v.Trim().Length > max)
        {
            errors.Add(field, $"At most {max} characters.");
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
