using System.Globalization;
using System.Text.Json;

namespace Stillpoint.Core.Eligibility;

/// <summary>A rule set that cannot be used; the message names the JSON path and the problem.</summary>
public sealed class RuleSetException : Exception
{
    public RuleSetException(string path, string problem)
        : base($"Eligibility rule set, field '{path}': {problem}")
    {
        Path = path;
        Problem = problem;
    }

    public RuleSetException()
        : this("(unknown)", "invalid rule set")
    {
    }

    public RuleSetException(string message)
        : this("(unknown)", message)
    {
    }

    public RuleSetException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = "(unknown)";
        Problem = message;
    }

    public string Path { get; }

    public string Problem { get; }
}

/// <summary>
/// Reads and validates an eligibility rule set from JSON. Everything is checked at load: unknown fields, values a
/// field cannot take, undeclared parameters, duplicate ids, missing explanation or source.
/// </summary>
public static class RuleSetParser
{
    public const int MaxRules = 200;
    public const int MaxTextLength = 2000;

    public static EligibilityRuleSet Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new RuleSetException("$", $"is not valid JSON ({ex.Message})");
        }

        using (document)
        {
            var root = document.RootElement;
            RequireObject(root, "$");
            var name = Text(root, "name", "$");
            var parameters = ParseParameters(root);
            var map = parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);
            var rules = ParseRules(root, map);
            return new EligibilityRuleSet(name, parameters, rules);
        }
    }

    private static List<RuleParameter> ParseParameters(JsonElement root)
    {
        var result = new List<RuleParameter>();
        if (!root.TryGetProperty("parameters", out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return result;
        }

        foreach (var (element, path) in Items(array, "$.parameters"))
        {
            var name = Text(element, "name", path);
            if (result.Any(p => p.Name == name))
            {
                throw new RuleSetException($"{path}.name", $"parameter '{name}' is declared twice");
            }

            result.Add(new RuleParameter(
                name,
                Number(element, "value", path),
                Text(element, "unit", path),
                Text(element, "description", path),
                Text(element, "source", path),
                Bool(element, "unverified", path)));
        }

        return result;
    }

    private static List<EligibilityRule> ParseRules(JsonElement root, Dictionary<string, RuleParameter> parameters)
    {
        if (!root.TryGetProperty("rules", out var array))
        {
            throw new RuleSetException("$.rules", "is required but missing");
        }

        var rules = new List<EligibilityRule>();
        foreach (var (element, path) in Items(array, "$.rules"))
        {
            var id = Text(element, "id", path);
            if (rules.Count >= MaxRules)
            {
                throw new RuleSetException(path, $"at most {MaxRules} rules");
            }

            if (rules.Any(r => r.Id == id))
            {
                throw new RuleSetException($"{path}.id", $"rule id '{id}' is used twice");
            }

            var outcome = Text(element, "outcome", path) switch
            {
                "exclude" => RuleOutcome.Exclude,
                "caution" => RuleOutcome.Caution,
                "info" => RuleOutcome.Info,
                var other => throw new RuleSetException($"{path}.outcome", $"'{other}' is not one of exclude, caution, info"),
            };
            if (!element.TryGetProperty("when", out var when))
            {
                throw new RuleSetException($"{path}.when", "is required but missing");
            }

            rules.Add(new EligibilityRule(
                id,
                outcome,
                ParseCondition(when, $"{path}.when", parameters),
                Text(element, "explanation", path),
                Text(element, "source", path),
                Bool(element, "unverified", path)));
        }

        return rules;
    }

    private static RuleCondition ParseCondition(JsonElement element, string path, Dictionary<string, RuleParameter> parameters)
    {
        RequireObject(element, path);
        if (element.TryGetProperty("anyOf", out var any))
        {
            return new AnyOfConditions([.. Items(any, $"{path}.anyOf").Select(i => ParseCondition(i.Element, i.Path, parameters))]);
        }

        if (element.TryGetProperty("allOf", out var all))
        {
            return new AllOfConditions([.. Items(all, $"{path}.allOf").Select(i => ParseCondition(i.Element, i.Path, parameters))]);
        }

        var fieldName = Text(element, "field", path);
        if (!IntakeFields.ByName.TryGetValue(fieldName, out var field))
        {
            throw new RuleSetException($"{path}.field", $"'{fieldName}' is not an intake field (known: {string.Join(", ", IntakeFields.ByName.Keys.Order(StringComparer.Ordinal))})");
        }

        if (element.TryGetProperty("equals", out _) || element.TryGetProperty("in", out _))
        {
            return ParseFieldIn(element, path, field);
        }

        if (element.TryGetProperty("contains", out _))
        {
            RequireKind(field, FieldKind.SymbolSet, path);
            var value = Text(element, "contains", path);
            RequireSymbol(field, value, $"{path}.contains");
            return new FieldContains(field.Name, value);
        }

        var op = element.TryGetProperty("greaterThan", out var limit) ? Comparison.GreaterThan
            : element.TryGetProperty("atLeast", out limit) ? Comparison.AtLeast
            : throw new RuleSetException(path, "needs one of anyOf, allOf, equals, in, contains, greaterThan, atLeast");
        RequireKind(field, FieldKind.Number, path);
        var limitPath = $"{path}.{(op == Comparison.GreaterThan ? "greaterThan" : "atLeast")}";
        if (limit.ValueKind == JsonValueKind.Number && limit.TryGetDecimal(out var literal))
        {
            return new FieldCompare(field.Name, op, literal, null);
        }

        if (limit.ValueKind == JsonValueKind.Object)
        {
            var parameter = Text(limit, "parameter", limitPath);
            return parameters.ContainsKey(parameter)
                ? new FieldCompare(field.Name, op, null, parameter)
                : throw new RuleSetException($"{limitPath}.parameter", $"'{parameter}' is not declared under parameters");
        }

        throw new RuleSetException(limitPath, "must be a number or {\"parameter\": name}");
    }

    private static FieldIn ParseFieldIn(JsonElement element, string path, IntakeField field)
    {
        RequireKind(field, FieldKind.Symbol, path);
        List<string> values = element.TryGetProperty("equals", out var single)
            ? [AsText(single, $"{path}.equals")]
            : [.. Items(element.GetProperty("in"), $"{path}.in").Select(i => AsText(i.Element, i.Path))];
        if (values.Count == 0)
        {
            throw new RuleSetException($"{path}.in", "needs at least one value");
        }

        foreach (var value in values)
        {
            RequireSymbol(field, value, path);
        }

        return new FieldIn(field.Name, values);
    }

    private static void RequireKind(IntakeField field, FieldKind kind, string path)
    {
        if (field.Kind != kind)
        {
            throw new RuleSetException(path, $"field '{field.Name}' is a {field.Kind.ToString().ToLowerInvariant()} field; this comparison needs a {kind.ToString().ToLowerInvariant()} field");
        }
    }

    private static void RequireSymbol(IntakeField field, string value, string path)
    {
        if (!field.Symbols.Contains(value, StringComparer.Ordinal))
        {
            throw new RuleSetException(path, $"'{value}' is not a value of '{field.Name}' (one of {string.Join(", ", field.Symbols)})");
        }
    }

    private static List<(JsonElement Element, string Path)> Items(JsonElement array, string path)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new RuleSetException(path, "must be an array");
        }

        return array.EnumerateArray().Select((e, i) => (e, string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"))).ToList();
    }

    private static void RequireObject(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new RuleSetException(path, "must be a JSON object");
        }
    }

    private static string Text(JsonElement element, string name, string path)
    {
        RequireObject(element, path);
        return element.TryGetProperty(name, out var value)
            ? AsText(value, $"{path}.{name}")
            : throw new RuleSetException($"{path}.{name}", "is required but missing");
    }

    private static string AsText(JsonElement value, string path)
    {
        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new RuleSetException(path, "must be a non-empty string");
        }

        return text.Length <= MaxTextLength ? text : throw new RuleSetException(path, $"at most {MaxTextLength} characters");
    }

    private static decimal Number(JsonElement element, string name, string path) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number)
            ? number
            : throw new RuleSetException($"{path}.{name}", "must be a number");

    private static bool Bool(JsonElement element, string name, string path) =>
        !element.TryGetProperty(name, out var value) ? false : value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new RuleSetException($"{path}.{name}", "must be true or false"),
        };
}
