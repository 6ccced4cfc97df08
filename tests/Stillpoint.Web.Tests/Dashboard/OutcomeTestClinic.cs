using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stillpoint.Core.Eligibility;
using Stillpoint.Core.Plans;
using Stillpoint.Data;
using Stillpoint.Data.Assessment;
using Stillpoint.Data.Responses;
using Stillpoint.Data.Sessions;
using Stillpoint.Web.Tests.Infrastructure;

namespace Stillpoint.Web.Tests.Dashboard;

/// <summary>
/// A small clinic whose dashboard figures are known by hand (times relative to now, so the default range holds them):
/// <list type="bullet">
/// <item>Patient A (portal patient): IV, treatment-resistant depression, 6 induction sessions, plan by the prescriber.
/// PHQ-9 20 → 10 (day 7: response, 50 %) → 12 (day 14: relapse by loss of response). GAD-7 14 → 8.
/// Two held sessions (dosing started) 30 and 28 days ago, one adverse event and one alert on the first.</item>
/// <item>Patient B: intranasal, depression, 4 sessions. PHQ-9 16 → 4 (day 7: response and remission) → 6 (day 21, still
/// responding: censored 14 days after response). One no-go session today (aborted).</item>
/// </list>
/// </summary>
internal static class OutcomeTestClinic
{
    public static async Task SeedAsync(StillpointTestApp app, TestClinic clinic) => await app.AsSystemAsync(async services =>
    {
        var db = services.GetRequiredService<StillpointDbContext>();
        var prescriber = await db.Users.Where(u => u.Email == clinic.Emails[Core.Access.Roles.Prescriber]).Select(u => u.Id).SingleAsync();
        var now = DateTimeOffset.UtcNow;
        var start = now.AddDays(-40);
        var a = clinic.PortalPatientId;
        var b = clinic.OtherPatientId;
        AddPlan(db, clinic.Id, a, prescriber, start, Route.IV, Indication.TreatmentResistantDepression, 6);
        AddPlan(db, clinic.Id, b, prescriber, start, Route.Intranasal, Indication.Depression, 4);
        AddSeries(db, clinic.Id, a, "phq9", start, (0, 20), (7, 10), (14, 12));
        AddSeries(db, clinic.Id, a, "gad7", start, (0, 14), (14, 8));
        AddSeries(db, clinic.Id, b, "phq9", start, (0, 16), (7, 4), (21, 6));
        var first = AddSession(db, clinic.Id, a, now.AddDays(-30), "go");
        AddSession(db, clinic.Id, a, now.AddDays(-28), "go");
        AddSession(db, clinic.Id, b, now, "no-go");
        db.Add(new SessionEntry { ClinicId = clinic.Id, PatientId = a, SessionId = first.Id, Kind = EntryKinds.AdverseEvent, At = first.DosingStartedAt!.Value, RecordedAt = now, Code = "nausea" });
        db.Add(new SessionEntry { ClinicId = clinic.Id, PatientId = a, SessionId = first.Id, Kind = EntryKinds.Alert, At = first.DosingStartedAt!.Value, RecordedAt = now, Code = "bp-high" });
        await db.SaveChangesAsync();
        return true;
    });

    private static void AddPlan(StillpointDbContext db, Guid clinicId, Guid patientId, Guid author, DateTimeOffset start, Route route, Indication indication, int sessions)
    {
        var content = AssessmentJson.Write(new PlanContent { Indications = [indication], Route = route, SessionCount = sessions, Dose = new DoseSpec(DoseMode.Flat, FlatMg: 56m) });
        var plan = new TreatmentPlan { ClinicId = clinicId, PatientId = patientId, Status = PlanStatus.Active, RevisionNumber = 1, ContentJson = content, CreatedAt = start, UpdatedAt = start, ActivatedAt = start };
        db.Add(plan);
        db.Add(new TreatmentPlanRevision { ClinicId = clinicId, PatientId = patientId, PlanId = plan.Id, Number = 1, Change = "created", Status = PlanStatus.Active, ContentJson = content, Reason = "test", ChangedBy = author, ChangedByName = "Prescriber", ChangedAt = start });
    }

    private static void AddSeries(StillpointDbContext db, Guid clinicId, Guid patientId, string instrument, DateTimeOffset start, params (int Day, int Total)[] measures)
    {
        foreach (var (day, total) in measures)
        {
            db.Add(new InstrumentResponse
            {
                ClinicId = clinicId, PatientId = patientId, InstrumentId = instrument, InstrumentVersion = "1.0.0", Answers = "[]",
                AnsweredAt = start.AddDays(day), RecordedAt = start.AddDays(day), EnteredBy = ResponseValues.EnteredByPatient,
                Context = day == 0 ? "baseline" : "follow-up", Status = ResponseValues.Complete, Total = total, Flags = "[]",
                Subscales = "{}", IsComplete = true, Explanation = "[]",
            });
        }
    }

    private static DosingSession AddSession(StillpointDbContext db, Guid clinicId, Guid patientId, DateTimeOffset at, string verdict)
    {
        var session = new DosingSession
        {
            ClinicId = clinicId, PatientId = patientId, ScheduledFor = at, CreatedAt = at, GoNoGoVerdict = verdict, GoNoGoAt = at,
            Phase = verdict == "go" ? "Discharged" : "Aborted", DosingStartedAt = verdict == "go" ? at.AddMinutes(30) : null,
        };
        db.Add(session);
        return session;
    }
}
