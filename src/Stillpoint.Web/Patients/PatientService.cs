using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.Access;
using Stillpoint.Core.Common;
using Stillpoint.Core.Patients;
using Stillpoint.Data;
using Stillpoint.Data.Accounts;
using Stillpoint.Data.Entities;

namespace Stillpoint.Web.Patients;

/// <summary>Patient use cases shared by the API and the pages. Every read of a record is audited.</summary>
internal sealed class PatientService(StillpointDbContext db, AccountService accounts)
{
    public const int MaxPageSize = 100;

    public async Task<Outcome<PatientPage>> SearchAsync(string? query, int page, int pageSize, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (page < 1)
        {
            errors.Add("page", "Pages start at 1.");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors.Add("pageSize", $"Page size must be between 1 and {MaxPageSize}.");
        }

        if (query is { Length: > 100 })
        {
            errors.Add("search", "At most 100 characters.");
        }

        if (!errors.IsEmpty)
        {
            return Outcome<PatientPage>.Invalid(errors);
        }

        var patients = db.Patients.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query))
        {
            var needle = query.Trim().ToUpperInvariant();
            patients = patients.Where(p => p.SearchText.Contains(needle));
        }

        var total = await patients.CountAsync(ct);
        var items = await patients
            .OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ThenBy(p => p.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(ct);
        await db.AuditReadAsync(nameof(Patient), null, null, db.Caller.ClinicId, ct, $"list: {items.Count} of {total}");
        return Outcome<PatientPage>.Ok(new PatientPage([.. items.Select(PatientDto.From)], page, pageSize, total));
    }

    public async Task<Outcome<PatientDto>> GetAsync(Guid id, CancellationToken ct)
    {
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (patient is null)
        {
            return Outcome<PatientDto>.NotFound($"No patient {id}.");
        }

        await db.AuditReadAsync(nameof(Patient), patient.Id.ToString(), patient.Id, patient.ClinicId, ct);
        return Outcome<PatientDto>.Ok(PatientDto.From(patient));
    }

    public async Task<Outcome<PatientDto>> CreateAsync(PatientInput input, CancellationToken ct)
    {
        var errors = input.Validate(Today());
        if (!errors.IsEmpty)
        {
            return Outcome<PatientDto>.Invalid(errors);
        }

        var mrn = input.Mrn!.Trim();
        if (await db.Patients.AnyAsync(p => p.Mrn == mrn, ct))
        {
            return Outcome<PatientDto>.Invalid("mrn", $"MRN {mrn} is already used by another patient in this clinic.");
        }

        var patient = new Patient { Mrn = mrn, GivenName = string.Empty, FamilyName = string.Empty };
        patient.Apply(input);
        db.Patients.Add(patient);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Lost a race for the same MRN: the unique index refused it and nothing was written.
            return Outcome<PatientDto>.Invalid("mrn", $"MRN {mrn} is already used by another patient in this clinic.");
        }

        return Outcome<PatientDto>.Ok(PatientDto.From(patient));
    }

    public async Task<Outcome<PatientDto>> UpdateAsync(Guid id, PatientInput input, int? version, CancellationToken ct)
    {
        var patient = await db.Patients.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (patient is null)
        {
            return Outcome<PatientDto>.NotFound($"No patient {id}.");
        }

        var errors = input.Validate(Today());
        if (version is null)
        {
            errors.Add("version", "Send the version you edited, so a concurrent change is not overwritten.");
        }

        if (!errors.IsEmpty)
        {
            return Outcome<PatientDto>.Invalid(errors);
        }

        var mrn = input.Mrn!.Trim();
        if (await db.Patients.AnyAsync(p => p.Mrn == mrn && p.Id != id, ct))
        {
            return Outcome<PatientDto>.Invalid("mrn", $"MRN {mrn} is already used by another patient in this clinic.");
        }

        if (patient.Version != version)
        {
            return StaleVersion(patient.Version);
        }

        db.Entry(patient).Property(p => p.Version).OriginalValue = version!.Value;
        patient.Apply(input);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return StaleVersion(null);
        }

        return Outcome<PatientDto>.Ok(PatientDto.From(patient));
    }

    /// <summary>Creates a Patient-role login that sees only this patient's records.</summary>
    public async Task<Outcome<PatientDto>> CreatePortalLoginAsync(Guid id, PortalLoginRequest request, CancellationToken ct)
    {
        var patient = await db.Patients.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (patient is null)
        {
            return Outcome<PatientDto>.NotFound($"No patient {id}.");
        }

        if (patient.UserId is not null)
        {
            return Outcome<PatientDto>.Conflict("This patient already has a portal login.");
        }

        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            var errors = new ValidationErrors();
            if (string.IsNullOrWhiteSpace(request.Email))
            {
                errors.Add("email", "Email is required.");
            }

            if (string.IsNullOrEmpty(request.Password))
            {
                errors.Add("password", "A first password is required.");
            }

            return Outcome<PatientDto>.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var account = new NewAccount(patient.ClinicId, Roles.Patient, request.Email.Trim(), request.Password, $"{patient.GivenName} {patient.FamilyName}", patient.Id);
        var created = await accounts.CreateAsync(account, ct);
        if (!created.Succeeded)
        {
            return Outcome<PatientDto>.Invalid(created.Errors!);
        }

        patient.UserId = created.Value!.Id;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<PatientDto>.Ok(PatientDto.From(patient));
    }

    private static Outcome<PatientDto> StaleVersion(int? current) =>
        Outcome<PatientDto>.Conflict(current is null
            ? "Someone else changed this patient while you were editing. Reload and apply your change again."
            : $"Someone else changed this patient while you were editing (now version {current}). Reload and apply your change again.");

    private DateOnly Today() => DateOnly.FromDateTime(db.Time.GetUtcNow().UtcDateTime);
}
