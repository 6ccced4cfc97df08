using Stillpoint.Web.FollowUp;

namespace Stillpoint.Web.Tests.FollowUp;

/// <summary>Window offsets as written on the template page and in the API.</summary>
public sealed class OffsetsTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("40m", 40)]
    [InlineData("-2h", -120)]
    [InlineData("7d", 10_080)]
    [InlineData("1d12h", 2_160)] // units combine in d-h-m order
    [InlineData(" -1d 2h ", -1_560)] // spaces are ignored; the sign covers the whole offset
    public void TryParse_ReadsOffsets(string text, int minutes)
    {
        Assert.True(Offsets.TryParse(text, out var offset));
        Assert.Equal(TimeSpan.FromMinutes(minutes), offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("abc")]
    [InlineData("2h1d")] // wrong order
    [InlineData("400d")] // beyond a year
    [InlineData("1.5h")]
    public void TryParse_RefusesOtherText(string text) => Assert.False(Offsets.TryParse(text, out _));

    [Theory]
    [InlineData(-120, "-2h")]
    [InlineData(0, "0")]
    [InlineData(2_160, "1d12h")]
    [InlineData(-5, "-5m")]
    public void Format_RoundTrips(int minutes, string text)
    {
        Assert.Equal(text, Offsets.Format(TimeSpan.FromMinutes(minutes)));
        Assert.True(Offsets.TryParse(text, out var back));
        Assert.Equal(TimeSpan.FromMinutes(minutes), back);
    }
}
