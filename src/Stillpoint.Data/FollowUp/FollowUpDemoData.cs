using System.Text.Json;
using Stillpoint.Core.Instruments;
using Stillpoint.Core.Instruments.Scoring;
using Stillpoint.Core.Plans;
using Stillpoint.Data.Assessment;
using Stillpoint.Data.Instruments;
using Stillpoint.Data.Responses;
using Stillpoint.Data.Sessions;

namespace Stillpoint.Data.FollowUp;

/// <summary>
/// Synthetic follow-up data for the demo portal patient: an IV plan active for two weeks, one session dosed a week ago
/// (with its baseline, before/after and next-day questionnaires answered) and the next one booked for tomorrow. Under
/// the default template the weekly PHQ-9, the fortnightly GAD-7 and the 7-day RRS-22 and PTQ are therefore due now,
/// so a visitor signing in as the patient finds questionnaires to complete. All answers are invented.
/// </summary>
public static class FollowUpDemoData
{
    public static async Task SeedAsync(StillpointDbContext db, Guid clinicId, Guid patientId, Guid prescriberId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = db.Time.GetUtcNow();
        var start = now.AddDays(-14);
        var doseAt = now.AddDays(-7);
        var (plan, revision) = ActivePlan(db, clinicId, patientId, prescriberId, start);
        var dosed = new DosingSession
        {
            ClinicId = clinicId, PatientId = patientId, Phase = "Discharged", ScheduledFor = doseAt, PlanRevisionId = revision,
            ComputedDoseMg = 32.25m, WeightKgUsed = 64.5m, CheckedInAt = doseAt.AddMinutes(-45), GoNoGoVerdict = "go", GoNoGoAt = doseAt.AddMinutes(-10),
            DosingStartedAt = doseAt, DosingEndedAt = doseAt.AddMinutes(40), FinishedAt = doseAt.AddHours(2), CreatedAt = start, CreatedBy = prescriberId,
        };
        var next = new DosingSession
        {
            ClinicId = clinicId, PatientId = patientId, ScheduledFor = RoundToQuarter(now.AddHours(22)), PlanRevisionId = revision,
            ComputedDoseMg = 32.25m, WeightKgUsed = 64.5m, CreatedAt = start, CreatedBy = prescriberId,
        };
        db.AddRange(dosed, next);

        var library = InstrumentDirectoryLoader.Load();
        Answers[] history =
        [
            new("phq9", start, "baseline", null, [2, 2, 2, 2, 1, 2, 2, 1, 0]),
            new("gad7", start, "baseline", null, [2, 1, 2, 1, 1, 1, 2]),
            new("rrs22", doseAt.AddDays(-1), "baseline", null, Repeat(22, 3, 2)),
            new("ptq", doseAt.AddDays(-1), "baseline", null, Repeat(15, 3, 2)),
            new("bsri", doseAt.AddMinutes(-30), "pre-dose", dosed.Id, [70, 65, 60, 72, 68, 55, 60, 66]),
            new("bsri", doseAt.AddMinutes(42), "post-dose", dosed.Id, [35, 30, 28, 40, 33, 25, 30, 31]),
            new("phq9", doseAt.AddHours(3), "follow-up", null, [1, 1, 2, 1, 1, 1, 1, 1, 0]),
            new("rrs22", doseAt.AddDays(1), "post-dose", dosed.Id, Repeat(22, 2, 2)),
            new("ptq", doseAt.AddDays(1), "post-dose", dosed.Id, Repeat(15, 2, 2)),
        ];
        foreach (var answers in history)
        {
            db.Add(Response(library, clinicId, patientId, answers));
        }

        await db.SaveChangesAsync(ct);
    }

    private sealed record Answers(string InstrumentId, DateTimeOffset At, string Context, Guid? SessionId, int?[] Values);

    /// <summary>clinical-reference §12.1: 0.5 mg/kg IV over 40 min; §12.3: 6 infusions, 3 per week (the sessions demo's plan).</summary>
    private static (TreatmentPlan Plan, Guid RevisionId) ActivePlan(StillpointDbContext db, Guid clinicId, Guid patientId, Guid prescriberId, DateTimeOffset start)
    {
        var content = SessionDemoData.IvPlan with { Intention = "To catch the spiral earlier and come back to the present." };
        var plan = new TreatmentPlan
        {
            ClinicId = clinicId, PatientId = patientId, Status = PlanStatus.Active, RevisionNumber = 2, ContentJson = AssessmentJson.Write(content),
            CreatedAt = start.AddDays(-1), UpdatedAt = start, ActivatedAt = start,
        };
        db.Add(plan);
        var revisionId = Guid.Empty;
        foreach (var (number, change, status, at) in new[] { (1, "created", PlanStatus.Draft, start.AddDays(-1)), (2, "activated", PlanStatus.Active, start) })
        {
            var revision = new TreatmentPlanRevision
            {
                ClinicId = clinicId, PatientId = patientId, PlanId = plan.Id, Number = number, Change = change, Status = status,
                ContentJson = plan.ContentJson, Reason = $"{change} (demo)", ChangedBy = prescriberId, ChangedByName = "Demo Prescriber", ChangedAt = at,
            };
            db.Add(revision);
            revisionId = revision.Id;
        }

        return (plan, revisionId);
    }

    private static InstrumentResponse Response(InstrumentLibrary library, Guid clinicId, Guid patientId, Answers answers)
    {
        var definition = library.Get(answers.InstrumentId);
        var result = InstrumentScorer.Score(definition, answers.Values).Result
            ?? throw new InvalidOperationException($"Demo answers for {answers.InstrumentId} do not score.");
        return new InstrumentResponse
        {
            ClinicId = clinicId, PatientId = patientId, InstrumentId = definition.Id, InstrumentVersion = definition.Version,
            Answers = JsonSerializer.Serialize(answers.Values), AnsweredAt = answers.At, RecordedAt = answers.At, EnteredBy = ResponseValues.EnteredByPatient,
            Context = answers.Context, DosingSessionId = answers.SessionId, Status = ResponseValues.Complete, Total = result.Total, Severity = result.Severity,
            Flags = JsonSerializer.Serialize(result.Flags.Select(f => f.Name)),
            Subscales = JsonSerializer.Serialize(result.Subscales.ToDictionary(s => s.Name, s => s.Value, StringComparer.Ordinal)),
            IsComplete = result.IsComplete, IsProrated = result.IsProrated, Explanation = JsonSerializer.Serialize(result.Explanation),
        };
    }

    /// <summary>Alternating answers (a, b, a, b …), a plausible middle-of-the-scale pattern.</summary>
    private static int?[] Repeat(int count, int a, int b) => [.. Enumerable.Range(0, count).Select(i => (int?)(i % 2 == 0 ? a : b))];

    private static DateTimeOffset RoundToQuarter(DateTimeOffset at) =>
        new(at.UtcTicks - (at.UtcTicks % TimeSpan.FromMinutes(15).Ticks), TimeSpan.Zero);
}
