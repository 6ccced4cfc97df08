using System.Text.Json;
using Stillpoint.Core.Instruments;
using Stillpoint.Core.Instruments.Definitions;
using Stillpoint.Core.Instruments.Scoring;
using Stillpoint.Core.Plans;
using Stillpoint.Data.Assessment;
using Stillpoint.Data.Instruments;
using Stillpoint.Data.Responses;
using Stillpoint.Data.Sessions;

namespace Stillpoint.Data.Outcomes;

/// <summary>
/// Synthetic outcome history for one demo patient, so the outcome view has something to show: an IV induction course of
/// six sessions about three months ago (clinical-reference §12.3), a booster session two weeks ago (the plan revised to
/// seven sessions), PHQ-9 from a baseline of 19 through response, remission, relapse and back after the booster, RRS-22
/// alongside, and BSRI before and about 40 minutes after every dose. Every number is invented; answers are spread over
/// the items so that each response scores to its planned total.
/// </summary>
public static class OutcomesDemoData
{
    private const decimal WeightKg = 75.8m;

    // Days before today: the induction sessions (Mon/Wed/Fri-like spacing), then the booster.
    private static readonly int[] InductionDays = [98, 96, 94, 91, 89, 87];
    private const int BoosterDay = 16;

    private static readonly (int DaysAgo, int Phq9)[] Phq9 =
        [(100, 19), (92, 14), (87, 9), (80, 7), (66, 4), (52, 6), (38, 9), (24, 13), (14, 8), (3, 6)];

    private static readonly (int DaysAgo, int Rrs22)[] Rrs22 = [(100, 64), (87, 52), (52, 48), (24, 58), (3, 46)];

    private static readonly (int Pre, int Post)[] Bsri = [(540, 430), (505, 395), (470, 380), (455, 350), (430, 340), (410, 320), (480, 365)];

    public static async Task SeedAsync(StillpointDbContext db, Guid clinicId, Guid patientId, Guid prescriberId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var today = db.Time.GetUtcNow().UtcDateTime.Date;
        DateTimeOffset Day(int daysAgo, int hour = 9) => new(today.AddDays(-daysAgo).AddHours(hour), TimeSpan.Zero);
        var revisions = Plan(db, clinicId, patientId, prescriberId, Day(101), Day(BoosterDay + 4));
        var library = InstrumentDirectoryLoader.Load();
        var days = InductionDays.Append(BoosterDay).ToArray();
        for (var i = 0; i < days.Length; i++)
        {
            var doseAt = Day(days[i]);
            var session = Session(clinicId, patientId, prescriberId, doseAt, i < InductionDays.Length ? revisions.Induction : revisions.Booster);
            db.Add(session);
            db.Add(Response(library.Get("bsri"), clinicId, patientId, doseAt.AddMinutes(-25), "pre-dose", session.Id, Bsri[i].Pre));
            db.Add(Response(library.Get("bsri"), clinicId, patientId, doseAt.AddMinutes(41), "post-dose", session.Id, Bsri[i].Post));
        }

        foreach (var (daysAgo, total) in Phq9)
        {
            db.Add(Response(library.Get("phq9"), clinicId, patientId, Day(daysAgo, 8), daysAgo == 100 ? "baseline" : "follow-up", null, total));
        }

        foreach (var (daysAgo, total) in Rrs22)
        {
            db.Add(Response(library.Get("rrs22"), clinicId, patientId, Day(daysAgo, 8).AddMinutes(10), daysAgo == 100 ? "baseline" : "follow-up", null, total));
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>§12.1 0.5 mg/kg IV over 40 min, 6 sessions (§12.3); revision 3 adds the booster session (7).</summary>
    private static (Guid Induction, Guid Booster) Plan(StillpointDbContext db, Guid clinicId, Guid patientId, Guid prescriberId, DateTimeOffset createdAt, DateTimeOffset boosterAt)
    {
        var induction = SessionDemoData.IvPlan with { Intention = "To sleep without replaying the day." };
        var booster = induction with { SessionCount = induction.SessionCount + 1 };
        var plan = new TreatmentPlan
        {
            ClinicId = clinicId, PatientId = patientId, Status = PlanStatus.Active, RevisionNumber = 3, ContentJson = AssessmentJson.Write(booster),
            CreatedAt = createdAt, UpdatedAt = boosterAt, ActivatedAt = createdAt.AddHours(2),
        };
        db.Add(plan);
        var ids = new List<Guid>();
        foreach (var (number, change, status, content, at, reason) in new[]
        {
            (1, "created", PlanStatus.Draft, induction, createdAt, "created (demo)"),
            (2, "activated", PlanStatus.Active, induction, createdAt.AddHours(2), "activated (demo)"),
            (3, "revised", PlanStatus.Active, booster, boosterAt, "Booster session (phq9 suggestion, demo): depression returned after response"),
        })
        {
            var revision = new TreatmentPlanRevision
            {
                ClinicId = clinicId, PatientId = patientId, PlanId = plan.Id, Number = number, Change = change, Status = status,
                ContentJson = AssessmentJson.Write(content), Reason = reason, ChangedBy = prescriberId, ChangedByName = "Demo Prescriber", ChangedAt = at,
            };
            db.Add(revision);
            ids.Add(revision.Id);
        }

        return (ids[1], ids[2]);
    }

    private static DosingSession Session(Guid clinicId, Guid patientId, Guid prescriberId, DateTimeOffset doseAt, Guid revisionId) => new()
    {
        ClinicId = clinicId, PatientId = patientId, Phase = "Discharged", ScheduledFor = doseAt, PlanRevisionId = revisionId,
        ComputedDoseMg = 38m, WeightKgUsed = WeightKg, CheckedInAt = doseAt.AddMinutes(-40), GoNoGoVerdict = "go", GoNoGoAt = doseAt.AddMinutes(-5),
        DosingStartedAt = doseAt, DosingEndedAt = doseAt.AddMinutes(40), FinishedAt = doseAt.AddHours(2), CreatedAt = doseAt.AddDays(-3), CreatedBy = prescriberId,
    };

    private static InstrumentResponse Response(InstrumentDefinition definition, Guid clinicId, Guid patientId, DateTimeOffset at, string context, Guid? sessionId, int total)
    {
        var answers = Spread(definition, total);
        var result = InstrumentScorer.Score(definition, answers).Result;
        if (result?.Total != total)
        {
            throw new InvalidOperationException($"Demo answers for {definition.Id} do not score {total}.");
        }

        return new InstrumentResponse
        {
            ClinicId = clinicId, PatientId = patientId, InstrumentId = definition.Id, InstrumentVersion = definition.Version,
            Answers = JsonSerializer.Serialize(answers), AnsweredAt = at, RecordedAt = at, EnteredBy = ResponseValues.EnteredByPatient,
            Context = context, DosingSessionId = sessionId, Status = ResponseValues.Complete, Total = result.Total, Severity = result.Severity,
            Flags = JsonSerializer.Serialize(result.Flags.Select(f => f.Name)),
            Subscales = JsonSerializer.Serialize(result.Subscales.ToDictionary(s => s.Name, s => s.Value, StringComparer.Ordinal)),
            IsComplete = result.IsComplete, IsProrated = result.IsProrated, Explanation = JsonSerializer.Serialize(result.Explanation),
        };
    }

    /// <summary>
    /// Answers that sum to <paramref name="total"/>: every item starts at its scale minimum and the rest is spread evenly
    /// over the items. The last item is kept at its minimum when the others can carry the total, so PHQ-9 item 9
    /// (thoughts of self-harm) stays 0 in the demo.
    /// </summary>
    private static int?[] Spread(InstrumentDefinition definition, int total)
    {
        var items = definition.Items;
        var answers = items.Select(i => i.Scale.Min).ToArray();
        var remaining = total - answers.Sum();
        var carriers = items.Take(items.Count - 1).Sum(i => i.Scale.Max - i.Scale.Min) >= remaining ? items.Count - 1 : items.Count;
        while (remaining > 0)
        {
            var before = remaining;
            for (var i = 0; i < carriers && remaining > 0; i++)
            {
                var step = Math.Min(Math.Max(1, remaining / carriers), items[i].Scale.Max - answers[i]);
                answers[i] += step;
                remaining -= step;
            }

            if (remaining == before)
            {
                throw new InvalidOperationException($"{total} is outside the range of {definition.Id}.");
            }
        }

        return [.. answers.Select(a => (int?)a)];
    }
}
