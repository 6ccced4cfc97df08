using Microsoft.EntityFrameworkCore;
using Stillpoint.Data;

namespace Stillpoint.Web.Dashboard;

/// <summary>The clinician filter's choices: the caller's clinic's accounts that wrote a treatment plan.</summary>
internal static class DashboardClinicians
{
    public static async Task<IReadOnlyList<ClinicianOptionDto>> ListAsync(StillpointDbContext db, Guid clinicId, IEnumerable<CohortPatient> cohort, CancellationToken ct)
    {
        var ids = cohort.Where(p => p.ClinicianId is not null).Select(p => p.ClinicianId!.Value).Distinct().ToList();
        var users = await db.Users.AsNoTracking()
            .Where(u => u.ClinicId == clinicId && ids.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName })
            .ToListAsync(ct);
        return [.. users.OrderBy(u => u.DisplayName, StringComparer.Ordinal).Select(u => new ClinicianOptionDto(u.Id, u.DisplayName))];
    }
}
