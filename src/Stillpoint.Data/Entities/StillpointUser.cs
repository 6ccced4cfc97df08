using Microsoft.AspNetCore.Identity;

namespace Stillpoint.Data.Entities;

/// <summary>An account: a staff member of one clinic, or a patient's portal login.</summary>
public sealed class StillpointUser : IdentityUser<Guid>
{
    public StillpointUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    public Guid ClinicId { get; set; }

    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The one role this account holds (see Stillpoint.Core.Access.Roles).</summary>
    public string Role { get; set; } = string.Empty;

    /// <summary>For a Patient account: the patient record it may see.</summary>
    public Guid? PatientId { get; set; }

    public bool IsDemo { get; set; }
}
