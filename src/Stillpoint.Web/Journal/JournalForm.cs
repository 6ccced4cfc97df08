using Stillpoint.Web.Sessions.Pages;

namespace Stillpoint.Web.Journal;

/// <summary>What the patient's entry form posted, parsed (field errors for anything that does not parse).</summary>
internal sealed record JournalForm(string? Text, int? Mood, string? TagsText, Guid? SessionId, bool Shared, int? Version)
{
    public IReadOnlyList<string> Tags => (TagsText ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public static JournalForm Read(FormReader form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new(form.Text("text"), form.Int("mood"), form.Text("tags"), form.Id("sessionId"), form.Checked("sharedWithCareTeam"), form.Int("version"));
    }

    public static JournalForm Of(JournalEntryDto entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.Text, entry.Mood, string.Join(", ", entry.Tags), entry.SessionId, entry.SharedWithCareTeam, entry.Version);
    }
}
