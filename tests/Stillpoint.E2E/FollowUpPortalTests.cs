using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Stillpoint.E2E;

/// <summary>
/// Issue 6 end to end: the demo portal patient (Avery Lindqvist) on a phone completes the PHQ-9 due in the portal
/// with item 9 answered 1, then writes a journal entry shared with the care team; the demo therapist then sees the
/// entry on the patient's page (never the patient's private entry) and the suicide-risk alert in the clinic inbox.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class FollowUpPortalTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string PatientEmail = "patient@demo.stillpoint.test";
    private const string TherapistEmail = "therapist@demo.stillpoint.test";
    private const string EntryText = "Quieter evening. I caught the replay twice and let it pass.";

    [BrowserFact]
    public async Task Patient_on_a_phone_completes_a_due_phq9_and_shares_a_journal_entry_the_therapist_sees_both()
    {
        await using (var phone = await PhoneContextAsync())
        {
            var page = await phone.NewPageAsync();
            await DemoSignIn.AsAsync(page, PatientEmail);
            await CompleteDuePhq9Async(page);
            await WriteSharedEntryAsync(page);
        }

        await using var desk = await browser.NewContextAsync();
        var staff = await desk.NewPageAsync();
        await DemoSignIn.AsAsync(staff, TherapistEmail);
        await staff.GotoAsync("/patients?search=DEMO-1001");
        await staff.GetByRole(AriaRole.Link, new() { Name = "Lindqvist, Avery" }).ClickAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "Shared journal and integration notes" }).ClickAsync();
        var shared = staff.Locator("article.shared-entry", new() { HasText = EntryText });
        await Expect(shared).ToBeVisibleAsync();
        await Expect(shared).ToContainTextAsync("Mood 6/10");
        // The demo's private evening entry stays the patient's alone.
        await Expect(staff.GetByText("lake house")).ToHaveCountAsync(0);
        await Screenshot(staff, "journal-therapist.png");

        await staff.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Alerts" }).ClickAsync();
        var alert = staff.Locator("section.alert-item[data-kind='SuicideRisk']", new() { HasText = "Avery Lindqvist" });
        await Expect(alert.First).ToBeVisibleAsync();
        await Expect(alert.First.Locator(".flag-suicide")).ToHaveTextAsync("Suicide risk");
        await Screenshot(staff, "alerts-therapist.png");
    }

    /// <summary>Opens the PHQ-9 from "Due now" and answers every item 1 ("on some days"), item 9 included.</summary>
    private async Task CompleteDuePhq9Async(IPage page)
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "My care" }).ClickAsync();
        await page.GetByRole(AriaRole.List, new() { Name = "Questionnaires due now" })
            .GetByRole(AriaRole.Link, new() { NameRegex = new Regex("PHQ-9") }).ClickAsync();
        for (var item = 1; item <= 9; item++)
        {
            await page.Locator($"#item-{item}").GetByLabel("1 — On some days").CheckAsync();
        }

        await Screenshot(page, "portal-phq9-phone.png");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit answers" }).ClickAsync();
        await Expect(page.Locator(".flag-banner")).ToContainTextAsync("Your care team has been notified");
    }

    private Task<IBrowserContext> PhoneContextAsync() => browser.Browser.NewContextAsync(new()
    {
        BaseURL = browser.Factory.BaseUrl.ToString(),
        ViewportSize = new() { Width = 390, Height = 844 },
        IsMobile = true,
        HasTouch = true,
    });

    private async Task WriteSharedEntryAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Journal" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("My journal");
        await page.GetByRole(AriaRole.Link, new() { Name = "Write an entry" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "The evening after" }).ClickAsync();
        await Expect(page.Locator("#journal-prompt")).ToBeVisibleAsync();

        await page.Locator("#text").FillAsync(EntryText);
        await page.Locator("#mood").FillAsync("6");
        await page.Locator("#tags").FillAsync("rumination, Evening");
        await page.Locator("#sessionId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Share with my care team").CheckAsync();
        // Usable on the phone: the text box fits the 390 px screen.
        var box = await page.Locator("#text").BoundingBoxAsync();
        Assert.True(box is { X: >= 0 } && box.X + box.Width <= 390, $"text box overflows the phone screen: {box?.X}+{box?.Width}");
        await Screenshot(page, "journal-phone-form.png");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save entry" }).ClickAsync();

        await Expect(page.Locator("#sharing-state")).ToHaveTextAsync("Shared with my care team.");
        await Expect(page.Locator("#tags")).ToHaveValueAsync("rumination, evening");
    }

    private async Task Screenshot(IPage page, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", name);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"Screenshot: {path}");
    }
}
