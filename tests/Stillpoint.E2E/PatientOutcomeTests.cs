using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Stillpoint.E2E;

/// <summary>
/// Issue 7 acceptance in a real browser: a therapist opens the demo patient with an outcome history (Ines Halvorsen:
/// six induction sessions, one booster, PHQ-9, RRS-22 and BSRI) from the patient page and sees the trajectory charts with
/// their severity bands and session markers (boosters distinct), the change labels, the BSRI pre/post chart, and the
/// printable report.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class PatientOutcomeTests(BrowserFixture browser)
{
    private const string TherapistEmail = "therapist@demo.stillpoint.test";

    [BrowserFact]
    public async Task Therapist_sees_outcome_charts_with_bands_and_session_markers_and_prints_the_report()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await DemoSignIn.AsAsync(page, TherapistEmail);

        await page.GotoAsync("/patients");
        await page.GetByRole(AriaRole.Link, new() { Name = "Halvorsen, Ines", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Outcomes: trajectories, response and remission" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Outcomes: Ines Halvorsen" })).ToBeVisibleAsync();

        // The PHQ-9 trajectory: an accessible image with five shaded, labelled bands and seven session markers.
        var phq9 = page.GetByRole(AriaRole.Img, new() { Name = "PHQ-9 total over time" });
        await Expect(phq9).ToBeVisibleAsync();
        await Expect(phq9.Locator("g.band")).ToHaveCountAsync(5);
        await Expect(phq9.Locator("text.band-label").Filter(new() { HasText = "moderately severe" })).ToHaveCountAsync(1);
        await Expect(phq9.Locator("g.dosing-sessions line")).ToHaveCountAsync(6);
        await Expect(phq9.Locator("g.booster-sessions line")).ToHaveCountAsync(1);
        await Expect(phq9.Locator("circle")).ToHaveCountAsync(10);
        var box = await phq9.BoundingBoxAsync();
        Assert.True(box is { Width: > 300, Height: > 100 }, "The chart is drawn at a legible size.");

        // The change labels, each with its rule.
        var phq9Card = page.Locator("#outcome-phq9");
        await Expect(phq9Card).ToContainTextAsync("Reliable improvement");
        await Expect(phq9Card).ToContainTextAsync("Response");
        await Expect(phq9Card).ToContainTextAsync("Relapse after response");
        await Expect(phq9Card).ToContainTextAsync("clinical-reference §1");

        // BSRI before and after each dose: seven pairs.
        var pairs = page.GetByRole(AriaRole.Img, new() { Name = "State rumination (BSRI) before and about 40 minutes after each dose" });
        await Expect(pairs.Locator("g.pair")).ToHaveCountAsync(7);
        await Expect(page.Locator("table.state-pairs")).ToContainTextAsync("B7");

        // The printable report: navigation is hidden in print.
        await page.GetByRole(AriaRole.Link, new() { Name = "Printable progress report" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Progress report" })).ToBeVisibleAsync();
        await Expect(page.Locator("#generated-at")).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator(".topbar")).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "PHQ-9 total over time" })).ToBeVisibleAsync();
        var shots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(shots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "outcome-report-print.png"), FullPage = true });
    }
}
