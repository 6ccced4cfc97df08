using System.IO.Compression;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Stillpoint.E2E;

/// <summary>
/// Issue 7's exports in a real browser: the clinic admin reaches Export from the main navigation and downloads the
/// research export, a zip with its README and de-identified CSVs (no demo patient's name or MRN in any file); a
/// nurse has no Export link and is turned away from the page.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ExportTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task Admin_downloads_the_de_identified_research_export_and_a_nurse_cannot()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await DemoSignIn.AsAsync(page, "admin@demo.stillpoint.test");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Export" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Export", Exact = true })).ToBeVisibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download research export (zip)" }).ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), $"research-{Guid.NewGuid():N}.zip");
        await download.SaveAsAsync(path);
        try
        {
            var files = ReadZip(path);
            Assert.Contains("README.txt", files.Keys);
            Assert.Contains(files, f => f.Key.EndsWith(".csv", StringComparison.Ordinal) && f.Value.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > 1);
            foreach (var identifying in new[] { "Castellanos", "Halvorsen", "DEMO-1003", "DEMO-1006" })
            {
                Assert.DoesNotContain(files, f => f.Value.Contains(identifying, StringComparison.Ordinal));
            }
        }
        finally
        {
            File.Delete(path);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await DemoSignIn.AsAsync(page, "nurse@demo.stillpoint.test");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Export" })).ToHaveCountAsync(0);
        await page.GotoAsync("/export");
        Assert.Contains("/denied", page.Url, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> ReadZip(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var reader = new StreamReader(e.Open());
            return reader.ReadToEnd();
        }, StringComparer.Ordinal);
    }
}
