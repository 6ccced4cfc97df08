using Stillpoint.Core.Instruments;
using Stillpoint.Core.Instruments.Definitions;

namespace Stillpoint.Core.Outcomes;

/// <summary>
/// Response, remission and relapse for one patient's dated totals on one instrument, using the instrument's
/// published rules through <see cref="OutcomeRules"/>:
/// <list type="bullet">
/// <item>Baseline: the earliest measure (pass the series from the pre-treatment baseline on).</item>
/// <item>Response: the first later measure meeting the rule named "response" (PHQ-9 ≥ 50 % drop, §1 [U];
/// QIDS-SR16 ≥ 50 % drop, §9; PCL-5 ≥ 5-point drop, §6). No rule, no response.</item>
/// <item>Remission: the first later measure meeting the rule named "remission" (PHQ-9 &lt; 5, §1 [U];
/// GAD-7 &lt; 5, §2 [U]; QIDS-SR16 ≤ 5, §9).</item>
/// <item>Relapse: per <see cref="RelapseSettings"/> [U], judged only on measures after the first response;
/// only the first response episode counts (a later re-response starts no new observation).</item>
/// </list>
/// Measures on the same date keep the order they were given in.
/// </summary>
public static class OutcomeCourses
{
    public const string ResponseRuleName = "response";
    public const string RemissionRuleName = "remission";

    public static OutcomeCourse Evaluate(InstrumentDefinition definition, IEnumerable<DatedTotal> series, RelapseSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(series);
        settings ??= RelapseSettings.Default;
        Validate(definition, settings);

        var responseRule = Rule(definition, ResponseRuleName);
        var remissionRule = Rule(definition, RemissionRuleName);
        var measures = series.OrderBy(measure => measure.Date).ToList();
        if (measures.Count == 0)
        {
            return new OutcomeCourse(definition.Id, null, responseRule, remissionRule, null, null, null, null);
        }

        var baseline = measures[0];
        var later = measures.Skip(1).ToList();
        var responseIndex = responseRule is null ? -1 : later.FindIndex(measure => Meets(definition, responseRule, baseline, measure));
        var remission = remissionRule is null ? null : later.Find(measure => Meets(definition, remissionRule, baseline, measure));
        if (responseIndex < 0)
        {
            return new OutcomeCourse(definition.Id, baseline, responseRule, remissionRule, null, remission?.Date, null, null);
        }

        var response = later[responseIndex];
        var afterResponse = later.Skip(responseIndex + 1).ToList();
        var relapse = FirstConfirmedRelapse(afterResponse, measure => IsRelapse(definition, responseRule!, settings, baseline, measure), settings.ConfirmingMeasures);
        var durability = new DurabilityObservation(response.Date, relapse?.Date ?? measures[^1].Date, relapse is not null);
        return new OutcomeCourse(definition.Id, baseline, responseRule, remissionRule, response.Date, remission?.Date, relapse?.Date, durability);
    }

    private static void Validate(InstrumentDefinition definition, RelapseSettings settings)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.ConfirmingMeasures, 1, nameof(settings));
        if (settings.Criterion == RelapseCriterion.WorseThanThreshold && settings.Threshold is null)
        {
            throw new ArgumentException($"A threshold relapse rule for {definition.Id} needs a threshold.", nameof(settings));
        }
    }

    private static OutcomeRule? Rule(InstrumentDefinition definition, string name) =>
        definition.OutcomeRules.FirstOrDefault(rule => string.Equals(rule.Name, name, StringComparison.Ordinal));

    private static bool Meets(InstrumentDefinition definition, OutcomeRule rule, DatedTotal baseline, DatedTotal measure) =>
        OutcomeRules.IsMet(definition, rule, baseline.Total, measure.Total);

    private static bool IsRelapse(InstrumentDefinition definition, OutcomeRule responseRule, RelapseSettings settings, DatedTotal baseline, DatedTotal measure) =>
        settings.Criterion switch
        {
            RelapseCriterion.LossOfResponse => !Meets(definition, responseRule, baseline, measure),
            RelapseCriterion.WorseThanThreshold => definition.Direction == ScoreDirection.HigherIsWorse
                ? measure.Total >= settings.Threshold
                : measure.Total <= settings.Threshold,
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Criterion, "Unknown relapse criterion."),
        };

    private static DatedTotal? FirstConfirmedRelapse(List<DatedTotal> measures, Func<DatedTotal, bool> qualifies, int confirming)
    {
        var run = 0;
        for (var index = 0; index < measures.Count; index++)
        {
            run = qualifies(measures[index]) ? run + 1 : 0;
            if (run == confirming)
            {
                return measures[index - confirming + 1];
            }
        }

        return null;
    }
}
