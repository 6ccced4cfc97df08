using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Stillpoint.E2E;

/// <summary>
/// Issue 4 in a real browser: a prescriber reviews the demo patient's intake (one caution fires: baseline BP
/// 146/88 above the 140/90 guide, clinical-reference §14.3 [U]), signs eligibility with a justification, and
/// activates the seeded draft plan; the patient page then shows dosing may be scheduled.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class EligibilitySignOffTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string PrescriberEmail = "prescriber@demo.stillpoint.test";

    [BrowserFact]
    public async Task Prescriber_reviews_intake_signs_eligibility_with_a_justification_and_activates_the_plan()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await DemoSignIn.AsAsync(page, PrescriberEmail);

        // The demo patient with an intake awaiting sign-off.
        await page.GotoAsync("/patients");
        await page.GetByRole(AriaRole.Link, new() { Name = "Okafor, Jonah", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Jonah Okafor");
        await Expect(page.Locator("#eligibility-state")).ToHaveTextAsync("Not signed");
        await Expect(page.Locator("#dosing-gate")).ToContainTextAsync("Eligibility has not been signed");

        // Review: the intake summary and the rule that fired, with its reason.
        await page.GetByRole(AriaRole.Link, new() { Name = "review and sign" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Eligibility", Level = 1 })).ToBeVisibleAsync();
        var intake = page.GetByRole(AriaRole.Region, new() { Name = "Intake summary" });
        await Expect(intake).ToContainTextAsync("146");
        await Expect(intake).ToContainTextAsync("treatmentResistantDepression");
        var decision = page.GetByRole(AriaRole.Region, new() { Name = "Decision" });
        await Expect(decision).ToContainTextAsync("bp-baseline-elevated");
        await Expect(decision).ToContainTextAsync("146 > 140");
        await Expect(decision).ToContainTextAsync("default, unverified — review");

        // Signing "eligible" without the justification is refused with the reason beside the caution.
        await page.Locator("#decision-eligible").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("justifications.bp-baseline-elevated");

        await page.Locator("#decision-eligible").CheckAsync();
        await page.Locator("#justification-bp-baseline-elevated").FillAsync("Repeat BP 136/84 after 10 min rest; on amlodipine; BP at 40 min per protocol.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(PatientPageUrl());
        await Expect(page.Locator("#eligibility-state")).ToHaveTextAsync("Signed eligible (current)");
        await Expect(page.Locator("#consent-state")).ToHaveTextAsync("Consent signed");
        await Expect(page.Locator("#dosing-gate")).ToContainTextAsync("No active treatment plan");

        // Activate the draft plan.
        await page.GetByRole(AriaRole.Link, new() { Name = "plans", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "draft", Exact = true }).ClickAsync();
        await Expect(page.Locator("#plan-status")).ToHaveTextAsync("draft");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Plan" })).ToContainTextAsync("0.5 mg/kg × 82 kg = 41 mg");
        await page.Locator("#status").SelectOptionAsync("Active");
        await page.Locator("#status-reason").FillAsync("eligible and consented; start induction");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change status" }).ClickAsync();
        await Expect(page.Locator("#plan-status")).ToHaveTextAsync("active");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Revisions" })).ToContainTextAsync("activated");

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the patient" }).ClickAsync();
        await Expect(page.Locator("#dosing-gate")).ToHaveTextAsync("may be scheduled");
        var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", "eligibility-signed-plan-active.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        output.WriteLine($"Screenshot: {screenshot}");
    }

    [GeneratedRegex(@"/patients/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex PatientPageUrl();
}
