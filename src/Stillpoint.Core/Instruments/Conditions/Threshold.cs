using System.Globalization;

namespace Stillpoint.Core.Instruments.Conditions;

/// <summary>A number in a rule: a literal, or the name of a clinic-configurable parameter.</summary>
public sealed record Threshold(decimal? Literal, string? ParameterName)
{
    public static Threshold Of(decimal value) => new(value, null);

    public static Threshold FromParameter(string name) => new(null, name);

    public decimal Resolve(IConditionContext context) => Literal ?? context.Parameter(ParameterName!);

    public string Describe(IConditionContext context) =>
        ParameterName is null
            ? Resolve(context).ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{Resolve(context)} ({ParameterName})");
}
