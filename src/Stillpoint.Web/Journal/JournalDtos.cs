using Stillpoint.Data.Journal;

namespace Stillpoint.Web.Journal;

public sealed record JournalEntryDto(
    Guid Id,
    Guid PatientId,
    string Kind,
    string? PromptText,
    string Text,
    int Mood,
    IReadOnlyList<string> Tags,
    Guid? SessionId,
    bool SharedWithCareTeam,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version)
{
    internal static JournalEntryDto From(JournalEntry e) => new(
        e.Id, e.PatientId, e.Kind, e.PromptText, e.Text, e.Mood, JournalTags.Split(e.Tags), e.SessionId, e.SharedWithCareTeam,
        e.CreatedAt, e.UpdatedAt, e.Version);
}

/// <summary>A new entry. The prompt text is not sent: the server copies the clinic's current prompt for the kind.</summary>
public sealed record NewJournalEntryRequest(string? Kind, string? Text, int? Mood, IReadOnlyList<string>? Tags, Guid? SessionId, bool? SharedWithCareTeam);

/// <summary>An edit of an entry's content and sharing (the kind and prompt stay as written). Send the version you edited.</summary>
public sealed record JournalEntryUpdate(string? Text, int? Mood, IReadOnlyList<string>? Tags, Guid? SessionId, bool? SharedWithCareTeam, int? Version);

public sealed record JournalSharingRequest(bool? SharedWithCareTeam, int? Version);

/// <summary>One of the patient's own sessions an entry can be linked to.</summary>
public sealed record JournalSessionChoice(Guid Id, DateTimeOffset ScheduledFor, string Phase);

public sealed record JournalPromptSetDto(string Kind, string Title, string Prompt);

/// <summary>The clinic's three prompt sets; <c>Version</c> 0 and <c>IsDefault</c> while no wording has been saved.</summary>
public sealed record JournalPromptsDto(IReadOnlyList<JournalPromptSetDto> Sets, int Version, bool IsDefault)
{
    public string PromptFor(string kind) => Sets.FirstOrDefault(s => string.Equals(s.Kind, kind, StringComparison.Ordinal))?.Prompt ?? string.Empty;
}

public sealed record JournalPromptsUpdate(string? Intention, string? EveningAfter, string? WeekAfter, int? Version);

public sealed record IntegrationNoteDto(
    Guid Id,
    Guid PatientId,
    Guid SessionId,
    DateTimeOffset? SessionScheduledFor,
    string Text,
    Guid AuthorId,
    string AuthorName,
    IReadOnlyList<JournalEntryDto> LinkedSharedEntries,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version);

/// <summary>A new note (version omitted) or an edit (send the version you edited).</summary>
public sealed record IntegrationNoteRequest(Guid? SessionId, string? Text, IReadOnlyList<Guid>? JournalEntryIds, int? Version);
