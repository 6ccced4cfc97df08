using System.Security.Claims;
using Stillpoint.Data.Access;

namespace Stillpoint.Web.Auth;

/// <summary>Claim types Stillpoint adds to a signed-in principal.</summary>
internal static class StillpointClaims
{
    public const string Clinic = "stillpoint:clinic";
    public const string Patient = "stillpoint:patient";
}

/// <summary>
/// The caller of the current request, read from the signed-in principal. Start-up tasks switch a scope to the
/// system caller explicitly with <see cref="UseSystem"/>; nothing becomes system by accident.
/// </summary>
internal sealed class CallerContext(IHttpContextAccessor http) : ICallerContext
{
    private bool _system;

    private ClaimsPrincipal? User => http.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;

    public bool IsSystem => _system;

    public Guid? ClinicId => ReadGuid(StillpointClaims.Clinic);

    public Guid? PatientId => ReadGuid(StillpointClaims.Patient);

    public Guid? UserId => ReadGuid(ClaimTypes.NameIdentifier);

    public string? Role => _system ? "system" : User?.FindFirstValue(ClaimTypes.Role);

    public string? RequestId => http.HttpContext?.TraceIdentifier;

    public void UseSystem() => _system = true;

    private Guid? ReadGuid(string claim) =>
        Guid.TryParse(User?.FindFirstValue(claim), out var value) ? value : null;
}
