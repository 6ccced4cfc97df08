using Stillpoint.Core.Instruments.Definitions;

namespace Stillpoint.Core.Instruments.Parsing;

/// <summary>Small shared readers: provenance, reference values, response scales.</summary>
internal static class CommonParsers
{
    private static readonly Dictionary<string, bool> Statuses = new(StringComparer.Ordinal)
    {
        [Provenance.VerifiedStatus] = true,
        [Provenance.UnverifiedStatus] = false,
    };

    private static readonly Dictionary<string, bool> ScaleTypes = new(StringComparer.Ordinal)
    {
        ["options"] = false,
        ["slider"] = true,
    };

    /// <summary>Every number in a definition carries "source" and "status" beside it.</summary>
    public static Provenance ReadProvenance(JsonField field) =>
        new(field.String("source"), field.Choice("status", Statuses));

    /// <summary>A {"value", "source", "status"} object; a null value means "not published".</summary>
    public static ReferenceValue? OptionalReferenceValue(JsonField parent, string name)
    {
        var field = parent.Optional(name);
        if (field is null)
        {
            return null;
        }

        var value = field.Value.Optional("value");
        return value is null ? null : new ReferenceValue(value.Value.AsDecimal(), ReadProvenance(field.Value));
    }

    public static ResponseScale Scale(JsonField field)
    {
        var isSlider = field.Choice("type", ScaleTypes);
        var options = field.Array("options")
            .Select(option => new ResponseOption(option.Int("value"), option.String("label")))
            .ToList();
        if (options.Count < 2)
        {
            throw field.Required("options").Error("needs at least two options (or two slider anchors)");
        }

        if (options.Select(option => option.Value).Distinct().Count() != options.Count)
        {
            throw field.Required("options").Error("values must be distinct");
        }

        return new ResponseScale(options, isSlider, ReadProvenance(field));
    }
}
