using System.Globalization;
using System.Text.Json;

namespace Stillpoint.Core.Instruments.Parsing;

/// <summary>
/// A JSON element plus its path in the file, so every read that fails can say which field.
/// </summary>
internal readonly record struct JsonField(JsonElement Element, string Path, string FileName)
{
    public InstrumentDefinitionException Error(string problem) => new(FileName, Path, problem);

    public JsonField Required(string name)
    {
        var child = Optional(name);
        return child ?? throw new InstrumentDefinitionException(FileName, Child(name), "is required but missing");
    }

    public JsonField? Optional(string name)
    {
        if (Element.ValueKind != JsonValueKind.Object)
        {
            throw Error("must be a JSON object");
        }

        return Element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? new JsonField(value, Child(name), FileName)
            : null;
    }

    public bool Has(string name) => Optional(name) is not null;

    public string String(string name) => Required(name).AsString();

    public string OptionalString(string name, string fallback) => Optional(name)?.AsString() ?? fallback;

    public int Int(string name) => Required(name).AsInt();

    public decimal Decimal(string name) => Required(name).AsDecimal();

    public bool OptionalBool(string name)
    {
        var field = Optional(name);
        if (field is null)
        {
            return false;
        }

        return field.Value.Element.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw field.Value.Error("must be true or false"),
        };
    }

    public IReadOnlyList<JsonField> Array(string name) => Required(name).AsArray();

    public IReadOnlyList<JsonField> OptionalArray(string name) => Optional(name)?.AsArray() ?? [];

    public string AsString()
    {
        if (Element.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(Element.GetString()))
        {
            throw Error("must be a non-empty string");
        }

        return Element.GetString()!;
    }

    public int AsInt() =>
        Element.ValueKind == JsonValueKind.Number && Element.TryGetInt32(out var value)
            ? value
            : throw Error("must be a whole number");

    public decimal AsDecimal() =>
        Element.ValueKind == JsonValueKind.Number && Element.TryGetDecimal(out var value)
            ? value
            : throw Error("must be a number");

    public IReadOnlyList<JsonField> AsArray()
    {
        if (Element.ValueKind != JsonValueKind.Array)
        {
            throw Error("must be a JSON array");
        }

        var path = Path;
        var fileName = FileName;
        return Element.EnumerateArray()
            .Select((element, index) => new JsonField(element, string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]"), fileName))
            .ToList();
    }

    public IReadOnlyList<int> AsIntList() => AsArray().Select(item => item.AsInt()).ToList();

    /// <summary>Maps a string field onto one of the allowed words, naming them when it is not one.</summary>
    public T Choice<T>(string name, IReadOnlyDictionary<string, T> allowed)
    {
        var field = Required(name);
        var text = field.AsString();
        return allowed.TryGetValue(text, out var value)
            ? value
            : throw field.Error($"'{text}' is not one of: {string.Join(", ", allowed.Keys.Select(key => $"'{key}'"))}");
    }

    private string Child(string name) => Path.Length == 0 ? name : $"{Path}.{name}";
}
