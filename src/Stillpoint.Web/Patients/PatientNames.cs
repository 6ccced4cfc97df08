using Microsoft.EntityFrameworkCore;
using Stillpoint.Data;

namespace Stillpoint.Web.Patients;

/// <summary>Display names ("given family") for lists that show many patients: one query, caller's clinic only.</summary>
internal static class PatientNames
{
    public static async Task<Dictionary<Guid, string>> DisplayNamesAsync(this StillpointDbContext db, IEnumerable<Guid> patientIds, CancellationToken ct)
    {
        var ids = patientIds.Distinct().ToList();
        return await db.Patients.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.GivenName, p.FamilyName }).ToDictionaryAsync(p => p.Id, p => $"{p.GivenName} {p.FamilyName}", ct);
    }
}
