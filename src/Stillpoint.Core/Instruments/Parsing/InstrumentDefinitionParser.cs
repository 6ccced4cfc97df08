using System.Globalization;
using System.Text.Json;
using Stillpoint.Core.Instruments.Definitions;

namespace Stillpoint.Core.Instruments.Parsing;

/// <summary>
/// Turns the text of one <c>instruments/*.json</c> file into a validated
/// <see cref="InstrumentDefinition"/>. Pure: the caller reads the file.
/// </summary>
public static class InstrumentDefinitionParser
{
    private static readonly Dictionary<string, InstrumentKind> Kinds = new(StringComparer.Ordinal)
    {
        ["self-report"] = InstrumentKind.SelfReport,
        ["clinician-rated"] = InstrumentKind.ClinicianRated,
    };

    private static readonly Dictionary<string, ScoreDirection> Directions = new(StringComparer.Ordinal)
    {
        ["higher-is-worse"] = ScoreDirection.HigherIsWorse,
        ["higher-is-better"] = ScoreDirection.HigherIsBetter,
    };

    /// <exception cref="InstrumentDefinitionException">The text is not a valid definition; the message names file and field.</exception>
    public static InstrumentDefinition Parse(string fileName, string json)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException exception)
        {
            var where = string.Create(CultureInfo.InvariantCulture, $"(line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1})");
            throw new InstrumentDefinitionException(fileName, exception.Path is { Length: > 0 } path ? path : where, $"is not valid JSON {where}: {exception.Message}", exception);
        }

        using (document)
        {
            var root = new JsonField(document.RootElement, "", fileName);
            var definition = WithDefaultGroups(ParseRoot(root));
            DefinitionConsistency.Check(root, definition);
            return definition;
        }
    }

    private static InstrumentDefinition ParseRoot(JsonField root)
    {
        var defaultScale = root.Optional("responseScale") is { } scale ? CommonParsers.Scale(scale) : null;
        return new InstrumentDefinition
        {
            Id = root.String("id"),
            Version = root.String("version"),
            Title = root.String("title"),
            Kind = root.Choice("kind", Kinds),
            RecallPeriod = root.String("recallPeriod"),
            Direction = root.Choice("direction", Directions),
            Source = root.String("source"),
            Notes = root.OptionalString("notes", ""),
            Items = ParseItems(root.Required("items"), defaultScale),
            Scoring = RuleParsers.Scoring(root.Required("scoring")),
            Subscales = root.OptionalArray("subscales").Select(RuleParsers.Subscale).ToList(),
            SeverityBands = root.OptionalArray("severityBands").Select(RuleParsers.Band).ToList(),
            Flags = root.OptionalArray("flags").Select(RuleParsers.Flag).ToList(),
            Parameters = root.OptionalArray("parameters").Select(RuleParsers.Parameter).ToList(),
            ReliableChange = root.Optional("reliableChange") is { } change ? RuleParsers.ReliableChange(change) : ReliableChangeReference.None,
            OutcomeRules = root.OptionalArray("outcomeRules").Select(RuleParsers.Outcome).ToList(),
        };
    }

    /// <summary>A sum with no groups listed is the plain sum: one group per item.</summary>
    private static InstrumentDefinition WithDefaultGroups(InstrumentDefinition definition)
    {
        if (definition.Scoring.Method != ScoringMethod.Sum || definition.Scoring.Groups.Count > 0)
        {
            return definition;
        }

        var groups = definition.Items
            .Select(item => new ScoringGroup(string.Create(CultureInfo.InvariantCulture, $"item {item.Number}"), [item.Number], GroupCombination.SingleItem))
            .ToList();
        return definition with { Scoring = definition.Scoring with { Groups = groups } };
    }

    private static List<InstrumentItem> ParseItems(JsonField itemsField, ResponseScale? defaultScale)
    {
        var fields = itemsField.AsArray();
        var items = new List<InstrumentItem>(fields.Count);
        foreach (var field in fields)
        {
            var number = field.Int("number");
            if (number != items.Count + 1)
            {
                throw field.Required("number").Error(string.Create(CultureInfo.InvariantCulture, $"items must be numbered 1, 2, 3… in order; expected {items.Count + 1}"));
            }

            var scale = field.Optional("responseScale") is { } own ? CommonParsers.Scale(own) : defaultScale;
            items.Add(new InstrumentItem
            {
                Id = field.String("id"),
                Number = number,
                Label = field.String("label"),
                Scale = scale ?? throw field.Error("has no 'responseScale' and the instrument declares no default 'responseScale'"),
                IsReverseScored = field.OptionalBool("reverseScored"),
                AskedWhen = field.Optional("askedWhen") is { } askedWhen ? ConditionParser.Parse(askedWhen) : null,
            });
        }

        return items.Count > 0 ? items : throw itemsField.Error("must list at least one item");
    }
}
