using Stillpoint.Core.Instruments.Scoring;
using static Stillpoint.Core.Tests.Instruments.ShippedInstruments;

namespace Stillpoint.Core.Tests.Instruments;

/// <summary>
/// Random valid answer vectors (fixed seed, so failures reproduce) scored by the engine and by the
/// published rule written out independently here.
/// </summary>
public sealed class ScoringPropertyTests
{
    private const int Seed = 20261121;
    private const int Cases = 500;

    [Theory]
    // Item counts and per-item ranges from clinical-reference: §1 PHQ-9, §2 GAD-7, §3 RRS-22, §14.2 BSRI,
    // §14.1 PTQ, §6 PCL-5, §14.6 CADSS-6, §11 MOAA/S. Each total is the plain sum of the items.
    [InlineData("phq9", 9, 0, 3)]
    [InlineData("gad7", 7, 0, 3)]
    [InlineData("rrs22", 22, 1, 4)]
    [InlineData("bsri", 8, 0, 100)]
    [InlineData("ptq", 15, 0, 4)]
    [InlineData("pcl5", 20, 0, 4)]
    [InlineData("cadss6", 6, 0, 4)]
    [InlineData("moaas", 1, 0, 5)]
    public void Score_RandomCompleteAnswers_TotalIsPlainSum(string id, int items, int min, int max)
    {
        var random = new Random(Seed);
        for (var run = 0; run < Cases; run++)
        {
            var answers = Enumerable.Range(0, items).Select(_ => random.Next(min, max + 1)).ToArray();
            var result = Score(id, string.Join(",", answers));

            Assert.Equal(answers.Sum(), result.Total);
            Assert.True(result.IsComplete);
        }
    }

    [Fact]
    public void Score_RandomSubscales_MatchPublishedItemMaps()
    {
        var random = new Random(Seed);
        for (var run = 0; run < Cases; run++)
        {
            var rrs = Enumerable.Range(0, 22).Select(_ => random.Next(1, 5)).ToArray();
            var rrsResult = Score("rrs22", string.Join(",", rrs));

            // clinical-reference §3 subscales.
            Assert.Equal(SumOf(rrs, 5, 10, 13, 15, 16), Subscale(rrsResult, "brooding"));
            Assert.Equal(SumOf(rrs, 7, 11, 12, 20, 21), Subscale(rrsResult, "reflection"));
            Assert.Equal(SumOf(rrs, 1, 2, 3, 4, 6, 8, 9, 14, 17, 18, 19, 22), Subscale(rrsResult, "depression"));

            var ptq = Enumerable.Range(0, 15).Select(_ => random.Next(0, 5)).ToArray();
            var ptqResult = Score("ptq", string.Join(",", ptq));

            // clinical-reference §5/§14.1 item map.
            Assert.Equal(SumOf(ptq, 1, 2, 3, 6, 7, 8, 11, 12, 13), Subscale(ptqResult, "core"));
            Assert.Equal(SumOf(ptq, 4, 9, 14), Subscale(ptqResult, "unproductive"));
            Assert.Equal(SumOf(ptq, 5, 10, 15), Subscale(ptqResult, "capacity"));

            var pcl = Enumerable.Range(0, 20).Select(_ => random.Next(0, 5)).ToArray();
            var pclResult = Score("pcl5", string.Join(",", pcl));

            // clinical-reference §6 clusters and the provisional rules (cut-off 33, §14.7; DSM-5 pattern).
            Assert.Equal(SumOf(pcl, 1, 2, 3, 4, 5), Subscale(pclResult, "B"));
            Assert.Equal(SumOf(pcl, 6, 7), Subscale(pclResult, "C"));
            Assert.Equal(SumOf(pcl, 8, 9, 10, 11, 12, 13, 14), Subscale(pclResult, "D"));
            Assert.Equal(SumOf(pcl, 15, 16, 17, 18, 19, 20), Subscale(pclResult, "E"));
            Assert.Equal(pcl.Sum() >= 33, FlagNames(pclResult).Contains("provisional-ptsd-cutoff"));
            var pattern = Endorsed(pcl, 1, 5) >= 1 && Endorsed(pcl, 6, 7) >= 1 && Endorsed(pcl, 8, 14) >= 2 && Endorsed(pcl, 15, 20) >= 2;
            Assert.Equal(pattern, FlagNames(pclResult).Contains("provisional-ptsd-dsm5-pattern"));
        }
    }

    [Fact]
    public void Score_RandomQids_NineDomainRule()
    {
        var random = new Random(Seed);
        for (var run = 0; run < Cases; run++)
        {
            var values = Enumerable.Range(0, 16).Select(_ => random.Next(0, 4)).ToArray();
            var text = values.Select(value => value.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

            // Randomly leave one member of each appetite/weight pair unanswered (clinical-reference §9).
            var dropped6or7 = random.Next(3); // 0: keep both, 1: drop 6, 2: drop 7
            var dropped8or9 = random.Next(3);
            if (dropped6or7 > 0)
            {
                text[4 + dropped6or7] = "";
                values[4 + dropped6or7] = 0;
            }

            if (dropped8or9 > 0)
            {
                text[6 + dropped8or9] = "";
                values[6 + dropped8or9] = 0;
            }

            var expected = values[..4].Max() + values[4] + values[5..9].Max() + values[9] + values[10] + values[11] + values[12] + values[13] + values[14..16].Max();
            var result = Score("qids-sr16", string.Join(",", text));

            Assert.Equal(expected, result.Total);
            Assert.Equal(values[11] >= 1, FlagNames(result).Contains("suicidal-ideation"));
        }
    }

    [Fact]
    public void Score_RandomPhq9WithMissing_ProratingRule()
    {
        var random = new Random(Seed);
        for (var run = 0; run < Cases; run++)
        {
            var values = Enumerable.Range(0, 9).Select(_ => (int?)random.Next(0, 4)).ToArray();
            var missing = random.Next(0, 4);
            foreach (var index in Enumerable.Range(0, 9).OrderBy(_ => random.Next()).Take(missing))
            {
                values[index] = null;
            }

            var result = InstrumentScorer.Score(Get("phq9"), values).Result!;
            var answered = values.Where(value => value is not null).Select(value => value!.Value).ToList();

            // clinical-reference §14.5: ≤ 2 missing → sum × 9 / answered (we round to 2 decimals); more → no total.
            decimal? expected = missing <= 2 ? Math.Round(answered.Sum() * 9m / answered.Count, 2, MidpointRounding.AwayFromZero) : null;
            Assert.Equal(expected, result.Total);
            Assert.Equal(missing <= 2, result.IsComplete);
        }
    }

    [Fact]
    public void Score_RandomCssrs_HighestEndorsedLevel()
    {
        var random = new Random(Seed);
        for (var run = 0; run < Cases; run++)
        {
            var q = Enumerable.Range(0, 7).Select(_ => random.Next(0, 2) == 1).ToArray();

            // clinical-reference §7 skip logic: Q3–Q5 only when Q2 = yes; the follow-up only when Q6 = yes.
            string Cell(int index) =>
                (index is >= 2 and <= 4 && !q[1]) || (index == 6 && !q[5]) ? "" : q[index] ? "1" : "0";
            var answers = string.Join(",", Enumerable.Range(0, 7).Select(Cell));
            bool Yes(int number) => Cell(number - 1) == "1";

            // §7: Q4/Q5 or behaviour within 3 months high; Q3 or older behaviour moderate; Q1–2 low.
            var expected = Yes(4) || Yes(5) || Yes(7) ? "high"
                : Yes(3) || Yes(6) ? "moderate"
                : Yes(1) || Yes(2) ? "low"
                : "none";
            Assert.Equal(expected, Score("cssrs-screen", answers).Severity);
        }
    }

    private static int SumOf(int[] answers, params int[] itemNumbers) => itemNumbers.Sum(number => answers[number - 1]);

    private static int Endorsed(int[] answers, int first, int last) =>
        Enumerable.Range(first, last - first + 1).Count(number => answers[number - 1] >= 2);
}
