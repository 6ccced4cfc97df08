using static Stillpoint.Core.Tests.Instruments.ShippedInstruments;

namespace Stillpoint.Core.Tests.Instruments;

/// <summary>RRS-22, BSRI and PTQ: continuous scores without bands (clinical-reference §3–§5).</summary>
public sealed class RuminationTests
{
    [Fact]
    public void Rrs22_SubscalesFollowTreynor2003()
    {
        // Item n answered (n mod 4) + 1 so that each subscale sums distinct values.
        var answers = string.Join(",", Enumerable.Range(1, 22).Select(n => (n % 4) + 1));
        var result = Score("rrs22", answers);

        // clinical-reference §3: brooding 5,10,13,15,16 → 2+3+2+4+1 = 12.
        Assert.Equal(12, Subscale(result, "brooding"));
        // clinical-reference §3: reflection 7,11,12,20,21 → 4+4+1+1+2 = 12.
        Assert.Equal(12, Subscale(result, "reflection"));
        // clinical-reference §3: depression 1,2,3,4,6,8,9,14,17,18,19,22 → 2+3+4+1+3+1+2+3+2+3+4+3 = 31.
        Assert.Equal(31, Subscale(result, "depression"));
        Assert.Equal(55, result.Total); // 12 + 12 + 31: the subscales partition the 22 items.
        Assert.Null(result.Severity); // §3: no published bands.
    }

    [Theory]
    // clinical-reference §3 ranges: total 22–88, brooding and reflection 5–20, depression 12–48.
    [InlineData(1, 22, 5, 5, 12)]
    [InlineData(4, 88, 20, 20, 48)]
    public void Rrs22_RangeEnds(int each, int total, int brooding, int reflection, int depression)
    {
        var result = Score("rrs22", Repeat(each, 22));

        Assert.Equal(total, result.Total);
        Assert.Equal(brooding, Subscale(result, "brooding"));
        Assert.Equal(reflection, Subscale(result, "reflection"));
        Assert.Equal(depression, Subscale(result, "depression"));
    }

    [Theory]
    // clinical-reference §3 scale: 1–4, so 0 and 5 are out of range.
    [InlineData(0)]
    [InlineData(5)]
    public void Rrs22_OutOfRange_Refused(int value)
    {
        Assert.False(Attempt("rrs22", value + "," + Repeat(1, 21)).Succeeded);
    }

    [Fact]
    public void Rrs22_MissingBroodingItem_BroodingOmittedOthersKept()
    {
        // Item 5 is a brooding item (§3); a subscale is reported only when all its items are answered.
        var answers = "1,1,1,1,," + Repeat(1, 17);
        var result = Score("rrs22", answers);

        Assert.Null(result.Total);
        Assert.Null(Subscale(result, "brooding"));
        Assert.Equal(5, Subscale(result, "reflection"));
    }

    [Theory]
    // clinical-reference §14.2: 8 visual-analogue items 0–100, summed to 0–800, none reversed.
    [InlineData("0,0,0,0,0,0,0,0", 0)]
    [InlineData("100,100,100,100,100,100,100,100", 800)]
    [InlineData("0,17,50,99,100,1,33,64", 364)]
    public void Bsri_SumOfSliders(string answers, int total)
    {
        var result = Score("bsri", answers);

        Assert.Equal(total, result.Total);
        Assert.Null(result.Severity); // §4: no cut-offs.
    }

    [Fact]
    public void Bsri_Above100_Refused()
    {
        // clinical-reference §14.2: the slider runs 0–100.
        Assert.False(Attempt("bsri", "101,0,0,0,0,0,0,0").Succeeded);
    }

    [Fact]
    public void Ptq_SubscalesFollowTheItemMap()
    {
        // Item n answered n mod 5 (0–4).
        var result = Score("ptq", string.Join(",", Enumerable.Range(1, 15).Select(n => n % 5)));

        // clinical-reference §5/§14.1: core = 1,2,3,6,7,8,11,12,13 → 1+2+3+1+2+3+1+2+3 = 18.
        Assert.Equal(18, Subscale(result, "core"));
        // §5: unproductive = 4,9,14 → 4+4+4 = 12.
        Assert.Equal(12, Subscale(result, "unproductive"));
        // §5: capacity = 5,10,15 → 0+0+0 = 0.
        Assert.Equal(0, Subscale(result, "capacity"));
        Assert.Equal(30, result.Total);
    }

    [Theory]
    // clinical-reference §14.1: 0–4 per item, total 0–60.
    [InlineData(0, 0)]
    [InlineData(4, 60)]
    public void Ptq_RangeEnds(int each, int total)
    {
        Assert.Equal(total, Score("ptq", Repeat(each, 15)).Total);
    }
}
