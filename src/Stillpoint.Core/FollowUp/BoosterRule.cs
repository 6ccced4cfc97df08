using System.Globalization;
using Stillpoint.Core.Instruments;
using Stillpoint.Core.Instruments.Definitions;

namespace Stillpoint.Core.FollowUp;

/// <summary>Clinic settings of the booster rule.</summary>
/// <param name="ResponsePercent">Improvement from baseline that counts as response; 50% is conventional for PHQ-9
/// (clinical-reference §1, itself [U]); for rumination measures no response criterion is published, so 50% there is [U]
/// clinic-configurable.</param>
/// <param name="ReturnThresholds">Per instrument id: a total at or beyond which the symptom has returned. PHQ-9 ≥ 10 is the
/// moderate band and the MDD screening point (§1, [V]); no RRS/PTQ/BSRI cut-off is published (§3–5), so any value there is
/// [U] clinic-configurable.</param>
public sealed record BoosterSettings(decimal ResponsePercent, IReadOnlyDictionary<string, decimal> ReturnThresholds)
{
    public static BoosterSettings Default { get; } = new(50m, new Dictionary<string, decimal>(StringComparer.Ordinal) { [DefaultScheduleTemplate.Phq9] = 10m });
}

/// <summary>One dated total used as evidence.</summary>
public sealed record ScoreAt(decimal Total, DateTimeOffset At, Guid ResponseId);

/// <summary>The evidence shown with a booster suggestion.</summary>
/// <param name="Rules">The rules that fired, each with its numbers (reliable rise, threshold).</param>
public sealed record BoosterSuggestion(string InstrumentId, ScoreAt Baseline, ScoreAt Response, ScoreAt Best, ScoreAt Latest, IReadOnlyList<string> Rules)
{
    public string Explanation => string.Create(
        CultureInfo.InvariantCulture,
        $"Booster suggested ({InstrumentId}): baseline {Baseline.Total} ({FollowUpText.At(Baseline.At)}), response {Response.Total} ({FollowUpText.At(Response.At)}), best since {Best.Total} ({FollowUpText.At(Best.At)}), now {Latest.Total} ({FollowUpText.At(Latest.At)}). ")
        + string.Join(" ", Rules);
}

/// <summary>
/// Issue 6 §5: after a patient has responded, suggest a booster when rumination or depression returns.
/// <list type="number">
/// <item>Baseline: the earliest total of the instrument.</item>
/// <item>Response: the first later total improved from baseline by at least <see cref="BoosterSettings.ResponsePercent"/>.</item>
/// <item>Only the latest total is judged, and only when it is after the course ended and after the response.</item>
/// <item>Best: the best total from the response up to (not including) the latest, which covers the end of the course and
/// everything after it ("post-course best").</item>
/// <item>Return: the latest is a reliable deterioration from the best (<see cref="ReliableChange"/>), or is at/beyond the
/// clinic's threshold for the instrument.</item>
/// </list>
/// Returns null when any step fails (no response yet, course still running, nothing returned).
/// </summary>
public static class BoosterRule
{
    public static BoosterSuggestion? Evaluate(
        InstrumentDefinition definition, IEnumerable<MeasureResponse> history, DateTimeOffset courseEndedAt, BoosterSettings settings, ReliableChangeSettings? reliableChange = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(settings);
        var totals = AlertRules.Totals(definition.Id, history);
        if (totals.Count < 3)
        {
            return null;
        }

        var worse = definition.Direction == ScoreDirection.HigherIsWorse ? 1m : -1m;
        var baseline = totals[0];
        var b = baseline.Total!.Value;
        var responseIndex = totals.FindIndex(1, r => b != 0 && (b - r.Total!.Value) * worse * 100 >= settings.ResponsePercent * Math.Abs(b));
        var latest = totals[^1];
        if (responseIndex < 1 || responseIndex == totals.Count - 1 || latest.AnsweredAt <= courseEndedAt)
        {
            return null;
        }

        var best = totals.GetRange(responseIndex, totals.Count - 1 - responseIndex)
            .OrderBy(r => r.Total!.Value * worse).ThenBy(r => r.AnsweredAt).First();
        var rules = new List<string>(2);
        var rise = ReliableChange.Compute(definition, best.Total!.Value, latest.Total!.Value, reliableChange);
        if (rise.Outcome == ReliableChangeOutcome.ReliablyDeteriorated)
        {
            rules.Add($"Reliable rise from the post-response best: {rise.Explanation}");
        }

        if (settings.ReturnThresholds.TryGetValue(definition.Id, out var threshold) && (latest.Total.Value - threshold) * worse >= 0)
        {
            rules.Add(string.Create(CultureInfo.InvariantCulture, $"{latest.Total} is {(worse > 0 ? "at or above" : "at or below")} the clinic threshold {threshold}."));
        }

        return rules.Count == 0 ? null : new BoosterSuggestion(definition.Id, At(baseline), At(totals[responseIndex]), At(best), At(latest), rules);
    }

    private static ScoreAt At(MeasureResponse response) => new(response.Total!.Value, response.AnsweredAt, response.Id);
}
