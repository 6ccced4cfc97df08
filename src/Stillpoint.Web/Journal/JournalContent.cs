using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.Common;
using Stillpoint.Data;
using Stillpoint.Data.Journal;
using Stillpoint.Data.Sessions;

namespace Stillpoint.Web.Journal;

/// <summary>Validation of what a patient writes in an entry, shared by create and edit.</summary>
internal static class JournalContent
{
    public const int MoodMin = 0;
    public const int MoodMax = 10;

    /// <summary>Checks text and mood, returns the normalized tags; errors use the API's field names.</summary>
    public static IReadOnlyList<string> Validate(string? text, int? mood, IReadOnlyList<string>? tags, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add("text", "Write something: a few words are enough.");
        }
        else if (text.Trim().Length > JournalLimits.Text)
        {
            errors.Add("text", $"At most {JournalLimits.Text} characters.");
        }

        if (mood is null)
        {
            errors.Add("mood", $"Choose a mood from {MoodMin} to {MoodMax}.");
        }
        else if (mood is < MoodMin or > MoodMax)
        {
            errors.Add("mood", $"Mood is a number from {MoodMin} (lowest) to {MoodMax} (best).");
        }

        return JournalTags.Normalize(tags, errors);
    }

    /// <summary>A linked session must be one of this patient's own sessions (another's answers the same as none).</summary>
    public static async Task CheckSessionAsync(StillpointDbContext db, Guid? sessionId, Guid patientId, ValidationErrors errors, CancellationToken ct)
    {
        if (sessionId is { } id && !await db.Set<DosingSession>().AnyAsync(s => s.Id == id && s.PatientId == patientId, ct))
        {
            errors.Add("sessionId", "Choose one of your own sessions, or none.");
        }
    }

    public static void Apply(JournalEntry entry, string text, int mood, IReadOnlyList<string> tags, Guid? sessionId, bool shared)
    {
        entry.Text = text.Trim();
        entry.Mood = mood;
        entry.Tags = JournalTags.Join(tags);
        entry.SessionId = sessionId;
        entry.SharedWithCareTeam = shared;
    }

    /// <summary>A patient's sessions, newest first, as choices for linking an entry or a note.</summary>
    public static async Task<IReadOnlyList<JournalSessionChoice>> SessionsOfAsync(StillpointDbContext db, Guid patientId, CancellationToken ct) =>
        await db.Set<DosingSession>().AsNoTracking().Where(s => s.PatientId == patientId)
            .OrderByDescending(s => s.ScheduledFor).Take(50)
            .Select(s => new JournalSessionChoice(s.Id, s.ScheduledFor, s.Phase)).ToListAsync(ct);
}
