using static Stillpoint.Core.Tests.Instruments.ShippedInstruments;

namespace Stillpoint.Core.Tests.Instruments;

/// <summary>Both edges of every published band of the plain-sum instruments (QIDS-SR16: see its own tests).</summary>
public sealed class SeverityBandTests
{
    [Theory]
    // clinical-reference §1 PHQ-9 bands: 0–4 minimal, 5–9 mild, 10–14 moderate, 15–19 moderately severe, 20–27 severe.
    [InlineData("phq9", 9, 0, "minimal")]
    [InlineData("phq9", 9, 4, "minimal")]
    [InlineData("phq9", 9, 5, "mild")]
    [InlineData("phq9", 9, 9, "mild")]
    [InlineData("phq9", 9, 10, "moderate")]
    [InlineData("phq9", 9, 14, "moderate")]
    [InlineData("phq9", 9, 15, "moderately severe")]
    [InlineData("phq9", 9, 19, "moderately severe")]
    [InlineData("phq9", 9, 20, "severe")]
    [InlineData("phq9", 9, 27, "severe")] // §1 range 0–27: the highest total
    // clinical-reference §2 GAD-7 bands: 0–4 minimal, 5–9 mild, 10–14 moderate, 15–21 severe (range 0–21).
    [InlineData("gad7", 7, 0, "minimal")]
    [InlineData("gad7", 7, 4, "minimal")]
    [InlineData("gad7", 7, 5, "mild")]
    [InlineData("gad7", 7, 9, "mild")]
    [InlineData("gad7", 7, 10, "moderate")]
    [InlineData("gad7", 7, 14, "moderate")]
    [InlineData("gad7", 7, 15, "severe")]
    [InlineData("gad7", 7, 21, "severe")]
    public void Score_BandEdges_PublishedBand(string id, int items, int total, string band)
    {
        // Items filled from the first at 3 (both scales run 0–3).
        var result = Score(id, WithTotal(total, items, 3));

        Assert.Equal(total, result.Total);
        Assert.Equal(band, result.Severity);
        Assert.True(result.IsComplete);
    }

    [Theory]
    // Instruments without published bands report no severity: RRS-22 (§3), BSRI (§4), PTQ (§5),
    // PCL-5 (§6: "no empirically derived severity bands"), CADSS-6 (§14.6), MOAA/S (§11).
    [InlineData("rrs22")]
    [InlineData("bsri")]
    [InlineData("ptq")]
    [InlineData("pcl5")]
    [InlineData("cadss6")]
    [InlineData("moaas")]
    public void Definition_NoPublishedBands_NoneDefined(string id)
    {
        Assert.Empty(Get(id).SeverityBands);
    }
}
