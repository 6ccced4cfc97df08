using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.Common;
using Stillpoint.Core.Instruments;
using Stillpoint.Core.Instruments.Definitions;
using Stillpoint.Core.Outcomes;
using Stillpoint.Core.Plans;
using Stillpoint.Data;
using Stillpoint.Data.Assessment;
using Stillpoint.Data.Entities;
using Stillpoint.Data.Responses;
using Stillpoint.Data.Sessions;

namespace Stillpoint.Web.Outcomes;

/// <summary>
/// A patient's outcome figures for the outcome page, the printable report and the API (one read, audited once):
/// <list type="bullet">
/// <item>Counted responses: complete, with a total, and not superseded by a correction (a superseded response never counts).</item>
/// <item>Trajectories: every instrument with counted totals, from the earliest (the baseline, as
/// <see cref="OutcomeCourses"/> takes it); post-dose answers are left out of trajectories, which follow the course of
/// care over days and weeks, and shown per session in the pre/post-dose chart instead.</item>
/// <item>Sessions: dosed sessions (dosing started), numbered; boosters per <see cref="SessionTimeline"/>.</item>
/// <item>State rumination: BSRI paired per session by <see cref="PrePostPairing"/>.</item>
/// </list>
/// </summary>
internal sealed class PatientOutcomeService(StillpointDbContext db, InstrumentLibrary library)
{
    public const string StateInstrument = "bsri";

    public async Task<Outcome<PatientOutcomesDto>> GetAsync(Guid patientId, CancellationToken ct)
    {
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == patientId, ct);
        if (patient is null)
        {
            return Outcome<PatientOutcomesDto>.NotFound($"No patient {patientId}.");
        }

        var responses = await CountedResponsesAsync(patientId, ct);
        var timeline = SessionTimeline.Number(await DosedSessionsAsync(patientId, ct), await InductionSessionsAsync(patientId, ct));
        var instruments = responses
            .Where(r => r.Context != PrePostPairing.PostDose && library.TryGet(r.InstrumentId, out _))
            .GroupBy(r => r.InstrumentId, StringComparer.Ordinal)
            .Select(group => Instrument(library.Get(group.Key), [.. group.OrderBy(r => r.AnsweredAt).ThenBy(r => r.Id)]))
            .OrderBy(i => i.Instrument == StateInstrument) // the state measure last, next to its pre/post chart
            .ThenBy(i => i.Title, StringComparer.Ordinal)
            .ToList();
        await db.AuditReadAsync("PatientOutcomes", patientId.ToString(), patientId, patient.ClinicId, ct,
            $"outcomes: {responses.Count} responses, {timeline.Count} sessions");
        return Outcome<PatientOutcomesDto>.Ok(new PatientOutcomesDto(
            patient.Id, $"{patient.GivenName} {patient.FamilyName}", patient.Mrn, patient.DateOfBirth, db.Time.GetUtcNow(),
            [.. timeline.Select(s => new SessionMarkDto(s.SessionId, s.Number, s.DosedAt, s.IsBooster))],
            instruments,
            StatePairs(timeline, responses)));
    }

    private async Task<List<InstrumentResponse>> CountedResponsesAsync(Guid patientId, CancellationToken ct)
    {
        var rows = await db.Set<InstrumentResponse>().AsNoTracking().Where(r => r.PatientId == patientId).ToListAsync(ct);
        var superseded = rows.Where(r => r.SupersedesId is not null).Select(r => r.SupersedesId!.Value).ToHashSet();
        return [.. rows.Where(r => r.IsComplete && r.Status == ResponseValues.Complete && r.Total is not null && !superseded.Contains(r.Id))];
    }

    private async Task<List<DosedSession>> DosedSessionsAsync(Guid patientId, CancellationToken ct) =>
        (await db.Set<DosingSession>().AsNoTracking()
            .Where(s => s.PatientId == patientId && s.DosingStartedAt != null)
            .Select(s => new { s.Id, s.DosingStartedAt })
            .ToListAsync(ct))
        .Select(s => new DosedSession(s.Id, s.DosingStartedAt!.Value))
        .ToList();

    /// <summary>The session count of the patient's first plan as first written (its revision 1): the induction course.</summary>
    private async Task<int?> InductionSessionsAsync(Guid patientId, CancellationToken ct)
    {
        var first = (await db.Set<TreatmentPlanRevision>().AsNoTracking()
                .Where(r => r.PatientId == patientId && r.Number == 1)
                .Select(r => new { r.ChangedAt, r.ContentJson })
                .ToListAsync(ct))
            .OrderBy(r => r.ChangedAt)
            .FirstOrDefault();
        return first is null ? null : AssessmentJson.Read<PlanContent>(first.ContentJson).SessionCount;
    }

    private static InstrumentOutcomeDto Instrument(InstrumentDefinition definition, List<InstrumentResponse> rows)
    {
        var scores = rows.Select(Point).ToList();
        var course = OutcomeCourses.Evaluate(definition, scores.Select(s => new DatedTotal(DateOf(s.AnsweredAt), s.Total)));
        var range = TotalRange.Of(definition);
        var (baseline, latest) = (scores[0], scores[^1]);
        return new InstrumentOutcomeDto(
            definition.Id,
            definition.Title,
            definition.Direction == ScoreDirection.HigherIsWorse ? "higher-is-worse" : "higher-is-better",
            range.Min,
            range.Max,
            [.. definition.SeverityBands.Select(b => new SeverityBandDto(b.Name, b.Min, b.Max, b.Provenance.IsVerified))],
            scores,
            baseline,
            latest,
            scores.Count > 1 ? latest.Total - baseline.Total : null,
            OutcomeLabels.For(definition, course, baseline, latest, scores.Count));
    }

    private static StatePairsDto StatePairs(IReadOnlyList<TimelineSession> timeline, List<InstrumentResponse> responses)
    {
        var totals = responses
            .Where(r => r.InstrumentId == StateInstrument)
            .Select(r => new ContextTotal(r.Id, r.Context, r.AnsweredAt, r.Total!.Value, r.DosingSessionId));
        var pairs = PrePostPairing.Pair(timeline, [.. totals]).Select(p => new PrePostDto(
            p.Session.SessionId, p.Session.Number, p.Session.IsBooster, p.Session.DosedAt, p.Pre?.Total, p.Post?.Total, p.Change,
            p.PostMinutesAfterDose, p.Pre?.ResponseId, p.Post?.ResponseId));
        return new StatePairsDto(StateInstrument, PairingRule, [.. pairs]);
    }

    public const string PairingRule =
        "A BSRI answered with context pre-dose or post-dose and linked to a session belongs to that session. An unlinked one " +
        "belongs to the nearest dosed session: pre-dose within 12 h before the start of dosing (the last one counts), " +
        "post-dose within 4 h after it (the one nearest 40 min counts: clinical-reference §12.2, §13). One linked to a " +
        "session that was not dosed is not paired. Change = post-dose − pre-dose.";

    private static ScorePointDto Point(InstrumentResponse r) => new(r.Id, r.AnsweredAt, r.Total!.Value, r.Severity, r.Context, r.DosingSessionId);

    /// <summary>Dates are UTC calendar dates (no clinic time zone is stored yet).</summary>
    public static DateOnly DateOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);
}
