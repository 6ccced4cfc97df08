using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Stillpoint.E2E;

/// <summary>A nurse registers a patient in a real browser, against the real host and the demo clinic.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class PatientRegistrationTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string NurseEmail = "nurse@demo.stillpoint.test";

    [BrowserFact]
    public async Task Nurse_registers_a_patient_and_finds_it_in_the_list()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var mrn = "E2E-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

        // Not signed in: the patient list sends us to the login page and back.
        await page.GotoAsync("/patients");
        await DemoSignIn.OnLoginPageAsync(page, NurseEmail);
        await Expect(page).ToHaveURLAsync(PatientListUrl());

        await page.GetByRole(AriaRole.Link, new() { Name = "Register a patient" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Register a patient", Level = 1 })).ToBeVisibleAsync();
        await page.Locator("#mrn").FillAsync(mrn);
        await page.Locator("#dob").FillAsync("1988-04-12");
        await page.Locator("#given").FillAsync("Juniper");
        await page.Locator("#family").FillAsync("Aalto");
        await page.Locator("#sex").SelectOptionAsync("Female");
        await page.Locator("#email").FillAsync("juniper.aalto@example.test");
        await page.Locator("#phone").FillAsync("+1 555 0100");
        await page.Locator("#weight").FillAsync("61.5");
        await page.Locator("#weighed").FillAsync("2026-01-15");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(PatientPageUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Juniper Aalto");
        await Expect(page.Locator("dl.facts").First).ToContainTextAsync(mrn);
        var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", "patient-registered.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        output.WriteLine($"Screenshot: {screenshot}");

        // In the list (sorted by family name, so "Aalto" is on the first page)...
        await NavLink(page, "Patients").ClickAsync();
        await Expect(page).ToHaveURLAsync(PatientListUrl());
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Aalto, Juniper", Exact = true })).ToBeVisibleAsync();

        // ...and found by searching for its MRN.
        await page.GetByLabel("Name or MRN").FillAsync(mrn);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page.GetByText($"1 patient(s) matching “{mrn}”.")).ToBeVisibleAsync();
        var rows = page.Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync(mrn);
        await rows.First.GetByRole(AriaRole.Link, new() { Name = "Aalto, Juniper" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Juniper Aalto");
    }

    [BrowserFact]
    public async Task Bad_registration_shows_field_errors_and_stores_nothing()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await DemoSignIn.OnLoginPageAsync(page, NurseEmail);
        await Expect(NavLink(page, "Patients")).ToBeVisibleAsync();
        await page.GotoAsync("/patients");
        var before = await ReadPatientCountAsync(page);

        await page.GotoAsync("/patients/new");
        var nextYear = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.Locator("#dob").FillAsync(nextYear);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();

        // The form comes back with a message beside each bad field.
        await Expect(page).ToHaveURLAsync(new Regex("/patients/new$"));
        await Expect(FieldError(page, "mrn")).ToHaveTextAsync("This field is required.");
        await Expect(FieldError(page, "given")).ToHaveTextAsync("This field is required.");
        await Expect(FieldError(page, "family")).ToHaveTextAsync("This field is required.");
        await Expect(FieldError(page, "dob")).ToHaveTextAsync("Date of birth cannot be in the future.");
        await Expect(FieldError(page, "sex")).ToContainTextAsync("Sex is required");
        await Expect(page.Locator("#dob")).ToHaveValueAsync(nextYear);
        await Expect(FieldError(page, "email")).ToHaveCountAsync(0);

        await page.GotoAsync("/patients");
        await Expect(PatientCount(page)).ToHaveTextAsync($"{before} patient(s).");
    }

    private static ILocator NavLink(IPage page, string name) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    /// <summary>The validation message rendered right after the field with this id.</summary>
    private static ILocator FieldError(IPage page, string fieldId) =>
        page.Locator($"#{fieldId} ~ .validation-message");

    private static ILocator PatientCount(IPage page) => page.GetByText(PatientCountText());

    private static async Task<int> ReadPatientCountAsync(IPage page)
    {
        var count = PatientCount(page);
        await Expect(count).ToBeVisibleAsync();
        var match = PatientCountText().Match(await count.InnerTextAsync());
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^(\d+) patient\(s\)\.$")]
    private static partial Regex PatientCountText();

    [GeneratedRegex(@"/patients$")]
    private static partial Regex PatientListUrl();

    [GeneratedRegex(@"/patients/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex PatientPageUrl();
}
