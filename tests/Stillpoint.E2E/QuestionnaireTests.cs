using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Stillpoint.E2E;

/// <summary>A nurse fills in a PHQ-9 for a demo patient in a real browser and sees the score and the flag.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class QuestionnaireTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string NurseEmail = "nurse@demo.stillpoint.test";

    [BrowserFact]
    public async Task Nurse_fills_in_a_phq9_and_sees_score_band_and_suicide_flag_in_the_list()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844); // a phone: the radio form must be usable there

        await DemoSignIn.AsAsync(page, NurseEmail);

        // The demo patient Theo Varga (DEMO-1004), found by MRN.
        await page.GotoAsync("/patients?search=DEMO-1004");
        await page.GetByRole(AriaRole.Link, new() { Name = "Varga, Theo" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Questionnaires and scores" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Questionnaires: Theo Varga");
        await page.GetByRole(AriaRole.Link, new() { Name = "Patient Health Questionnaire-9 (PHQ-9)" }).ClickAsync();
        await Expect(page.Locator("#item-1 .unofficial")).ToBeVisibleAsync();

        // Items 1–8 answered 1, item 9 answered 1: total 9 "mild" (clinical-reference §1) with the item-9 flag.
        await page.Locator("#context").SelectOptionAsync("pre-dose");
        for (var item = 1; item <= 9; item++)
        {
            await page.Locator($"#item-{item}").GetByLabel("1 — On some days").CheckAsync();
        }

        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "phq9-form.png"), FullPage = false });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and score" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(ResponsePageUrl());
        await Expect(page.Locator("dd.score")).ToHaveTextAsync("9");
        await Expect(page.Locator(".flag-banner")).ToContainTextAsync("Suicide-risk flag");

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to questionnaires" }).ClickAsync();
        var row = page.Locator("table.responses tbody tr").First;
        await Expect(row.Locator("td.score")).ToHaveTextAsync("9");
        await Expect(row).ToContainTextAsync("mild");
        await Expect(row.Locator(".flag-suicide")).ToContainTextAsync("suicidal-ideation");
        await Expect(page.Locator(".flag-banner")).ToBeVisibleAsync();
        var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", "phq9-responses.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        output.WriteLine($"Screenshot: {screenshot}");
    }

    [GeneratedRegex(@"/patients/[0-9a-f-]{36}/responses/[0-9a-f-]{36}$")]
    private static partial Regex ResponsePageUrl();
}
