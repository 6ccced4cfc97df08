using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.Common;
using Stillpoint.Data;

namespace Stillpoint.Web.Audit;

public sealed record AuditEntryDto(
    long Sequence,
    DateTimeOffset At,
    Guid? UserId,
    string? UserEmail,
    string? Role,
    string Action,
    string EntityType,
    string? EntityId,
    Guid? PatientId,
    string? RequestId,
    string? Details);

public sealed record AuditPage(IReadOnlyList<AuditEntryDto> Items, int Page, int PageSize, int Total);

/// <summary>Browsing the clinic's audit trail (admins), newest first. The query filter keeps it to the clinic.</summary>
internal sealed class AuditLogService(StillpointDbContext db)
{
    public async Task<Outcome<AuditPage>> BrowseAsync(Guid? patientId, Guid? userId, int page, int pageSize, CancellationToken ct)
    {
        if (page < 1 || pageSize is < 1 or > 200)
        {
            return Outcome<AuditPage>.Invalid(page < 1 ? "page" : "pageSize", page < 1 ? "Pages start at 1." : "Page size must be between 1 and 200.");
        }

        var entries = db.AuditEntries.AsNoTracking();
        if (patientId is { } patient)
        {
            entries = entries.Where(a => a.PatientId == patient);
        }

        if (userId is { } user)
        {
            entries = entries.Where(a => a.UserId == user);
        }

        var total = await entries.CountAsync(ct);
        var rows = await entries.OrderByDescending(a => a.Sequence).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var userIds = rows.Where(r => r.UserId is not null).Select(r => r.UserId!.Value).Distinct().ToList();
        var emails = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, ct);
        var items = rows.Select(r => new AuditEntryDto(
            r.Sequence, r.At, r.UserId, r.UserId is { } id ? emails.GetValueOrDefault(id) : null, r.Role, r.Action,
            r.EntityType, r.EntityId, r.PatientId, r.RequestId, r.Details)).ToList();
        return Outcome<AuditPage>.Ok(new AuditPage(items, page, pageSize, total));
    }
}
