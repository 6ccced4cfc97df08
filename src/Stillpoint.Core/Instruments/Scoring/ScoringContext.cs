using Stillpoint.Core.Instruments.Conditions;
using Stillpoint.Core.Instruments.Definitions;

namespace Stillpoint.Core.Instruments.Scoring;

/// <summary>Validated answers plus the parameter values in force, for rules and flags.</summary>
internal sealed class ScoringContext : IConditionContext
{
    private readonly ItemAnswer[] _answers;
    private readonly Dictionary<string, decimal> _parameters;

    public ScoringContext(InstrumentDefinition definition, ItemAnswer[] answers, ScoringSettings settings)
    {
        _answers = answers;
        _parameters = definition.Parameters.ToDictionary(parameter => parameter.Name, parameter => parameter.Default, StringComparer.Ordinal);
        foreach (var (name, value) in settings.Parameters)
        {
            var parameter = definition.Parameters.FirstOrDefault(candidate => string.Equals(candidate.Name, name, StringComparison.Ordinal))
                ?? throw new ArgumentException($"{definition.Id} has no configurable parameter '{name}'.", nameof(settings));

            // A clinic may choose within the published range only (e.g. PCL-5 31–33, clinical-reference §14.7).
            if (value < parameter.Min || value > parameter.Max)
            {
                throw new ArgumentOutOfRangeException(nameof(settings), value, $"{definition.Id} parameter '{name}' must lie between {parameter.Min} and {parameter.Max}.");
            }

            _parameters[name] = value;
        }
    }

    public decimal? Total { get; set; }

    public IReadOnlyList<ItemAnswer> Answers => _answers;

    public ItemAnswer Answer(int itemNumber) => _answers[itemNumber - 1];

    public decimal Parameter(string name) => _parameters[name];
}
