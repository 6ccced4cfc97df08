using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.Access;
using Stillpoint.Data.Sessions;

namespace Stillpoint.Data.Journal;

/// <summary>
/// Synthetic journal demo data for the portal patient, about the patient's latest past session (one completed three
/// days ago is added if there is none, so seed this after the follow-up demo data that books the patient's sessions):
/// an intention entry shared with the care team, a private evening-after entry, and the demo therapist's integration
/// note on that session linking the shared entry. All text is invented.
/// </summary>
public static class JournalDemoData
{
    public static async Task SeedAsync(StillpointDbContext db, Guid clinicId, Guid patientId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = db.Time.GetUtcNow();
        var therapist = await db.Users.FirstAsync(u => u.ClinicId == clinicId && u.Role == Roles.Therapist, ct);
        var session = await db.Set<DosingSession>().Where(s => s.PatientId == patientId && s.ScheduledFor <= now)
            .OrderByDescending(s => s.ScheduledFor).Select(s => new { s.Id, s.ScheduledFor }).FirstOrDefaultAsync(ct);
        var (sessionId, at) = session is null ? AddPastSession(db, clinicId, patientId, now.AddDays(-3)) : (session.Id, session.ScheduledFor);
        var shared = new JournalEntry
        {
            ClinicId = clinicId, PatientId = patientId, Kind = JournalKinds.Intention, PromptText = JournalPrompts.DefaultIntention,
            Text = "I want to notice the moment the replaying starts, and not argue with it.", Mood = 4, Tags = "rumination,sleep",
            SessionId = sessionId, SharedWithCareTeam = true, CreatedAt = at.AddHours(-2), UpdatedAt = at.AddHours(-2),
        };
        var kept = new JournalEntry
        {
            ClinicId = clinicId, PatientId = patientId, Kind = JournalKinds.EveningAfter, PromptText = JournalPrompts.DefaultEveningAfter,
            Text = "Tired but lighter. A memory of the lake house came up; I am not ready to talk about it yet.", Mood = 6, Tags = "family",
            SessionId = sessionId, SharedWithCareTeam = false, CreatedAt = at.AddHours(8), UpdatedAt = at.AddHours(8),
        };
        db.AddRange(shared, kept);
        db.Add(new IntegrationNote
        {
            ClinicId = clinicId, PatientId = patientId, SessionId = sessionId, AuthorId = therapist.Id, AuthorName = therapist.DisplayName,
            Text = "Intention was to catch the start of the replay loop. Practise the noticing exercise daily; review at the week-after check-in.",
            JournalEntryIds = shared.Id.ToString(), CreatedAt = at.AddDays(1), UpdatedAt = at.AddDays(1),
        });
        await db.SaveChangesAsync(ct);
    }

    private static (Guid Id, DateTimeOffset At) AddPastSession(StillpointDbContext db, Guid clinicId, Guid patientId, DateTimeOffset at)
    {
        var session = new DosingSession
        {
            ClinicId = clinicId, PatientId = patientId, Phase = "Discharged", ScheduledFor = at, CheckedInAt = at,
            DosingStartedAt = at.AddMinutes(30), DosingEndedAt = at.AddMinutes(70), FinishedAt = at.AddHours(3), CreatedAt = at.AddDays(-7),
        };
        db.Add(session);
        return (session.Id, at);
    }
}
