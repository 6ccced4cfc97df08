using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.Access;
using Stillpoint.Core.Instruments;
using Stillpoint.Data.Accounts;
using Stillpoint.Data.Audit;
using Stillpoint.Data.Entities;
using Stillpoint.Data.Outcomes;

namespace Stillpoint.Data.Demo;

/// <summary>What a network seed did.</summary>
public sealed record NetworkSeedResult(Guid ClinicId, int PatientsBefore, int PatientsAdded, long Rows);

/// <summary>
/// Seeds a synthetic network clinic ("Stillpoint Synthetic Network", separate from the small demo clinic) with N
/// patients of plausible courses: plans with route, indication and induction count, dosing sessions with light
/// vitals, and about 100 questionnaire responses each (10,000 patients ≈ 1M responses). For benchmarks and for
/// looking at outcome views with realistic volumes; every value is invented.
/// <para>
/// Rows go in through <see cref="AuditedBatch"/>: one transaction per batch of patients, provider-native bulk inserts,
/// and a "create" audit entry per row as every clinical write has. Patient i is always drawn the same way, so a
/// re-run adds only the patients still missing (an interrupted run resumes; a finished one changes nothing).
/// Staff accounts (demo password, locked when demo mode is off) let you sign in to the clinic.
/// </para>
/// </summary>
public sealed class NetworkSeeder(StillpointDbContext db, AccountService accounts)
{
    public const string ClinicName = "Stillpoint Synthetic Network";
    public const string AdminEmail = "admin@network.stillpoint.test";
    public const int Prescribers = 6;
    public const int MaxPatients = 1_000_000;

    private const int Seed = 20261122;
    private const int PatientsPerBatch = 40;
    private const string NurseEmail = "nurse@network.stillpoint.test";

    private static readonly AuditActor Actor = new(null, "system", "network-seed");

    public static string PrescriberEmail(int index) => string.Create(CultureInfo.InvariantCulture, $"prescriber{index + 1}@network.stillpoint.test");

    /// <param name="progress">Told the number of patients in the clinic after each committed batch.</param>
    public async Task<NetworkSeedResult> SeedAsync(int patients, InstrumentLibrary instruments, IProgress<int>? progress, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(patients, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(patients, MaxPatients);
        ArgumentNullException.ThrowIfNull(instruments);
        var clinicId = await EnsureClinicAsync(ct);
        var staff = await StaffAsync(clinicId, ct);
        var before = await db.Patients.CountAsync(p => p.ClinicId == clinicId, ct);
        var today = DateOnly.FromDateTime(db.Time.GetUtcNow().UtcDateTime);
        var rows = new NetworkRows(instruments, clinicId, db.Time.GetUtcNow());
        long written = 0;

        // Build the next batch (scoring is CPU work) while the current one is written.
        var next = before < patients ? Task.Run(() => Build(rows, before, Math.Min(patients, before + PatientsPerBatch), today, staff), ct) : null;
        for (var start = before; start < patients; start += PatientsPerBatch)
        {
            var batch = await next!;
            var end = Math.Min(patients, start + PatientsPerBatch);
            next = end < patients ? Task.Run(() => Build(rows, end, Math.Min(patients, end + PatientsPerBatch), today, staff), ct) : null;
            written += await WriteAsync(batch, ct);
            progress?.Report(end);
        }

        if (before < patients)
        {
            // The batches bypass SaveChanges and with it the summaries' upkeep: rebuild them once at the end.
            written += await new OutcomeSummaryRebuild(db).RebuildAsync(clinicId, ct);
        }

        return new NetworkSeedResult(clinicId, before, Math.Max(0, patients - before), written);
    }

    private static List<NetworkPatientRows> Build(NetworkRows rows, int from, int to, DateOnly today, IReadOnlyList<NetworkStaff> staff)
    {
        var built = new List<NetworkPatientRows>(to - from);
        for (var index = from; index < to; index++)
        {
            var profile = NetworkProfile.Draw(index, Seed, today, staff.Count);
            built.Add(rows.Build(profile, staff[profile.ClinicianIndex]));
        }

        return built;
    }

    private async Task<long> WriteAsync(List<NetworkPatientRows> patients, CancellationToken ct)
    {
        long count = 0;
        await db.RunAuditedBatchAsync((batch, _) =>
        {
            // Parent tables first: the batch writes each type in the order it first saw it.
            foreach (var patient in patients)
            {
                batch.InsertAudited(patient.Patient, Actor);
                batch.InsertAudited(patient.Plan, Actor);
                Insert(batch, patient.Revisions);
                Insert(batch, patient.Sessions);
                Insert(batch, patient.Entries);
                Insert(batch, patient.Responses);
            }

            count = batch.AuditCount;
            return Task.CompletedTask;
        }, ct);
        return count;
    }

    private static void Insert<T>(AuditedBatch batch, IEnumerable<T> rows)
        where T : class, IClinicScoped
    {
        foreach (var row in rows)
        {
            batch.InsertAudited(row, Actor);
        }
    }

    private async Task<Guid> EnsureClinicAsync(CancellationToken ct)
    {
        var clinic = await db.Clinics.FirstOrDefaultAsync(c => c.Name == ClinicName && !c.IsDemo, ct);
        if (clinic is null)
        {
            clinic = new Clinic { Name = ClinicName, CreatedAt = db.Time.GetUtcNow() };
            db.Clinics.Add(clinic);
            await db.SaveChangesAsync(ct);
        }

        await EnsureAccountAsync(clinic.Id, Roles.ClinicAdmin, AdminEmail, "Network Admin", ct);
        await EnsureAccountAsync(clinic.Id, Roles.Nurse, NurseEmail, "Network Nurse", ct);
        for (var i = 0; i < Prescribers; i++)
        {
            await EnsureAccountAsync(clinic.Id, Roles.Prescriber, PrescriberEmail(i), string.Create(CultureInfo.InvariantCulture, $"Network Prescriber {i + 1}"), ct);
        }

        return clinic.Id;
    }

    private async Task EnsureAccountAsync(Guid clinicId, string role, string email, string name, CancellationToken ct)
    {
        if (await db.Users.AnyAsync(u => u.Email == email, ct))
        {
            return;
        }

        var created = await accounts.CreateAsync(new NewAccount(clinicId, role, email, DemoSeeder.Password, name, IsDemo: true), ct);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"Network account {email} could not be created: {string.Join("; ", created.Errors!.Messages)}");
        }
    }

    private async Task<IReadOnlyList<NetworkStaff>> StaffAsync(Guid clinicId, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.ClinicId == clinicId).Select(u => new { u.Id, u.Email, u.DisplayName }).ToListAsync(ct);
        var nurse = users.Single(u => u.Email == NurseEmail).Id;
        return [.. Enumerable.Range(0, Prescribers).Select(i => users.Single(u => u.Email == PrescriberEmail(i))).Select(p => new NetworkStaff(p.Id, p.DisplayName, nurse))];
    }
}
