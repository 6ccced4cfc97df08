using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.Instruments;
using Stillpoint.Core.Interop.Import;
using Stillpoint.Core.Patients;
using Stillpoint.Data.Entities;
using Stillpoint.Data.Responses;
using Stillpoint.Data.Sessions;

namespace Stillpoint.Data.Interop;

/// <summary>What an import did: counts when it stored everything, or the refusals when it stored nothing.</summary>
public sealed record ImportReport(
    bool Imported, int Patients, int Sessions, int Responses, int VitalsRecords,
    IReadOnlyList<ImportRefusal> Refusals, IReadOnlyList<ImportSkip> Skipped);

/// <summary>
/// Imports a FHIR Bundle into one clinic, all or nothing: the whole bundle is validated first (Core), then
/// patients' MRNs are checked against the clinic (an existing MRN is refused: no silent merge), and only if
/// nothing was refused is everything stored in one transaction. Responses are rescored by our engine.
/// Imported rows are audited as creates by the caller; no response-stored handlers run (history, not new answers).
/// </summary>
public static class FhirImporter
{
    public const string Source = "import";

    /// <summary>The context of an imported response that does not say (the other system did not record it).</summary>
    public const string DefaultContext = "follow-up";

    public static async Task<ImportReport> ImportAsync(
        StillpointDbContext db, InstrumentLibrary library, Guid clinicId, JsonDocument bundle, IProgress<int>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rules = new FhirImportRules(ResponseValues.Contexts, DefaultContext, db.Time.GetUtcNow());
        var plan = FhirImportValidator.Validate(bundle, library, rules, progress);
        await RefuseExistingMrnsAsync(db, clinicId, plan, ct);
        if (!plan.CanImport)
        {
            return new ImportReport(false, 0, 0, 0, 0, [.. plan.Refusals.OrderBy(r => r.Index)], [.. plan.Skipped]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        Store(db, clinicId, plan);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ImportReport(true, plan.Patients.Count, plan.Sessions.Count, plan.Responses.Count, plan.Vitals.Count, [], [.. plan.Skipped]);
    }

    private static async Task RefuseExistingMrnsAsync(StillpointDbContext db, Guid clinicId, ImportPlan plan, CancellationToken ct)
    {
        var mrns = plan.Patients.Select(p => p.Mrn).ToList();
        var existing = (await db.Patients.AsNoTracking()
            .Where(p => p.ClinicId == clinicId && mrns.Contains(p.Mrn))
            .Select(p => p.Mrn)
            .ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        foreach (var patient in plan.Patients.Where(p => existing.Contains(p.Mrn)))
        {
            plan.Refusals.Add(new ImportRefusal(patient.Index, "Patient", null,
                $"MRN '{patient.Mrn}' already exists in this clinic: importing onto an existing patient is not supported"));
        }
    }

    private static void Store(StillpointDbContext db, Guid clinicId, ImportPlan plan)
    {
        var now = db.Time.GetUtcNow();
        var by = db.Caller.UserId;
        var patients = plan.Patients.ToDictionary(p => p.Index, p => NewPatient(clinicId, p));
        db.Patients.AddRange(patients.Values);
        var sessions = plan.Sessions.ToDictionary(s => s.Key, s => new DosingSession
        {
            ClinicId = clinicId,
            PatientId = patients[s.PatientIndex].Id,
            Phase = s.Phase.ToString(),
            ScheduledFor = s.Start,
            FinishedAt = s.End,
            CreatedAt = now,
            CreatedBy = by,
        }, StringComparer.Ordinal);
        db.Set<DosingSession>().AddRange(sessions.Values);
        db.Set<SessionEntry>().AddRange(plan.Vitals.Select(v => new SessionEntry
        {
            ClinicId = clinicId,
            PatientId = patients[v.PatientIndex].Id,
            SessionId = sessions[v.SessionKey].Id,
            Kind = EntryKinds.Vitals,
            At = v.At,
            RecordedAt = now,
            RecordedBy = by,
            Phase = v.Phase?.ToString() ?? sessions[v.SessionKey].Phase,
            Source = Source,
            Systolic = v.Systolic,
            Diastolic = v.Diastolic,
            HeartRate = v.HeartRate,
            SpO2 = v.SpO2,
            RespiratoryRate = v.RespiratoryRate,
        }));
        db.Set<InstrumentResponse>().AddRange(plan.Responses.Select(r => NewResponse(clinicId, patients[r.PatientIndex].Id, r.SessionKey is { } key ? sessions[key].Id : null, r, now, by)));
    }

    private static Patient NewPatient(Guid clinicId, ImportedPatient p)
    {
        var patient = new Patient { ClinicId = clinicId, Mrn = "", GivenName = "", FamilyName = "" };
        patient.Apply(new PatientInput(p.Mrn, p.GivenName, p.FamilyName, p.BirthDate, p.Sex, p.Email, p.Phone, null, null));
        return patient;
    }

    private static InstrumentResponse NewResponse(Guid clinicId, Guid patientId, Guid? sessionId, ImportedResponse r, DateTimeOffset now, Guid? by) => new()
    {
        ClinicId = clinicId,
        PatientId = patientId,
        InstrumentId = r.Definition.Id,
        InstrumentVersion = r.Definition.Version,
        Answers = JsonSerializer.Serialize(r.Answers),
        AnsweredAt = r.AnsweredAt,
        RecordedAt = now,
        EnteredByUserId = by,
        EnteredBy = ResponseValues.EnteredByStaff,
        Context = r.Context,
        DosingSessionId = sessionId,
        Status = ResponseValues.Complete,
        Total = r.Score.Total,
        Severity = r.Score.Severity,
        Flags = JsonSerializer.Serialize(r.Score.Flags.Select(f => f.Name)),
        Subscales = JsonSerializer.Serialize(r.Score.Subscales.ToDictionary(s => s.Name, s => s.Value, StringComparer.Ordinal)),
        IsComplete = r.Score.IsComplete,
        IsProrated = r.Score.IsProrated,
        Explanation = JsonSerializer.Serialize(r.Score.Explanation),
    };
}
