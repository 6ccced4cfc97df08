using Stillpoint.Core.Instruments.Definitions;

namespace Stillpoint.Core.Instruments.Parsing;

/// <summary>Readers for the scoring block and the rule lists of a definition.</summary>
internal static class RuleParsers
{
    private static readonly Dictionary<string, ScoringMethod> Methods = new(StringComparer.Ordinal)
    {
        ["sum"] = ScoringMethod.Sum,
        ["highest-risk-level"] = ScoringMethod.HighestRiskLevel,
    };

    private static readonly Dictionary<string, GroupCombination> Combinations = new(StringComparer.Ordinal)
    {
        ["single"] = GroupCombination.SingleItem,
        ["max"] = GroupCombination.Max,
    };

    private static readonly Dictionary<string, MissingItemPolicy> MissingPolicies = new(StringComparer.Ordinal)
    {
        ["require-all"] = MissingItemPolicy.RequireAll,
        ["prorate"] = MissingItemPolicy.Prorate,
    };

    private static readonly Dictionary<string, OutcomeRuleKind> OutcomeKinds = new(StringComparer.Ordinal)
    {
        ["percent-drop"] = OutcomeRuleKind.PercentDrop,
        ["point-drop"] = OutcomeRuleKind.PointDrop,
        ["below"] = OutcomeRuleKind.Below,
        ["at-most"] = OutcomeRuleKind.AtMost,
    };

    public static ScoringRules Scoring(JsonField field)
    {
        var missing = field.Required("missingItems");
        var policy = missing.Choice("rule", MissingPolicies);
        return new ScoringRules
        {
            Method = field.Choice("method", Methods),
            Groups = field.OptionalArray("groups").Select(Group).ToList(),
            AnswerOneOf = field.OptionalArray("answerOneOf").Select(set => new AnswerOneOfSet(set.Required("items").AsIntList(), CommonParsers.ReadProvenance(set))).ToList(),
            MissingItems = new MissingItemRule(policy, policy == MissingItemPolicy.Prorate ? missing.Int("maxMissing") : 0, CommonParsers.ReadProvenance(missing)),
            RiskLevels = field.OptionalArray("riskLevels").Select(RiskLevel).ToList(),
            NoRiskLevel = field.OptionalString("noRiskLevel", "none"),
            Provenance = CommonParsers.ReadProvenance(field),
        };
    }

    public static Subscale Subscale(JsonField field) =>
        new(field.String("name"), field.String("title"), field.Required("items").AsIntList(), CommonParsers.ReadProvenance(field));

    public static SeverityBand Band(JsonField field) =>
        new(field.String("name"), field.Int("min"), field.Int("max"), CommonParsers.ReadProvenance(field));

    public static FlagRule Flag(JsonField field) =>
        new(field.String("name"), field.String("description"), ConditionParser.Parse(field.Required("when")), CommonParsers.ReadProvenance(field));

    public static InstrumentParameter Parameter(JsonField field) =>
        new(field.String("name"), field.String("description"), field.Decimal("default"), field.Decimal("min"), field.Decimal("max"), CommonParsers.ReadProvenance(field));

    public static ReliableChangeReference ReliableChange(JsonField field) =>
        new(
            CommonParsers.OptionalReferenceValue(field, "standardDeviation"),
            CommonParsers.OptionalReferenceValue(field, "reliability"),
            field.OptionalString("note", ""));

    public static OutcomeRule Outcome(JsonField field) =>
        new(field.String("name"), field.Choice("kind", OutcomeKinds), field.Decimal("value"), CommonParsers.ReadProvenance(field));

    private static ScoringGroup Group(JsonField field) =>
        new(field.String("name"), field.Required("items").AsIntList(), field.Choice("combine", Combinations));

    private static RiskLevel RiskLevel(JsonField field) =>
        new(field.String("name"), field.String("flag"), ConditionParser.Parse(field.Required("when")));
}
