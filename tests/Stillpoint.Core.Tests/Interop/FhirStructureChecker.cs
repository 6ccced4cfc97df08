using System.Text.Json;
using System.Text.RegularExpressions;

namespace Stillpoint.Core.Tests.Interop;

/// <summary>
/// An independent structural check of FHIR R4 JSON, written from the R4 specification (not from our mapper):
/// resourceType, 1..1 elements and their value sets per resource, ids, fullUrls, dateTime formats, that every
/// reference resolves within the bundle, and that vital signs carry LOINC codes with UCUM units.
/// </summary>
internal static partial class FhirStructureChecker
{
    private static readonly string[] BundleTypes = ["document", "message", "transaction", "transaction-response", "batch", "batch-response", "history", "searchset", "collection"];
    private static readonly string[] QuestionnaireStatus = ["draft", "active", "retired", "unknown"];
    private static readonly string[] ItemTypes = ["group", "display", "boolean", "decimal", "integer", "date", "dateTime", "time", "string", "text", "url", "choice", "open-choice", "attachment", "reference", "quantity"];
    private static readonly string[] ResponseStatus = ["in-progress", "completed", "amended", "entered-in-error", "stopped"];
    private static readonly string[] ObservationStatus = ["registered", "preliminary", "final", "amended", "corrected", "cancelled", "entered-in-error", "unknown"];
    private static readonly string[] EncounterStatus = ["planned", "arrived", "triaged", "in-progress", "onleave", "finished", "cancelled", "entered-in-error", "unknown"];
    private static readonly string[] Genders = ["male", "female", "other", "unknown"];

    public static List<string> Check(string json)
    {
        var problems = new List<string>();
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Expect(problems, Text(root, "resourceType") == "Bundle", "root resourceType must be Bundle");
        Expect(problems, BundleTypes.Contains(Text(root, "type")), "Bundle.type missing or invalid");
        CheckDateTime(problems, "Bundle", root, "timestamp");
        var fullUrls = new HashSet<string>(StringComparer.Ordinal);
        var entries = root.TryGetProperty("entry", out var e) ? e.EnumerateArray().ToList() : [];
        foreach (var entry in entries)
        {
            var url = Text(entry, "fullUrl") ?? "";
            Expect(problems, UuidUrn().IsMatch(url), $"fullUrl '{url}' is not a urn:uuid");
            fullUrls.Add(url);
        }

        for (var i = 0; i < entries.Count; i++)
        {
            var resource = entries[i].GetProperty("resource");
            var where = $"entry {i} {Text(resource, "resourceType")}";
            Expect(problems, Text(resource, "id") is { } id && IdPattern().IsMatch(id), $"{where}: id missing or invalid");
            CheckResource(problems, where, resource);
            foreach (var reference in References(resource))
            {
                Expect(problems, fullUrls.Contains(reference), $"{where}: reference {reference} does not resolve");
            }
        }

        return problems;
    }

    private static void CheckResource(List<string> problems, string where, JsonElement r)
    {
        switch (Text(r, "resourceType"))
        {
            case "Patient":
                Expect(problems, Text(r, "gender") is null || Genders.Contains(Text(r, "gender")), $"{where}: gender invalid");
                Expect(problems, Text(r, "birthDate") is null || DatePattern().IsMatch(Text(r, "birthDate")!), $"{where}: birthDate invalid");
                break;
            case "Questionnaire":
                Expect(problems, QuestionnaireStatus.Contains(Text(r, "status")), $"{where}: status missing or invalid");
                foreach (var item in Array(r, "item"))
                {
                    Expect(problems, Text(item, "linkId") is not null, $"{where}: item.linkId missing");
                    Expect(problems, ItemTypes.Contains(Text(item, "type")), $"{where}: item.type missing or invalid");
                    Expect(problems, Array(item, "answerOption").All(o => o.TryGetProperty("valueCoding", out _)), $"{where}: answerOption without value");
                }

                break;
            case "QuestionnaireResponse":
                Expect(problems, ResponseStatus.Contains(Text(r, "status")), $"{where}: status missing or invalid");
                CheckDateTime(problems, where, r, "authored");
                foreach (var item in Array(r, "item"))
                {
                    Expect(problems, Text(item, "linkId") is not null, $"{where}: item.linkId missing");
                    Expect(problems, Array(item, "answer").All(a => a.EnumerateObject().Count(p => p.Name.StartsWith("value", StringComparison.Ordinal)) == 1), $"{where}: answer needs exactly one value[x]");
                }

                break;
            case "Observation":
                CheckObservation(problems, where, r);
                break;
            case "Encounter":
                Expect(problems, EncounterStatus.Contains(Text(r, "status")), $"{where}: status missing or invalid");
                Expect(problems, r.TryGetProperty("class", out var cls) && Text(cls, "system") is not null && Text(cls, "code") is not null, $"{where}: class missing");
                if (r.TryGetProperty("period", out var period))
                {
                    CheckDateTime(problems, where, period, "start");
                    CheckDateTime(problems, where, period, "end");
                }

                break;
            default:
                problems.Add($"{where}: unexpected resource type");
                break;
        }
    }

    private static void CheckObservation(List<string> problems, string where, JsonElement r)
    {
        Expect(problems, ObservationStatus.Contains(Text(r, "status")), $"{where}: status missing or invalid");
        Expect(problems, r.TryGetProperty("code", out var code) && Array(code, "coding").Any(c => Text(c, "system") is not null && Text(c, "code") is not null), $"{where}: code missing");
        CheckDateTime(problems, where, r, "effectiveDateTime");
        var vital = Array(r, "category").SelectMany(c => Array(c, "coding")).Any(c => Text(c, "code") == "vital-signs");
        if (!vital)
        {
            return;
        }

        Expect(problems, Array(code, "coding").Any(c => Text(c, "system") == "http://loinc.org"), $"{where}: vital sign without a LOINC code");
        var quantities = Array(r, "component").Select(c => c.GetProperty("valueQuantity")).ToList();
        if (r.TryGetProperty("valueQuantity", out var value))
        {
            quantities.Add(value);
        }

        Expect(problems, quantities.Count > 0, $"{where}: vital sign without a value");
        Expect(problems, quantities.All(q => Text(q, "system") == "http://unitsofmeasure.org" && Text(q, "code") is not null && q.TryGetProperty("value", out _)), $"{where}: value not in UCUM");
        Expect(problems, Array(r, "component").All(c => c.TryGetProperty("code", out _)), $"{where}: component.code missing");
    }

    private static IEnumerable<string> References(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name == "reference" && property.Value.ValueKind == JsonValueKind.String)
                {
                    yield return property.Value.GetString()!;
                }

                foreach (var nested in References(property.Value))
                {
                    yield return nested;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var nested in element.EnumerateArray().SelectMany(References))
            {
                yield return nested;
            }
        }
    }

    private static void CheckDateTime(List<string> problems, string where, JsonElement element, string name)
    {
        if (Text(element, name) is { } value)
        {
            Expect(problems, DateTimePattern().IsMatch(value), $"{where}: {name} '{value}' is not a FHIR dateTime");
        }
    }

    private static List<JsonElement> Array(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : [];

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static void Expect(List<string> problems, bool condition, string problem)
    {
        if (!condition)
        {
            problems.Add(problem);
        }
    }

    // The R4 dateTime regular expression (https://hl7.org/fhir/R4/datatypes.html#dateTime).
    [GeneratedRegex(@"^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?$")]
    private static partial Regex DateTimePattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^[A-Za-z0-9\-\.]{1,64}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex UuidUrn();
}
