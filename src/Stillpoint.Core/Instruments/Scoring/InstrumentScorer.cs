using System.Globalization;
using Stillpoint.Core.Instruments.Conditions;
using Stillpoint.Core.Instruments.Definitions;

namespace Stillpoint.Core.Instruments.Scoring;

/// <summary>
/// Scores answers against an instrument definition. Pure and thread-safe: the same answers and
/// settings always give the same result.
/// </summary>
public static class InstrumentScorer
{
    /// <param name="definition">The instrument, e.g. from <see cref="InstrumentLibrary.Get"/>.</param>
    /// <param name="answers">One raw answer per item, in item order; null = not answered (or skipped by skip logic).</param>
    /// <param name="settings">The clinic's overrides of configurable values; null = published defaults.</param>
    /// <returns>The result, or the reasons the answers were refused (wrong count, out of range, answered though skipped).</returns>
    /// <exception cref="ArgumentException">A setting names an unknown parameter or lies outside its range (a configuration bug).</exception>
    public static ScoringAttempt Score(InstrumentDefinition definition, IReadOnlyList<int?> answers, ScoringSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(answers);
        var (states, errors) = AnswerValidator.Validate(definition, answers);
        if (errors.Count > 0)
        {
            return ScoringAttempt.Refused(errors);
        }

        var context = new ScoringContext(definition, states, settings ?? ScoringSettings.Defaults);
        var missing = definition.Items.Where(item => states[item.Number - 1].State == AnswerState.Missing).Select(item => item.Number).ToList();
        var explanation = new List<string>();
        var flags = new List<RaisedFlag>();
        string? severity;
        bool isComplete;
        var isProrated = false;

        if (definition.Scoring.Method == ScoringMethod.HighestRiskLevel)
        {
            var risk = RiskLevelScoring.Evaluate(definition, context);
            explanation.AddRange(risk.Explanation);
            severity = risk.Level;
            isComplete = missing.Count == 0;
            if (risk.EstablishedLevel is { } established)
            {
                flags.Add(new RaisedFlag(established.FlagName, $"Risk level {established.Name} (at least) established by the answers given.", definition.Scoring.Provenance));
            }
        }
        else
        {
            var sum = SumScoring.Compute(definition, states, missing);
            explanation.AddRange(sum.Explanation);
            context.Total = sum.Total;
            isComplete = sum.IsComplete;
            isProrated = sum.IsProrated;
            severity = Band(definition, sum.Total, explanation);
        }

        if (missing.Count > 0 && definition.Scoring.Method == ScoringMethod.HighestRiskLevel)
        {
            explanation.Add("Missing: item" + (missing.Count == 1 ? " " : "s ") + string.Join(", ", missing) + "; the screen is incomplete.");
        }

        foreach (var rule in definition.Flags.Where(rule => rule.When.Evaluate(context) == Truth.True))
        {
            flags.Add(new RaisedFlag(rule.Name, rule.Description, rule.Provenance));
            explanation.Add($"Flag {rule.Name}: {rule.When.Describe(context)} ({rule.Provenance.Source}).");
        }

        return new ScoringAttempt(
            new ScoreResult
            {
                InstrumentId = definition.Id,
                InstrumentVersion = definition.Version,
                Total = context.Total,
                Subscales = Subscales(definition, states, explanation),
                Severity = severity,
                Flags = flags,
                IsComplete = isComplete,
                MissingItems = missing,
                IsProrated = isProrated,
                Explanation = explanation,
            },
            []);
    }

    private static string? Band(InstrumentDefinition definition, decimal? total, List<string> explanation)
    {
        if (total is not { } value || definition.SeverityBands.Count == 0)
        {
            return null;
        }

        var band = definition.SeverityBands.FirstOrDefault(candidate => candidate.Contains(value));
        if (band is null)
        {
            return null;
        }

        explanation.Add(string.Create(CultureInfo.InvariantCulture, $"{value} is in the band {band.Min}–{band.Max}: {band.Name} ({band.Provenance.Source})."));
        return band.Name;
    }

    private static List<SubscaleScore> Subscales(InstrumentDefinition definition, ItemAnswer[] states, List<string> explanation)
    {
        var scores = new List<SubscaleScore>();
        foreach (var subscale in definition.Subscales)
        {
            if (subscale.ItemNumbers.Any(number => states[number - 1].State != AnswerState.Answered))
            {
                explanation.Add($"Subscale {subscale.Name}: not scored, an item is missing.");
                continue;
            }

            var value = subscale.ItemNumbers.Sum(number => SumScoring.ScoredValue(definition.Item(number), states[number - 1]));
            scores.Add(new SubscaleScore(subscale.Name, subscale.Title, value));
            explanation.Add(string.Create(CultureInfo.InvariantCulture, $"Subscale {subscale.Name} = sum of items {string.Join(", ", subscale.ItemNumbers)} = {value} ({subscale.Provenance.Source})."));
        }

        return scores;
    }
}
