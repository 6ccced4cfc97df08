using Stillpoint.Data.Demo;
using Stillpoint.Web.Tests.Infrastructure;

namespace Stillpoint.Web.Tests.Alerts;

/// <summary>The demo clinic shows an open high alert at the top of the inbox and a booster suggestion with its evidence.</summary>
public sealed class AlertDemoTests
{
    [Fact]
    public async Task DemoClinic_HasAnOpenSuicideRiskAlert_AndABoosterSuggestion()
    {
        await using var database = TestDatabase.Sqlite();
        await using var demo = StillpointTestApp.Over(database, demo: true);
        using var prescriber = await BrowserSession.SignInAsync(demo, "prescriber@demo.stillpoint.test", DemoSeeder.Password);

        var inbox = await prescriber.GetHtmlAsync("/alerts");
        Assert.Contains("Suicide risk", inbox, StringComparison.Ordinal);
        Assert.Contains("Sasha Brennan", inbox, StringComparison.Ordinal);
        Assert.Contains("data-state=\"open\"", inbox, StringComparison.Ordinal);

        var boosters = await prescriber.GetHtmlAsync("/boosters");
        Assert.Contains("Theo Varga", boosters, StringComparison.Ordinal);
        Assert.Contains("at or above the clinic threshold 10", boosters, StringComparison.Ordinal);
        Assert.Contains("Accept: add a booster session", boosters, StringComparison.Ordinal);
        Assert.Contains("<td>20</td>", boosters, StringComparison.Ordinal);
        Assert.Contains("<td>16</td>", boosters, StringComparison.Ordinal);
    }
}
