using System.Text.Json;
using Stillpoint.Core.Interop.Fhir;

namespace Stillpoint.Core.Interop.Import;

/// <summary>One bundle entry before validation: its resource is still JSON, so a bad one is reported, not thrown.</summary>
public sealed record RawEntry(int Index, string? FullUrl, string ResourceType, string? Id, JsonElement Resource)
{
    public T? As<T>()
        where T : FhirResource => Resource.Deserialize<T>(FhirJson.Options);
}

/// <summary>Reads a Bundle's envelope and entries; entries are typed later, one by one.</summary>
public static class FhirBundleReader
{
    public static (List<RawEntry> Entries, List<ImportRefusal> Refusals) Read(JsonDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var entries = new List<RawEntry>();
        var refusals = new List<ImportRefusal>();
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || Text(root, "resourceType") != "Bundle")
        {
            refusals.Add(new ImportRefusal(-1, null, null, "The file is not a FHIR Bundle (resourceType must be \"Bundle\")."));
            return (entries, refusals);
        }

        if (Text(root, "type") is null)
        {
            refusals.Add(new ImportRefusal(-1, "Bundle", Text(root, "id"), "Bundle.type is required."));
        }

        if (!root.TryGetProperty("entry", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return (entries, refusals); // an empty bundle imports nothing, and that is not an error
        }

        var index = 0;
        foreach (var entry in list.EnumerateArray())
        {
            ReadEntry(entry, index++, entries, refusals);
        }

        return (entries, refusals);
    }

    private static void ReadEntry(JsonElement entry, int index, List<RawEntry> entries, List<ImportRefusal> refusals)
    {
        if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("resource", out var resource) || resource.ValueKind != JsonValueKind.Object)
        {
            refusals.Add(new ImportRefusal(index, null, null, "The entry has no resource."));
            return;
        }

        var type = Text(resource, "resourceType");
        if (type is null)
        {
            refusals.Add(new ImportRefusal(index, null, Text(resource, "id"), "resourceType is required."));
            return;
        }

        entries.Add(new RawEntry(index, Text(entry, "fullUrl"), type, Text(resource, "id"), resource));
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
