using Microsoft.EntityFrameworkCore;
using Stillpoint.Data;

namespace Stillpoint.Web.Alerts;

/// <summary>The display name recorded as "who" on alert and booster decisions.</summary>
internal static class CallerNames
{
    public static async Task<string> OfCallerAsync(StillpointDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var id = db.Caller.UserId;
        var name = id is null ? null : await db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        return string.IsNullOrWhiteSpace(name) ? db.Caller.Role ?? "unknown" : name;
    }
}
