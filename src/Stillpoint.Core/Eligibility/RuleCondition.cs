using System.Globalization;
using Stillpoint.Core.Instruments.Conditions;

namespace Stillpoint.Core.Eligibility;

/// <summary>What a condition can see: the intake and the rule set's parameter values.</summary>
public sealed record RuleContext(IntakeAnswers Intake, IReadOnlyDictionary<string, RuleParameter> Parameters)
{
    public FieldValue Read(string field) => IntakeFields.ByName[field].Read(Intake);

    public decimal Parameter(string name) => Parameters[name].Value;
}

/// <summary>
/// A condition over intake fields. Evaluation is three-valued: a field that was not answered makes the
/// condition Unknown unless the answered fields already decide it (fail closed, never "missing = no").
/// </summary>
public abstract record RuleCondition
{
    public abstract Truth Evaluate(RuleContext context);

    /// <summary>The condition in words with the values it saw, e.g. "systolic blood pressure (mm Hg) 152 &gt; 140".</summary>
    public abstract string Describe(RuleContext context);

    public abstract IEnumerable<string> Fields();

    public virtual IEnumerable<string> ParameterNames() => [];
}

/// <summary>A symbol field equals one of the values (e.g. pregnant = yes; psychosis in current).</summary>
public sealed record FieldIn(string Field, IReadOnlyList<string> Values) : RuleCondition
{
    public override Truth Evaluate(RuleContext context)
    {
        var value = context.Read(Field);
        return value.IsMissing ? Truth.Unknown : TruthLogic.From(Values.Contains(value.Symbol!, StringComparer.Ordinal));
    }

    public override string Describe(RuleContext context) =>
        $"{IntakeFields.ByName[Field].Label} is {string.Join(" or ", Values)} (recorded: {context.Read(Field)})";

    public override IEnumerable<string> Fields() => [Field];
}

/// <summary>A set field (indications) contains the value.</summary>
public sealed record FieldContains(string Field, string Value) : RuleCondition
{
    public override Truth Evaluate(RuleContext context)
    {
        var value = context.Read(Field);
        return value.IsMissing ? Truth.Unknown : TruthLogic.From(value.Symbols!.Contains(Value, StringComparer.Ordinal));
    }

    public override string Describe(RuleContext context) =>
        $"{IntakeFields.ByName[Field].Label} include {Value} (recorded: {context.Read(Field)})";

    public override IEnumerable<string> Fields() => [Field];
}

public enum Comparison
{
    GreaterThan,
    AtLeast,
}

/// <summary>A number compared with a literal or a named (clinic-configurable) parameter.</summary>
public sealed record FieldCompare(string Field, Comparison Op, decimal? Literal, string? ParameterName) : RuleCondition
{
    public decimal Threshold(RuleContext context) => Literal ?? context.Parameter(ParameterName!);

    public override Truth Evaluate(RuleContext context)
    {
        var value = context.Read(Field);
        if (value.IsMissing)
        {
            return Truth.Unknown;
        }

        var limit = Threshold(context);
        return TruthLogic.From(Op == Comparison.GreaterThan ? value.Number > limit : value.Number >= limit);
    }

    public override string Describe(RuleContext context)
    {
        var limit = Threshold(context).ToString(CultureInfo.InvariantCulture);
        var named = ParameterName is null ? limit : $"{limit} ({ParameterName})";
        return $"{IntakeFields.ByName[Field].Label} {context.Read(Field)} {(Op == Comparison.GreaterThan ? ">" : "≥")} {named}";
    }

    public override IEnumerable<string> Fields() => [Field];

    public override IEnumerable<string> ParameterNames() => ParameterName is null ? [] : [ParameterName];
}

public sealed record AllOfConditions(IReadOnlyList<RuleCondition> Parts) : RuleCondition
{
    public override Truth Evaluate(RuleContext context) => TruthLogic.All(Parts.Select(p => p.Evaluate(context)));

    public override string Describe(RuleContext context) => string.Join(" and ", Parts.Select(p => p.Describe(context)));

    public override IEnumerable<string> Fields() => Parts.SelectMany(p => p.Fields());

    public override IEnumerable<string> ParameterNames() => Parts.SelectMany(p => p.ParameterNames());
}

public sealed record AnyOfConditions(IReadOnlyList<RuleCondition> Parts) : RuleCondition
{
    public override Truth Evaluate(RuleContext context) => TruthLogic.Any(Parts.Select(p => p.Evaluate(context)));

    /// <summary>Names only the parts that held (or could not be decided), so the reason reads plainly.</summary>
    public override string Describe(RuleContext context)
    {
        var relevant = Parts.Where(p => p.Evaluate(context) == Truth.True).ToList();
        if (relevant.Count == 0)
        {
            relevant = [.. Parts];
        }

        return string.Join("; ", relevant.Select(p => p.Describe(context)));
    }

    public override IEnumerable<string> Fields() => Parts.SelectMany(p => p.Fields());

    public override IEnumerable<string> ParameterNames() => Parts.SelectMany(p => p.ParameterNames());
}
