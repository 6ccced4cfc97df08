namespace Stillpoint.Data.Journal;

/// <summary>The prompt shown for each journal kind: the clinic's own wording if saved, else these defaults.</summary>
public static class JournalPrompts
{
    public const string DefaultIntention =
        "Before this session: what would you like to bring into it? A sentence or two about what you hope to notice, loosen or ask yourself.";

    public const string DefaultEveningAfter =
        "This evening: what stays with you from today's session? Images, feelings, thoughts — and how busy or quiet your mind feels now.";

    public const string DefaultWeekAfter =
        "A week on: what, if anything, has shifted since the session? When did the old loops come back, and what helped you step out of them?";

    /// <summary>The prompt for <paramref name="kind"/> under the clinic's settings (null settings = defaults; free = none).</summary>
    public static string? For(JournalPromptSettings? settings, string kind) => kind switch
    {
        JournalKinds.Intention => settings?.IntentionPrompt ?? DefaultIntention,
        JournalKinds.EveningAfter => settings?.EveningAfterPrompt ?? DefaultEveningAfter,
        JournalKinds.WeekAfter => settings?.WeekAfterPrompt ?? DefaultWeekAfter,
        _ => null,
    };
}
