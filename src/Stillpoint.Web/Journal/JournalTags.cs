using Stillpoint.Core.Common;

namespace Stillpoint.Web.Journal;

/// <summary>
/// Free tags, normalized so "Sleep ", "sleep" and "SLEEP" are one tag: trimmed, lower-case, inner spaces as
/// hyphens, letters/digits/hyphens only, at most <see cref="MaxTags"/> distinct tags of <see cref="MaxLength"/> characters.
/// </summary>
internal static class JournalTags
{
    public const int MaxTags = 6;
    public const int MaxLength = 24;

    public static IReadOnlyList<string> Split(string stored) =>
        stored.Length == 0 ? [] : stored.Split(',');

    public static string Join(IReadOnlyList<string> tags) => string.Join(',', tags);

    /// <summary>The normalized distinct tags, or field errors under "tags".</summary>
    public static IReadOnlyList<string> Normalize(IReadOnlyList<string>? raw, ValidationErrors errors)
    {
        var tags = new List<string>();
        foreach (var item in raw ?? [])
        {
            var tag = NormalizeOne(item);
            if (tag.Length == 0)
            {
                continue;
            }

            if (tag.Length > MaxLength || !tag.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                errors.Add("tags", $"Tags use letters, digits and hyphens, at most {MaxLength} characters each.");
                return [];
            }

            if (!tags.Contains(tag, StringComparer.Ordinal))
            {
                tags.Add(tag);
            }
        }

        if (tags.Count > MaxTags)
        {
            errors.Add("tags", $"At most {MaxTags} tags.");
            return [];
        }

        return tags;
    }

    private static string NormalizeOne(string? item) =>
        string.Join('-', (item ?? string.Empty).ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
