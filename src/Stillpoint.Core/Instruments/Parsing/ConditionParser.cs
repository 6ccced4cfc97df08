using Stillpoint.Core.Instruments.Conditions;

namespace Stillpoint.Core.Instruments.Parsing;

/// <summary>
/// Reads a condition object. Accepted shapes:
/// <c>{"item": 9, "atLeast": 1}</c>, <c>{"item": 2, "equals": 1}</c>, <c>{"item": 9, "unanswered": true}</c>,
/// <c>{"totalAtLeast": 33}</c> or <c>{"totalAtLeast": {"parameter": "name"}}</c>,
/// <c>{"countOf": [1, 2], "valueAtLeast": 2, "countAtLeast": 1}</c>, <c>{"allOf": [...]}</c>, <c>{"anyOf": [...]}</c>.
/// </summary>
internal static class ConditionParser
{
    public static Condition Parse(JsonField field)
    {
        if (field.Has("allOf"))
        {
            return new AllOf(ParseParts(field.Required("allOf")));
        }

        if (field.Has("anyOf"))
        {
            return new AnyOf(ParseParts(field.Required("anyOf")));
        }

        if (field.Has("totalAtLeast"))
        {
            return new TotalAtLeast(ParseThreshold(field.Required("totalAtLeast")));
        }

        if (field.Has("countOf"))
        {
            var items = field.Required("countOf").AsIntList();
            var minCount = field.Int("countAtLeast");
            if (items.Count == 0 || minCount < 1 || minCount > items.Count)
            {
                throw field.Error("'countOf' needs items and a 'countAtLeast' between 1 and their number");
            }

            return new CountAtLeast(items, field.Int("valueAtLeast"), minCount);
        }

        if (field.Has("item"))
        {
            return ParseItemCondition(field);
        }

        throw field.Error("is not a condition: expected 'item', 'totalAtLeast', 'countOf', 'allOf' or 'anyOf'");
    }

    private static Condition ParseItemCondition(JsonField field)
    {
        var number = field.Int("item");
        if (field.Has("atLeast"))
        {
            return new ItemAtLeast(number, field.Int("atLeast"));
        }

        if (field.Has("equals"))
        {
            return new ItemEquals(number, field.Int("equals"));
        }

        if (field.OptionalBool("unanswered"))
        {
            return new ItemUnanswered(number);
        }

        throw field.Error("an item condition needs 'atLeast', 'equals' or 'unanswered': true");
    }

    private static List<Condition> ParseParts(JsonField array)
    {
        var parts = array.AsArray().Select(Parse).ToList();
        return parts.Count > 0 ? parts : throw array.Error("must list at least one condition");
    }

    private static Threshold ParseThreshold(JsonField field) =>
        field.Element.ValueKind == System.Text.Json.JsonValueKind.Object
            ? Threshold.FromParameter(field.String("parameter"))
            : Threshold.Of(field.AsDecimal());
}
