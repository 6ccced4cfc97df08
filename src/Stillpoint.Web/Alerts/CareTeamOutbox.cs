using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.Access;
using Stillpoint.Data;
using Stillpoint.Data.Alerts;
using Stillpoint.Data.Outbox;

namespace Stillpoint.Web.Alerts;

/// <summary>
/// Outbox messages to the care team about an alert, added to the caller's unit of work. Recipients: the clinic's
/// clinical accounts (prescribers, nurses, therapists) for a new alert; prescribers only for an escalation. Admins are
/// not clinical responders. Bodies are neutral — no patient name, score, answer or alert kind — with a link into the
/// inbox, where a signed-in staff member sees the details.
/// </summary>
internal static class CareTeamOutbox
{
    public const string AlertKind = "alert";
    public const string EscalationKind = "alert-escalation";

    private static readonly string[] Responders = [Roles.Prescriber, Roles.Nurse, Roles.Therapist];

    /// <summary>Queues one email per responder; returns how many were queued.</summary>
    public static Task<int> NewAlertAsync(StillpointDbContext db, CareAlert alert, CancellationToken ct) =>
        EnqueueAsync(db, alert, Responders, AlertKind, new OutboxWriter.Body(
            "Stillpoint: an alert needs review",
            "A new alert for your clinic's care team is waiting in Stillpoint. Sign in to review it.",
            Link(alert)), ct);

    public static Task<int> EscalationAsync(StillpointDbContext db, CareAlert alert, CancellationToken ct) =>
        EnqueueAsync(db, alert, [Roles.Prescriber], EscalationKind, new OutboxWriter.Body(
            "Stillpoint: an urgent alert is unacknowledged",
            "An urgent alert in Stillpoint has not been acknowledged within your clinic's time and is escalated to you. Sign in to review it now.",
            Link(alert)), ct);

    public static string Link(CareAlert alert) => string.Create(CultureInfo.InvariantCulture, $"/alerts?focus={alert.Id}");

    private static async Task<int> EnqueueAsync(StillpointDbContext db, CareAlert alert, string[] roles, string kind, OutboxWriter.Body body, CancellationToken ct)
    {
        var now = db.Time.GetUtcNow();
        var recipients = await db.Users.AsNoTracking()
            .Where(u => u.ClinicId == alert.ClinicId && roles.Contains(u.Role) && u.Email != null)
            .Select(u => new { u.Id, u.Email, u.LockoutEnd })
            .ToListAsync(ct);
        var queued = 0;
        foreach (var user in recipients.Where(u => u.LockoutEnd is null || u.LockoutEnd <= now).OrderBy(u => u.Id))
        {
            var message = new OutboxMessage
            {
                ClinicId = alert.ClinicId,
                PatientId = alert.PatientId,
                RecipientUserId = user.Id,
                RecipientAddress = user.Email!,
                Channel = OutboxChannels.Email,
                Kind = kind,
                Payload = OutboxWriter.Payload(body),
                DedupKey = string.Create(CultureInfo.InvariantCulture, $"{kind}/{alert.Id}/{user.Id}"),
            };
            if (await OutboxWriter.EnqueueAsync(db, message, ct))
            {
                queued++;
            }
        }

        return queued;
    }
}
