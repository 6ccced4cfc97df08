using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Stillpoint.Core.Common;
using Stillpoint.Core.Instruments.Definitions;

namespace Stillpoint.Core.Instruments.Wording;

/// <summary>Official item wording read from a clinic's file, keyed by our item id.</summary>
/// <param name="InstrumentId">Our instrument id.</param>
/// <param name="TextByItemId">Official text for each matched item (our item id → text).</param>
/// <param name="Format">"fhir" or "stillpoint".</param>
/// <param name="Ignored">Entries of the file that matched none of our items (for the operator).</param>
public sealed record WordingImport(string InstrumentId, IReadOnlyDictionary<string, string> TextByItemId, string Format, IReadOnlyList<string> Ignored);

/// <summary>
/// Reads licensed official wording that a clinic loads (issue 3 item 2). Two formats:
/// a FHIR R4 <c>Questionnaire</c> (items matched by <c>linkId</c> equal to our item id, else by item
/// number in <c>linkId</c> or <c>prefix</c>; their <c>text</c> is taken), or our own
/// <c>{"instrument": "phq9", "items": {"1": "text", ...}}</c> keyed by item number or item id.
/// Pure: the caller reads the file. Never logs or echoes the wording in errors.
/// </summary>
public static partial class WordingFileParser
{
    /// <summary>The longest wording accepted for one item.</summary>
    public const int MaxTextLength = 2000;

    /// <summary>The largest file accepted (characters).</summary>
    public const int MaxFileLength = 1_000_000;

    /// <param name="library">Our instruments.</param>
    /// <param name="json">The file's text.</param>
    /// <param name="instrumentId">The instrument the operator chose; null = tell from the file.</param>
    /// <returns>The wording, or field errors keyed "file", "instrument" or "items".</returns>
    public static Outcome<WordingImport> Parse(InstrumentLibrary library, string? json, string? instrumentId)
    {
        ArgumentNullException.ThrowIfNull(library);
        if (string.IsNullOrWhiteSpace(json))
        {
            return Outcome<WordingImport>.Invalid("file", "The file is empty.");
        }

        if (json.Length > MaxFileLength)
        {
            return Outcome<WordingImport>.Invalid("file", $"The file is larger than {MaxFileLength} characters.");
        }

        if (!string.IsNullOrWhiteSpace(instrumentId) && !library.TryGet(instrumentId.Trim(), out _))
        {
            return Outcome<WordingImport>.Invalid("instrument", $"Unknown instrument '{instrumentId.Trim()}'.");
        }

        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Outcome<WordingImport>.Invalid("file", "Expected a JSON object: a FHIR Questionnaire or {\"instrument\": ..., \"items\": {...}}.");
            }

            if (root.TryGetProperty("resourceType", out var resourceType))
            {
                return resourceType.ValueKind == JsonValueKind.String && resourceType.GetString() == "Questionnaire"
                    ? ParseFhir(library, root, instrumentId)
                    : Outcome<WordingImport>.Invalid("file", "A FHIR resource must be a Questionnaire (resourceType).");
            }

            return ParseOwn(library, root, instrumentId);
        }
        catch (JsonException exception)
        {
            return Outcome<WordingImport>.Invalid("file", string.Create(CultureInfo.InvariantCulture, $"Not valid JSON (line {exception.LineNumber + 1})."));
        }
    }

    private static Outcome<WordingImport> ParseOwn(InstrumentLibrary library, JsonElement root, string? chosen)
    {
        var named = root.TryGetProperty("instrument", out var instrument) && instrument.ValueKind == JsonValueKind.String ? instrument.GetString() : null;
        var id = !string.IsNullOrWhiteSpace(chosen) ? chosen.Trim() : named;
        if (string.IsNullOrWhiteSpace(id) || !library.TryGet(id, out var definition))
        {
            return Outcome<WordingImport>.Invalid("instrument", id is null
                ? "The file names no instrument: add \"instrument\" or choose one."
                : $"Unknown instrument '{id}'.");
        }

        if (!string.IsNullOrWhiteSpace(chosen) && named is not null && !string.Equals(named, definition.Id, StringComparison.Ordinal))
        {
            return Outcome<WordingImport>.Invalid("instrument", $"The file is for '{named}', not '{definition.Id}'.");
        }

        if (!root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Object)
        {
            return Outcome<WordingImport>.Invalid("items", "Expected \"items\": an object from item number (or item id) to its text.");
        }

        var errors = new ValidationErrors();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in items.EnumerateObject())
        {
            var field = $"items.{entry.Name}";
            var item = FindItem(definition, entry.Name);
            if (item is null)
            {
                errors.Add(field, $"{definition.Id} has no item '{entry.Name}' (use 1–{definition.Items.Count} or an item id).");
            }
            else if (entry.Value.ValueKind != JsonValueKind.String)
            {
                errors.Add(field, "Expected the item's text as a string.");
            }
            else if (CheckText(entry.Value.GetString()) is { } problem)
            {
                errors.Add(field, problem);
            }
            else if (!texts.TryAdd(item.Id, entry.Value.GetString()!.Trim()))
            {
                errors.Add(field, $"Item {item.Number.ToString(CultureInfo.InvariantCulture)} is given twice.");
            }
        }

        if (errors.IsEmpty && texts.Count == 0)
        {
            errors.Add("items", "No item wording in the file.");
        }

        return errors.IsEmpty
            ? Outcome<WordingImport>.Ok(new WordingImport(definition.Id, texts, "stillpoint", []))
            : Outcome<WordingImport>.Invalid(errors);
    }

    private static Outcome<WordingImport> ParseFhir(InstrumentLibrary library, JsonElement root, string? chosen)
    {
        InstrumentDefinition? definition;
        if (!string.IsNullOrWhiteSpace(chosen))
        {
            definition = library.Get(chosen.Trim());
        }
        else
        {
            definition = IdentifyFhir(library, root);
            if (definition is null)
            {
                return Outcome<WordingImport>.Invalid("instrument", "Could not tell which instrument this Questionnaire is (its id, name or url does not name one of ours): choose the instrument.");
            }
        }

        var questions = new List<JsonElement>();
        if (root.TryGetProperty("item", out var rootItems) && rootItems.ValueKind == JsonValueKind.Array)
        {
            Flatten(rootItems, questions);
        }

        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var ignored = new List<string>();
        var errors = new ValidationErrors();
        foreach (var question in questions)
        {
            var linkId = StringProperty(question, "linkId") ?? "";
            var text = StringProperty(question, "text");
            var item = MatchFhirItem(definition, linkId, StringProperty(question, "prefix"));
            if (item is null || text is null)
            {
                if (linkId.Length > 0)
                {
                    ignored.Add(linkId);
                }

                continue;
            }

            if (CheckText(text) is { } problem)
            {
                errors.Add($"item[{linkId}]", problem);
            }
            else if (!texts.TryAdd(item.Id, text.Trim()))
            {
                ignored.Add(linkId);
            }
        }

        if (errors.IsEmpty && texts.Count == 0)
        {
            errors.Add("items", $"No Questionnaire item matched a {definition.Id} item: linkId must be our item id (e.g. {definition.Items[0].Id}) or the item number (1–{definition.Items.Count.ToString(CultureInfo.InvariantCulture)}), or prefix the item number.");
        }

        return errors.IsEmpty
            ? Outcome<WordingImport>.Ok(new WordingImport(definition.Id, texts, "fhir", ignored))
            : Outcome<WordingImport>.Invalid(errors);
    }

    /// <summary>The instrument a Questionnaire names by its id, name or the last segment of its url.</summary>
    private static InstrumentDefinition? IdentifyFhir(InstrumentLibrary library, JsonElement root)
    {
        var url = StringProperty(root, "url");
        var candidates = new[] { StringProperty(root, "id"), StringProperty(root, "name"), url?[(url.LastIndexOf('/') + 1)..] };
        foreach (var candidate in candidates.OfType<string>().Select(Normalize))
        {
            var match = library.All.FirstOrDefault(definition => Normalize(definition.Id) == candidate);
            if (match is not null)
            {
                return match;
            }
        }

        return null;
    }

    private static void Flatten(JsonElement items, List<JsonElement> into)
    {
        foreach (var item in items.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.Object))
        {
            var isGroup = StringProperty(item, "type") == "group";
            if (!isGroup)
            {
                into.Add(item);
            }

            if (item.TryGetProperty("item", out var children) && children.ValueKind == JsonValueKind.Array)
            {
                Flatten(children, into);
            }
        }
    }

    private static InstrumentItem? MatchFhirItem(InstrumentDefinition definition, string linkId, string? prefix)
    {
        var byId = definition.Items.FirstOrDefault(item => string.Equals(item.Id, linkId, StringComparison.OrdinalIgnoreCase));
        if (byId is not null)
        {
            return byId;
        }

        foreach (var candidate in new[] { linkId, prefix })
        {
            if (candidate is not null && NumberLabel().Match(candidate.Trim()) is { Success: true } match
                && int.TryParse(match.Groups["number"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                && number >= 1 && number <= definition.Items.Count)
            {
                return definition.Item(number);
            }
        }

        return null;
    }

    private static InstrumentItem? FindItem(InstrumentDefinition definition, string key)
    {
        if (int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number >= 1 && number <= definition.Items.Count ? definition.Item(number) : null;
        }

        return definition.Items.FirstOrDefault(item => string.Equals(item.Id, key, StringComparison.Ordinal));
    }

    private static string? CheckText(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "The text is empty."
        : text.Trim().Length > MaxTextLength ? $"The text is longer than {MaxTextLength} characters."
        : null;

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Normalize(string text) =>
        new([.. text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

    /// <summary>"1", "01", "1.", "q1", "Q-1", "item_1", "1)": a label that is just an item number.</summary>
    [GeneratedRegex(@"^([A-Za-z]+[-_.]?)?0*(?<number>\d{1,3})[.)]?$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 100)]
    private static partial Regex NumberLabel();
}
