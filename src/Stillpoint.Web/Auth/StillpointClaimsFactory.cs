using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Stillpoint.Data.Entities;

namespace Stillpoint.Web.Auth;

/// <summary>Puts the account's role, clinic and (for patients) patient id into its sign-in principal.</summary>
internal sealed class StillpointClaimsFactory(UserManager<StillpointUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StillpointUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StillpointUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role));
        identity.AddClaim(new Claim(StillpointClaims.Clinic, user.ClinicId.ToString()));
        identity.AddClaim(new Claim(ClaimTypes.GivenName, user.DisplayName));
        if (user.PatientId is { } patientId)
        {
            identity.AddClaim(new Claim(StillpointClaims.Patient, patientId.ToString()));
        }

        return identity;
    }
}
