using Stillpoint.Core.Access;
using Stillpoint.Web.Tests.Infrastructure;

namespace Stillpoint.Web.Tests.Dashboard;

[Collection(WebAppsDefinition.Name)]
public sealed class DashboardPageTests(AppsFixture apps)
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task DashboardPage_ShowsFiguresDefinitionsAndRateChart(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        await OutcomeTestClinic.SeedAsync(app, clinic);
        using var browser = await BrowserSession.SignInAsync(app, clinic.Emails[Roles.Therapist]);

        var html = await browser.GetHtmlAsync("/dashboard");

        Assert.Contains("data-figure=\"active-patients\">2<", html, StringComparison.Ordinal);
        Assert.Contains("data-figure=\"ae-per-100\">50.0", html, StringComparison.Ordinal);
        Assert.Contains("100.0 %", html, StringComparison.Ordinal);
        Assert.Contains("Definitions", html, StringComparison.Ordinal);
        Assert.Contains("class=\"chart rates-chart", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task DurabilityPage_DrawsKaplanMeierAndTable_BadFilterExplained(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        await OutcomeTestClinic.SeedAsync(app, clinic);
        using var browser = await BrowserSession.SignInAsync(app, clinic.Emails[Roles.Nurse]);

        var html = await browser.GetHtmlAsync("/dashboard/durability?groupBy=Route");
        var bad = await browser.GetHtmlAsync("/dashboard?route=Teleport");

        Assert.Contains("class=\"chart km-chart", html, StringComparison.Ordinal);
        Assert.Contains("Kaplan–Meier durability of response", html, StringComparison.Ordinal);
        Assert.Contains("<td>IV</td><td>1</td><td>1</td><td>0</td>", html, StringComparison.Ordinal); // 1 responder, relapsed
        Assert.Contains("<td>7 (", html, StringComparison.Ordinal); // median 7 days
        Assert.Contains("route: Unknown value", bad, StringComparison.Ordinal);
    }
}
