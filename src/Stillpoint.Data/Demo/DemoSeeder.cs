using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.Access;
using Stillpoint.Core.Patients;
using Stillpoint.Data.Accounts;
using Stillpoint.Data.Entities;

namespace Stillpoint.Data.Demo;

/// <summary>A demo account that the start-up banner and the README name.</summary>
public sealed record DemoAccount(string Role, string Email);

/// <summary>
/// Seeds a synthetic demo clinic (every staff role, a handful of patients, one patient portal login).
/// All names and numbers are invented. Demo accounts can sign in only while demo mode is on.
/// </summary>
public sealed class DemoSeeder(StillpointDbContext db, AccountService accounts, UserManager<StillpointUser> users)
{
    public const string ClinicName = "Stillpoint Demo Clinic";
    public const string Password = "Stillpoint-Demo-1";

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new(Roles.ClinicAdmin, "admin@demo.stillpoint.test"),
        new(Roles.Prescriber, "prescriber@demo.stillpoint.test"),
        new(Roles.Nurse, "nurse@demo.stillpoint.test"),
        new(Roles.Therapist, "therapist@demo.stillpoint.test"),
        new(Roles.Patient, "patient@demo.stillpoint.test"),
    ];

    private static readonly (string Mrn, string Given, string Family, int BirthYear, Sex Sex, decimal Kg)[] Patients =
    [
        ("DEMO-1001", "Avery", "Lindqvist", 1984, Sex.Female, 64.5m),
        ("DEMO-1002", "Jonah", "Okafor", 1979, Sex.Male, 82.0m),
        ("DEMO-1003", "Mira", "Castellanos", 1991, Sex.Female, 58.2m),
        ("DEMO-1004", "Theo", "Varga", 1967, Sex.Male, 90.4m),
        ("DEMO-1005", "Sasha", "Brennan", 1996, Sex.Intersex, 70.0m),
        ("DEMO-1006", "Ines", "Halvorsen", 1973, Sex.Female, 75.8m),
    ];

    /// <summary>Creates the demo clinic the first time; later calls only make sure its accounts are usable.</summary>
    public async Task<Guid> SeedAsync(CancellationToken ct)
    {
        var clinic = await db.Clinics.FirstOrDefaultAsync(c => c.IsDemo, ct);
        if (clinic is not null)
        {
            await SetAccountsEnabledAsync(true, ct);
            return clinic.Id;
        }

        clinic = new Clinic { Name = ClinicName, IsDemo = true, CreatedAt = db.Time.GetUtcNow() };
        db.Clinics.Add(clinic);
        var patients = Patients.Select(p => NewPatient(clinic.Id, p)).ToList();
        db.Patients.AddRange(patients);
        await db.SaveChangesAsync(ct);
        await CreateAccountsAsync(clinic.Id, patients[0], ct);
        await Assessment.AssessmentDemoData.SeedAsync(db, clinic.Id, patients[1].Id, ct); // Jonah Okafor: intake awaiting sign-off
        var prescriber = await db.Users.FirstAsync(u => u.ClinicId == clinic.Id && u.Email == "prescriber@demo.stillpoint.test", ct);
        await Sessions.SessionDemoData.SeedAsync(db, clinic.Id, patients[2].Id, "Mira Castellanos", prescriber.Id, ct); // ready to dose today
        await FollowUp.FollowUpDemoData.SeedAsync(db, clinic.Id, patients[0].Id, prescriber.Id, ct); // Avery Lindqvist: active plan, dosed a week ago, questionnaires due now
        await Outcomes.OutcomesDemoData.SeedAsync(db, clinic.Id, patients[5].Id, prescriber.Id, ct); // Ines Halvorsen: induction, booster, outcome history
        await Journal.JournalDemoData.SeedAsync(db, clinic.Id, patients[0].Id, ct); // Avery Lindqvist: one shared, one private entry, one note
        await Alerts.AlertsDemoData.SeedAsync(db, clinic.Id, patients[4].Id, patients[3].Id, ct); // Sasha Brennan: open suicide-risk alert; Theo Varga: booster suggestion
        return clinic.Id;
    }

    /// <summary>Locks (or unlocks) every demo account: with demo mode off they cannot sign in.</summary>
    public async Task SetAccountsEnabledAsync(bool enabled, CancellationToken ct)
    {
        var demoUsers = await db.Users.Where(u => u.IsDemo).ToListAsync(ct);
        foreach (var user in demoUsers)
        {
            await users.SetLockoutEndDateAsync(user, enabled ? null : DateTimeOffset.MaxValue);
        }
    }

    private async Task CreateAccountsAsync(Guid clinicId, Patient portalPatient, CancellationToken ct)
    {
        foreach (var account in Accounts)
        {
            var patientId = account.Role == Roles.Patient ? portalPatient.Id : (Guid?)null;
            var name = account.Role == Roles.Patient ? $"{portalPatient.GivenName} {portalPatient.FamilyName}" : $"Demo {account.Role}";
            var created = await accounts.CreateAsync(new NewAccount(clinicId, account.Role, account.Email, Password, name, patientId, IsDemo: true), ct);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {account.Email} could not be created: {string.Join("; ", created.Errors!.Messages)}");
            }

            if (patientId is not null)
            {
                portalPatient.UserId = created.Value!.Id;
                await db.SaveChangesAsync(ct);
            }
        }
    }

    private Patient NewPatient(Guid clinicId, (string Mrn, string Given, string Family, int BirthYear, Sex Sex, decimal Kg) p)
    {
        var today = DateOnly.FromDateTime(db.Time.GetUtcNow().UtcDateTime);
        var patient = new Patient { ClinicId = clinicId, Mrn = p.Mrn, GivenName = p.Given, FamilyName = p.Family };
        patient.Apply(new PatientInput(p.Mrn, p.Given, p.Family, new DateOnly(p.BirthYear, 3, 14), p.Sex, null, null, p.Kg, today.AddDays(-7)));
        return patient;
    }
}
