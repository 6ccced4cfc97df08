using static Stillpoint.Core.Tests.Instruments.ShippedInstruments;

namespace Stillpoint.Core.Tests.Instruments;

public sealed class Gad7Tests
{
    [Fact]
    public void Score_OneMissing_NoTotal()
    {
        // clinical-reference §2 publishes no prorating rule, so every item is required (our decision).
        var result = Score("gad7", "1,1,1,1,1,1,");

        Assert.Null(result.Total);
        Assert.False(result.IsComplete);
        Assert.Equal([7], result.MissingItems);
    }
}
