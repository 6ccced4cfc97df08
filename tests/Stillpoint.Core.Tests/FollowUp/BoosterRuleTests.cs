using System.Globalization;
using Stillpoint.Core.FollowUp;
using Stillpoint.Core.Instruments;
using Stillpoint.Core.Tests.Instruments;
using static Stillpoint.Core.Tests.FollowUp.FollowUpData;

namespace Stillpoint.Core.Tests.FollowUp;

public sealed class BoosterRuleTests
{
    /// <summary>"day:total,…" → responses of one instrument.</summary>
    private static List<MeasureResponse> Series(string instrument, string series) =>
        [.. series.Split(',', StringSplitOptions.RemoveEmptyEntries).Select((pair, i) =>
        {
            var parts = pair.Split(':');
            return Answer(i, instrument, Days(double.Parse(parts[0], CultureInfo.InvariantCulture)), decimal.Parse(parts[1], CultureInfo.InvariantCulture));
        })];

    public static TheoryData<string, int, int> Phq9Cases => new()
    {
        // PHQ-9 "day:total" series, course end day → rules fired (0 = no suggestion). Response ≥ 50% drop;
        // reliable rise from 4 points (§1 SD 3.5, r .84); clinic threshold 10 (§1 moderate band).
        { "0:20,14:9,21:8,35:12", 21, 2 },   // rise 4 from best 8 and ≥ 10
        { "0:20,14:9,21:6,35:9", 21, 0 },    // rise 3, below 10
        { "0:20,14:9,21:5,35:9", 21, 1 },    // rise 4, below 10
        { "0:20,14:9,21:8,35:10", 21, 1 },   // rise 2, at the threshold
        { "0:20,14:11,21:11,35:16", 21, 0 }, // never responded (11 > 10)
        { "0:20,14:10,35:14", 21, 2 },       // exactly 50% counts as response
        { "0:20,14:9,21:8,35:12", 40, 0 },   // course not over
        { "0:20,14:9,21:8,35:12", 35, 0 },   // latest at the course end: not after it
        { "0:20,35:9", 21, 0 },              // too few totals
        { "0:20,14:12,35:9", 21, 0 },        // the latest is the response itself
        { "0:0,7:0,14:5", 1, 0 },            // a zero baseline cannot halve
        { "0:12,7:6,14:4,30:10", 21, 2 },
    };

    [Theory]
    [MemberData(nameof(Phq9Cases))]
    public void Phq9(string series, int courseEndDay, int rulesFired)
    {
        var suggestion = BoosterRule.Evaluate(ShippedInstruments.Get("phq9"), Series("phq9", series), Days(courseEndDay), BoosterSettings.Default);
        Assert.Equal(rulesFired, suggestion?.Rules.Count ?? 0);
    }

    [Fact]
    public void Evidence_NamesValuesDatesAndRules()
    {
        var history = Series("phq9", "0:12,7:6,14:4,30:10");
        history.Add(Answer(99, "gad7", Days(31), 21)); // other instruments are ignored
        var suggestion = BoosterRule.Evaluate(ShippedInstruments.Get("phq9"), history, Days(21), BoosterSettings.Default);
        Assert.NotNull(suggestion);
        Assert.Equal(new ScoreAt(12, Days(0), Id(1000)), suggestion.Baseline);
        Assert.Equal(new ScoreAt(6, Days(7), Id(1001)), suggestion.Response);
        Assert.Equal(new ScoreAt(4, Days(14), Id(1002)), suggestion.Best);
        Assert.Equal(new ScoreAt(10, Days(30), Id(1003)), suggestion.Latest);
        Assert.StartsWith("Reliable rise from the post-response best: RCI = (10 − 4)", suggestion.Rules[0], StringComparison.Ordinal);
        Assert.Equal("10 is at or above the clinic threshold 10.", suggestion.Rules[1]);
        Assert.Contains("baseline 12 (2026-03-02 09:00 UTC)", suggestion.Explanation, StringComparison.Ordinal);
        Assert.Contains("now 10 (2026-04-01 09:00 UTC)", suggestion.Explanation, StringComparison.Ordinal);
    }

    public static TheoryData<double?, double?, string, bool> RuminationCases => new()
    {
        // RRS-22 has no published SD or cut-off (§3): both are clinic-configurable [U].
        // clinic SD, clinic threshold, series → suggestion?  (SD 10, r .90: reliable from 8.77)
        { null, null, "0:60,7:30,14:28,40:45", false },   // nothing configured: no RCI, no threshold
        { 10.0, null, "0:60,7:30,14:28,40:37", true },   // rise 9
        { 10.0, null, "0:60,7:30,14:28,40:36", false },  // rise 8
        { null, 45.0, "0:60,7:30,14:28,40:45", true },   // clinic threshold
        { null, 45.0, "0:60,7:30,14:28,40:44.5", false },
        { 10.0, null, "0:60,7:31,40:45", false },        // 31 is not a 50% drop from 60: never responded
    };

    [Theory]
    [MemberData(nameof(RuminationCases))]
    public void Rumination_UsesClinicSettings(double? sd, double? threshold, string series, bool suggested)
    {
        var thresholds = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (threshold is { } value)
        {
            thresholds["rrs22"] = (decimal)value;
        }

        var settings = BoosterSettings.Default with { ReturnThresholds = thresholds };
        var rci = sd is { } s ? new ReliableChangeSettings((decimal)s, null) : null;
        var suggestion = BoosterRule.Evaluate(ShippedInstruments.Get("rrs22"), Series("rrs22", series), Days(21), settings, rci);
        Assert.Equal(suggested, suggestion is not null);
    }

    [Fact]
    public void ResponsePercent_IsClinicConfigurable()
    {
        var series = Series("phq9", "0:20,14:12,21:11,35:16");
        Assert.Null(BoosterRule.Evaluate(ShippedInstruments.Get("phq9"), series, Days(21), BoosterSettings.Default));
        Assert.NotNull(BoosterRule.Evaluate(ShippedInstruments.Get("phq9"), series, Days(21), BoosterSettings.Default with { ResponsePercent = 40 }));
    }
}
