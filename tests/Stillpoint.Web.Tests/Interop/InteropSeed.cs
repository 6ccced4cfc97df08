using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stillpoint.Cli;
using Stillpoint.Core.Access;
using Stillpoint.Data;
using Stillpoint.Data.Responses;
using Stillpoint.Data.Sessions;
using Stillpoint.Web.Tests.Infrastructure;

namespace Stillpoint.Web.Tests.Interop;

/// <summary>Gives a test clinic's second patient responses to three instruments (through the API) and a finished session with vitals.</summary>
internal static class InteropSeed
{
    public static async Task<Guid> SeedPatientAsync(StillpointTestApp app, TestClinic clinic)
    {
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        var patient = clinic.OtherPatientId;
        var at = DateTimeOffset.UtcNow.AddDays(-20);
        object[] responses =
        [
            new { instrumentId = "phq9", answers = new[] { 1, 2, 0, 3, 1, 0, 2, 1, 1 }, context = "baseline", answeredAt = at },
            new { instrumentId = "gad7", answers = new[] { 0, 1, 1, 2, 0, 1, 3 }, context = "baseline", answeredAt = at.AddMinutes(5) },
            new { instrumentId = "bsri", answers = new[] { 10, 20, 30, 40, 50, 60, 70, 80 }, context = "pre-dose", answeredAt = at.AddDays(2) },
        ];
        foreach (var body in responses)
        {
            var stored = await nurse.PostJsonAsync($"/api/v1/patients/{patient}/responses", body);
            Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        }

        await app.AsSystemAsync(async services =>
        {
            var db = services.GetRequiredService<StillpointDbContext>();
            var start = Micro(at.AddDays(2).AddMinutes(10));
            var session = new DosingSession { ClinicId = clinic.Id, PatientId = patient, Phase = "Discharged", ScheduledFor = start, FinishedAt = start.AddHours(3), CreatedAt = start };
            db.Set<DosingSession>().Add(session);
            db.Set<SessionEntry>().AddRange(
                Vitals(session, start.AddMinutes(5), "Preparation", 128, 82, 71, 98, 14),
                Vitals(session, start.AddMinutes(50), "Integration", 141, null, 88, null, null));
            await db.SaveChangesAsync();
            return 0;
        });
        return patient;
    }

    /// <summary>Exports the patient to a FHIR bundle in <paramref name="folder"/> with the CLI and imports it into a new, empty clinic.</summary>
    public static async Task<(Guid ClinicId, (int Code, string Out, string Err) Import)> ExportAndImportAsync(StillpointTestApp app, TestClinic clinic, Guid patient, DirectoryInfo folder)
    {
        var export = await CliAsync(app, "export", "--format", "fhir", "--out", folder.FullName, "--patient", patient.ToString(), "--clinic", clinic.Id.ToString());
        Assert.True(export.Code == 0, export.Err);
        var empty = Guid.Parse((await CliAsync(app, "clinic", "add", "--name", "Imported")).Out.Trim());
        return (empty, await CliAsync(app, "import", "fhir", Path.Combine(folder.FullName, "bundle.json"), "--clinic", empty.ToString()));
    }

    public static async Task<(int Code, string Out, string Err)> CliAsync(StillpointTestApp app, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await StillpointCli.RunAsync([.. args, "--provider", app.Provider, "--connection", app.Database.ConnectionString], output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>What must survive a round trip: per response the answers and scores, per vitals record its values and time.</summary>
    public static Task<(List<string> Responses, List<string> Vitals, List<string> Patients)> SnapshotAsync(StillpointTestApp app, Guid clinicId) =>
        app.AsSystemAsync(async services =>
        {
            var db = services.GetRequiredService<StillpointDbContext>();
            var responses = await db.Set<InstrumentResponse>().AsNoTracking().Where(r => r.ClinicId == clinicId).ToListAsync();
            var vitals = await db.Set<SessionEntry>().AsNoTracking().Where(e => e.ClinicId == clinicId && e.Kind == EntryKinds.Vitals).ToListAsync();
            var patients = await db.Patients.AsNoTracking().Where(p => p.ClinicId == clinicId).ToListAsync();
            return (
                responses.Select(r => $"{r.InstrumentId} {r.Answers} {r.Total} {r.Severity} {r.Subscales} {r.AnsweredAt.UtcTicks} {r.Context} {r.DosingSessionId is not null}").Order(StringComparer.Ordinal).ToList(),
                vitals.Select(v => $"{v.At.UtcTicks} {v.Phase} {v.Systolic} {v.Diastolic} {v.HeartRate} {v.SpO2} {v.RespiratoryRate}").Order(StringComparer.Ordinal).ToList(),
                patients.Select(p => $"{p.Mrn} {p.GivenName} {p.FamilyName} {p.DateOfBirth} {p.Sex}").Order(StringComparer.Ordinal).ToList());
        });

    public static string[] Lines(string csv) => csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

    public static JsonElement Resource(JsonDocument bundle, string type) =>
        bundle.RootElement.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource")).First(r => r.GetProperty("resourceType").GetString() == type);

    private static SessionEntry Vitals(DosingSession s, DateTimeOffset at, string phase, int? sys, int? dia, int? hr, int? spo2, int? rr) => new()
    {
        ClinicId = s.ClinicId, PatientId = s.PatientId, SessionId = s.Id, Kind = EntryKinds.Vitals, At = at, RecordedAt = at, Phase = phase,
        Systolic = sys, Diastolic = dia, HeartRate = hr, SpO2 = spo2, RespiratoryRate = rr,
    };

    // PostgreSQL keeps microseconds: seed times it can store exactly.
    private static DateTimeOffset Micro(DateTimeOffset value) => new(value.UtcTicks - (value.UtcTicks % 10), TimeSpan.Zero);
}
