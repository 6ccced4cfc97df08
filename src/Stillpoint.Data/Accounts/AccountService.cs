using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.Access;
using Stillpoint.Core.Common;
using Stillpoint.Data.Entities;

namespace Stillpoint.Data.Accounts;

/// <summary>What is needed to open an account.</summary>
public sealed record NewAccount(Guid ClinicId, string Role, string Email, string Password, string DisplayName, Guid? PatientId = null, bool IsDemo = false);

/// <summary>Creates accounts with the clinic, role and policy checks in one place (web, CLI and demo seeding).</summary>
public sealed class AccountService(UserManager<StillpointUser> users, StillpointDbContext db)
{
    public async Task<Outcome<StillpointUser>> CreateAsync(NewAccount account, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        var role = Roles.Normalize(account.Role);
        if (role is null)
        {
            return Outcome<StillpointUser>.Invalid("role", $"Unknown role '{account.Role}'. Roles: {string.Join(", ", Roles.All)}.");
        }

        if (role == Roles.Patient && account.PatientId is null)
        {
            return Outcome<StillpointUser>.Invalid("patientId", "A Patient account must be linked to a patient record.");
        }

        if (!await db.Clinics.AnyAsync(c => c.Id == account.ClinicId, ct))
        {
            return Outcome<StillpointUser>.Invalid("clinic", $"No clinic with id {account.ClinicId}.");
        }

        var user = new StillpointUser
        {
            UserName = account.Email,
            Email = account.Email,
            EmailConfirmed = true,
            ClinicId = account.ClinicId,
            Role = role,
            DisplayName = account.DisplayName,
            PatientId = account.PatientId,
            IsDemo = account.IsDemo,
        };
        var result = await users.CreateAsync(user, account.Password);
        if (!result.Succeeded)
        {
            return Outcome<StillpointUser>.Invalid(ToErrors(result));
        }

        return Outcome<StillpointUser>.Ok(user);
    }

    private static ValidationErrors ToErrors(IdentityResult result)
    {
        var errors = new ValidationErrors();
        foreach (var error in result.Errors)
        {
            var field = error.Code.Contains("Password", StringComparison.Ordinal) ? "password"
                : error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal) ? "email"
                : "account";
            errors.Add(field, error.Description);
        }

        return errors;
    }
}
