using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Stillpoint.Core.Instruments;
using Stillpoint.Data.Demo;
using Stillpoint.Web.Auth;
using static Microsoft.Playwright.Assertions;

namespace Stillpoint.E2E;

/// <summary>
/// Issue 7 acceptance: the clinic dashboard renders for the demo clinic; on a small synthetic network (the
/// `demo seed --patients` generator, 40 patients) the dashboard shows rates and the durability page a Kaplan–Meier chart.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class DashboardTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task Dashboard_renders_for_the_demo_clinic_and_durability_draws_a_km_chart_for_a_network()
    {
        await SeedNetworkAsync(40);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await DemoSignIn.AsAsync(page, "admin@demo.stillpoint.test");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Clinic dashboard" })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-figure='active-patients']")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Definitions" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await DemoSignIn.AsAsync(page, NetworkSeeder.AdminEmail);
        await page.GotoAsync("/dashboard?route=IV");
        await Expect(page.Locator("select#f-route")).ToHaveValueAsync("IV");
        await Expect(page.Locator("table.rates").First).ToContainTextAsync("%");
        await page.GetByRole(AriaRole.Link, new() { Name = "Durability of response (Kaplan–Meier)" }).ClickAsync();
        await page.Locator("select#f-group").SelectOptionAsync("InductionSessions");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        var chart = page.Locator("svg.km-chart");
        await Expect(chart).ToBeVisibleAsync();
        await Expect(chart.Locator("title").First).ToContainTextAsync("Kaplan–Meier");
        await Expect(page.Locator("table.durability-table tbody tr").First).ToContainTextAsync("induction sessions");
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "durability.png"), FullPage = true });
    }

    private async Task SeedNetworkAsync(int patients)
    {
        await using var scope = browser.Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CallerContext>().UseSystem();
        var seeder = ActivatorUtilities.CreateInstance<NetworkSeeder>(scope.ServiceProvider);
        await seeder.SeedAsync(patients, scope.ServiceProvider.GetRequiredService<InstrumentLibrary>(), null, CancellationToken.None);
    }
}
