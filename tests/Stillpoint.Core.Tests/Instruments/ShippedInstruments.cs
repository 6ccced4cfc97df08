using Stillpoint.Core.Instruments;
using Stillpoint.Core.Instruments.Definitions;
using Stillpoint.Core.Instruments.Scoring;

namespace Stillpoint.Core.Tests.Instruments;

/// <summary>
/// The definitions shipped in <c>instruments/*.json</c> (copied beside the test assembly), parsed
/// once, plus helpers that score answers written the way the CLI takes them ("1,2,,3").
/// </summary>
internal static class ShippedInstruments
{
    private static readonly Lazy<InstrumentLibrary> LazyLibrary = new(() =>
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "instruments");
        var files = Directory.GetFiles(directory, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileName(path), File.ReadAllText(path)));
        return InstrumentLibrary.Parse(files);
    });

    public static InstrumentLibrary Library => LazyLibrary.Value;

    public static InstrumentDefinition Get(string id) => Library.Get(id);

    public static ScoringAttempt Attempt(string id, string answers, ScoringSettings? settings = null)
    {
        var (parsed, error) = AnswerListParser.Parse(answers);
        Assert.True(parsed is not null, error);
        return InstrumentScorer.Score(Get(id), parsed, settings);
    }

    /// <summary>Scores answers that must be accepted.</summary>
    public static ScoreResult Score(string id, string answers, ScoringSettings? settings = null)
    {
        var attempt = Attempt(id, answers, settings);
        Assert.True(attempt.Succeeded, string.Join("; ", attempt.Errors.Select(error => error.Message)));
        return attempt.Result!;
    }

    /// <summary>Answers with the given total, filling items from the first at the highest value.</summary>
    public static string WithTotal(int total, int items, int maxPerItem, int minPerItem = 0)
    {
        var values = new int[items];
        var remaining = total - (items * minPerItem);
        for (var index = 0; index < items; index++)
        {
            var add = Math.Min(maxPerItem - minPerItem, remaining);
            values[index] = minPerItem + add;
            remaining -= add;
        }

        Assert.Equal(0, remaining);
        return string.Join(",", values);
    }

    public static string Repeat(int value, int count) => string.Join(",", Enumerable.Repeat(value, count));

    public static decimal? Subscale(ScoreResult result, string name) =>
        result.Subscales.FirstOrDefault(subscale => subscale.Name == name)?.Value;

    public static IReadOnlyList<string> FlagNames(ScoreResult result) => result.Flags.Select(flag => flag.Name).ToList();
}
