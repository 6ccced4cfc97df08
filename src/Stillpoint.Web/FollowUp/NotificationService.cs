using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.Common;
using Stillpoint.Data;
using Stillpoint.Data.FollowUp;

namespace Stillpoint.Web.FollowUp;

/// <summary>A reminder as the patient sees it.</summary>
public sealed record NotificationDto(Guid Id, string Kind, string Title, string Text, string Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

/// <summary>The signed-in patient's in-app reminders: list (unread first) and mark as read.</summary>
internal sealed class NotificationService(StillpointDbContext db)
{
    private const int ListLimit = 50;

    public async Task<Outcome<IReadOnlyList<NotificationDto>>> ListAsync(CancellationToken ct)
    {
        if (db.Caller.PatientId is not { } patientId)
        {
            return Outcome<IReadOnlyList<NotificationDto>>.Forbidden("Reminders are for patient accounts.");
        }

        var rows = await db.Set<PatientNotification>().AsNoTracking()
            .Where(n => n.PatientId == patientId)
            .OrderBy(n => n.ReadAt != null).ThenByDescending(n => n.CreatedAt)
            .Take(ListLimit)
            .ToListAsync(ct);
        await db.AuditReadAsync(nameof(PatientNotification), null, patientId, db.Caller.ClinicId, ct, string.Create(CultureInfo.InvariantCulture, $"list: {rows.Count}"));
        return Outcome<IReadOnlyList<NotificationDto>>.Ok([.. rows.Select(ToDto)]);
    }

    /// <summary>Marks one of the caller's own reminders read; marking it again changes nothing.</summary>
    public async Task<Outcome<NotificationDto>> MarkReadAsync(Guid id, CancellationToken ct)
    {
        if (db.Caller.PatientId is not { } patientId)
        {
            return Outcome<NotificationDto>.Forbidden("Reminders are for patient accounts.");
        }

        var row = await db.Set<PatientNotification>().FirstOrDefaultAsync(n => n.Id == id && n.PatientId == patientId, ct);
        if (row is null)
        {
            return Outcome<NotificationDto>.NotFound($"No reminder {id}.");
        }

        if (row.ReadAt is null)
        {
            // PostgreSQL keeps microseconds: truncate so what is returned now equals what is read back later.
            var now = db.Time.GetUtcNow();
            row.ReadAt = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % 10), TimeSpan.Zero);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Marked read at the same moment elsewhere (another tab): the outcome is the same.
                db.ChangeTracker.Clear();
                row = await db.Set<PatientNotification>().AsNoTracking().FirstAsync(n => n.Id == id, ct);
            }
        }

        return Outcome<NotificationDto>.Ok(ToDto(row));
    }

    private static NotificationDto ToDto(PatientNotification n) => new(n.Id, n.Kind, n.Title, n.Text, n.Link, n.CreatedAt, n.ReadAt);
}
