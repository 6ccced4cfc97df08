using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Stillpoint.E2E;

/// <summary>Signs a demo account in through the real login form (the page must be showing it).</summary>
internal static class DemoSignIn
{
    public const string Password = "Stillpoint-Demo-1";

    public static async Task OnLoginPageAsync(IPage page, string email)
    {
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    /// <summary>Opens /login and signs in.</summary>
    public static async Task AsAsync(IPage page, string email)
    {
        await page.GotoAsync("/login");
        await OnLoginPageAsync(page, email);
    }
}
