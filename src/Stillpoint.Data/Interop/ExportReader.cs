using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.Interop;
using Stillpoint.Data.Entities;
using Stillpoint.Data.Responses;
using Stillpoint.Data.Sessions;

namespace Stillpoint.Data.Interop;

/// <summary>
/// Loads what an export contains for one clinic (optionally one patient) and audits it: one read entry per
/// patient exported, naming the format. Only current, complete responses (no drafts, nothing superseded).
/// Filters by clinic explicitly, so it is correct for the CLI's system caller too.
/// </summary>
public static class ExportReader
{
    public const string AuditEntityType = "PatientExport";

    public static async Task<ExportSet> LoadAsync(StillpointDbContext db, Guid clinicId, IReadOnlyCollection<Guid>? patientIds, string format, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = patientIds?.ToList();
        var clinicPatients = db.Patients.AsNoTracking().Where(p => p.ClinicId == clinicId);
        var patients = await (ids is null ? clinicPatients : clinicPatients.Where(p => ids.Contains(p.Id)))
            .OrderBy(p => p.Mrn)
            .ToListAsync(ct);
        var responses = await CurrentResponsesAsync(db, clinicId, ids, ct);
        var sessions = await Only(db.Set<DosingSession>().AsNoTracking().Where(s => s.ClinicId == clinicId), ids)
            .OrderBy(s => s.ScheduledFor)
            .ToListAsync(ct);
        var entries = await Only(db.Set<SessionEntry>().AsNoTracking()
                .Where(e => e.ClinicId == clinicId && (e.Kind == EntryKinds.Vitals || e.Kind == EntryKinds.Administration)), ids)
            .OrderBy(e => e.At)
            .ToListAsync(ct);
        foreach (var patient in patients)
        {
            db.RecordRead(AuditEntityType, format, patient.Id, clinicId, "export: " + format);
        }

        await db.SaveChangesAsync(ct);
        var responsesOf = responses.ToLookup(r => r.PatientId);
        var sessionsOf = sessions.ToLookup(r => r.PatientId);
        var entriesOf = entries.ToLookup(e => e.SessionId);
        return new ExportSet([.. patients.Select(p => new ExportPatient(
            p.Id, p.Mrn, p.GivenName, p.FamilyName, p.DateOfBirth, p.Sex, p.Email, p.Phone,
            [.. responsesOf[p.Id].Select(ToExport)],
            [.. sessionsOf[p.Id].Select(s => ToExport(s, [.. entriesOf[s.Id]]))]))]);
    }

    private static async Task<List<InstrumentResponse>> CurrentResponsesAsync(StillpointDbContext db, Guid clinicId, List<Guid>? patientIds, CancellationToken ct)
    {
        var all = db.Set<InstrumentResponse>().AsNoTracking();
        return await Only(all.Where(r => r.ClinicId == clinicId && r.Status == ResponseValues.Complete && !all.Any(s => s.SupersedesId == r.Id)), patientIds)
            .OrderBy(r => r.AnsweredAt)
            .ToListAsync(ct);
    }

    /// <summary>The rows of the given patients only (all of the clinic's when null).</summary>
    private static IQueryable<T> Only<T>(IQueryable<T> rows, List<Guid>? patientIds)
        where T : IPatientOwned =>
        patientIds is null ? rows : rows.Where(r => patientIds.Contains(r.PatientId));

    private static ExportResponse ToExport(InstrumentResponse r) => new(
        r.Id, r.InstrumentId, r.InstrumentVersion, r.Context, r.AnsweredAt, r.DosingSessionId,
        JsonSerializer.Deserialize<int?[]>(r.Answers) ?? [],
        r.Total, r.Severity,
        JsonSerializer.Deserialize<Dictionary<string, decimal>>(r.Subscales) ?? []);

    private static ExportSession ToExport(DosingSession s, List<SessionEntry> entries)
    {
        var doses = entries.Where(e => e.Kind == EntryKinds.Administration && e.DoseMg is not null).Select(e => e.DoseMg!.Value).ToList();
        return new ExportSession(
            s.Id, s.Phase, s.ScheduledFor, s.CheckedInAt, s.DosingStartedAt, s.DosingEndedAt, s.FinishedAt, s.ComputedDoseMg,
            doses.Count == 0 ? null : doses.Sum(), s.GoNoGoVerdict,
            [.. entries.Where(e => e.Kind == EntryKinds.Vitals).Select(e =>
                new ExportVitals(e.Id, e.At, e.Phase, e.Source, e.Systolic, e.Diastolic, e.HeartRate, e.SpO2, e.RespiratoryRate))]);
    }
}
