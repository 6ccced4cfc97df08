using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.Sessions;
using Stillpoint.Data;
using Stillpoint.Data.FollowUp;
using Stillpoint.Data.Outbox;
using Stillpoint.Data.Sessions;

namespace Stillpoint.Web.FollowUp;

/// <summary>
/// Writes one patient's reminders (issue 6 §6): a questionnaire whose window is open and unanswered, and a session
/// booked within the next day. Each reminder is an in-app notification plus the same neutral message in the outbox
/// (to the patient's email), in one transaction; dedup keys make a second run, or another node, write nothing again.
/// </summary>
internal static class ReminderWriter
{
    /// <summary>Session preparation reminders go out from this long before the booked time ("the day before").</summary>
    public static TimeSpan SessionLead { get; } = TimeSpan.FromDays(1);

    private sealed record Reminder(string Kind, string Key, string Title, string Text);

    /// <summary>Returns how many reminders were written (0 when all already existed).</summary>
    public static async Task<int> WriteAsync(StillpointDbContext db, ScheduleService schedules, Guid patientId, DateTimeOffset now, CancellationToken ct)
    {
        var patient = await db.Patients.AsNoTracking().Where(p => p.Id == patientId)
            .Select(p => new { p.Id, p.ClinicId, p.Email, p.UserId }).FirstOrDefaultAsync(ct);
        var schedule = await schedules.ComputeAsync(patientId, now, ct);
        if (patient is null || schedule is null)
        {
            return 0;
        }

        var reminders = schedule.Open
            .Select(s => new Reminder(NotificationKinds.QuestionnaireDue, $"questionnaire/{patientId:N}/{s.Item.Key}", ReminderText.QuestionnaireTitle, ReminderText.Questionnaire(s.Item.Window.Due)))
            .ToList();
        var soon = await db.Set<DosingSession>().AsNoTracking()
            .Where(s => s.PatientId == patientId && s.Phase == nameof(SessionPhase.Scheduled) && s.ScheduledFor > now && s.ScheduledFor <= now + SessionLead)
            .Select(s => new { s.Id, s.ScheduledFor })
            .ToListAsync(ct);
        reminders.AddRange(soon.Select(s => new Reminder(
            NotificationKinds.SessionPreparation, $"session/{s.Id:N}/{s.ScheduledFor.UtcTicks}", ReminderText.SessionTitle, ReminderText.Session(s.ScheduledFor))));
        var keys = reminders.Select(r => r.Key).ToList();
        var existing = await db.Set<PatientNotification>().AsNoTracking()
            .Where(n => n.ClinicId == patient.ClinicId && keys.Contains(n.DedupKey)).Select(n => n.DedupKey).ToListAsync(ct);
        var fresh = reminders.Where(r => !existing.Contains(r.Key)).ToList();
        if (fresh.Count == 0)
        {
            return 0;
        }

        var email = patient.Email ?? await db.Users.Where(u => u.Id == patient.UserId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            foreach (var reminder in fresh)
            {
                db.Add(new PatientNotification
                {
                    ClinicId = patient.ClinicId, PatientId = patientId, Kind = reminder.Kind, Title = reminder.Title, Text = reminder.Text,
                    Link = "/portal", DedupKey = reminder.Key, CreatedAt = now,
                });
                if (!string.IsNullOrWhiteSpace(email))
                {
                    await OutboxWriter.EnqueueAsync(db, new OutboxMessage
                    {
                        ClinicId = patient.ClinicId, PatientId = patientId, RecipientUserId = patient.UserId, RecipientAddress = email,
                        Channel = OutboxChannels.Email, Kind = reminder.Kind, DedupKey = $"reminder/{reminder.Key}/email",
                        Payload = OutboxWriter.Payload(new OutboxWriter.Body(reminder.Title, reminder.Text, "/portal")),
                    }, ct);
                }
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return fresh.Count;
        }
        catch (DbUpdateException)
        {
            // Another node wrote the same reminder first: it exists once, which is all that matters.
            db.ChangeTracker.Clear();
            return 0;
        }
    }
}
