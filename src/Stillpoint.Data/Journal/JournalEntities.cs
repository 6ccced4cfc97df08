using Stillpoint.Data.Entities;

namespace Stillpoint.Data.Journal;

/// <summary>The prompt sets a journal entry can be written under; "free" has no prompt.</summary>
public static class JournalKinds
{
    public const string Intention = "intention";
    public const string EveningAfter = "evening-after";
    public const string WeekAfter = "week-after";
    public const string Free = "free";

    public static readonly IReadOnlyList<string> All = [Intention, EveningAfter, WeekAfter, Free];

    public static string Title(string kind) => kind switch
    {
        Intention => "Before a session",
        EveningAfter => "The evening after",
        WeekAfter => "A week after",
        _ => "Free entry",
    };
}

/// <summary>
/// A patient's own journal entry (intention before a session, integration after). Editable by the patient with
/// optimistic concurrency; the patient alone decides, per entry and at any time, whether the care team sees it.
/// </summary>
public sealed class JournalEntry : IPatientOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ClinicId { get; set; }

    public Guid PatientId { get; set; }

    /// <summary>One of <see cref="JournalKinds"/>; fixed when the entry is written.</summary>
    public string Kind { get; set; } = JournalKinds.Free;

    /// <summary>The prompt as the patient saw it (a copy: later prompt edits do not rewrite old entries).</summary>
    public string? PromptText { get; set; }

    public string Text { get; set; } = string.Empty;

    public int Mood { get; set; }

    /// <summary>Normalized tags joined by commas (see <c>JournalTags</c>); empty when none.</summary>
    public string Tags { get; set; } = string.Empty;

    /// <summary>The patient's own dosing session this entry is about, if any.</summary>
    public Guid? SessionId { get; set; }

    public bool SharedWithCareTeam { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; }
}

/// <summary>A clinic's own wording of the three journal prompts. Absent until an admin first saves; defaults apply.</summary>
public sealed class JournalPromptSettings : IClinicScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ClinicId { get; set; }

    public string IntentionPrompt { get; set; } = string.Empty;

    public string EveningAfterPrompt { get; set; } = string.Empty;

    public string WeekAfterPrompt { get; set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid? UpdatedBy { get; set; }

    public int Version { get; set; }
}

/// <summary>
/// A therapist's or prescriber's integration note about one dosing session, optionally pointing at journal entries
/// the patient shared. Staff only: no endpoint or page open to a patient account ever reads it.
/// </summary>
public sealed class IntegrationNote : IPatientOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ClinicId { get; set; }

    public Guid PatientId { get; set; }

    public Guid SessionId { get; set; }

    public string Text { get; set; } = string.Empty;

    /// <summary>
    /// Linked journal entry ids joined by commas (at most a handful; a join table would add a keyless audit shape
    /// for no query we need). An entry the patient later makes private stays linked but is not shown.
    /// </summary>
    public string JournalEntryIds { get; set; } = string.Empty;

    public Guid AuthorId { get; set; }

    public string AuthorName { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; }
}
