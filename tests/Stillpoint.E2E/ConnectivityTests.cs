using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Stillpoint.E2E;

/// <summary>
/// A prescriber sets up region labels and a healthy-control set, uploads baseline and post scans for a demo
/// patient, and sees the matrix and the pre/post change against the controls, in a real browser.
/// Uses the real ABIDE NYU files when shared/data is above the test binaries, otherwise synthetic series.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class ConnectivityTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string PrescriberEmail = "prescriber@demo.stillpoint.test";

    [BrowserFact]
    public async Task Prescriber_uploads_baseline_and_post_scans_and_sees_matrix_and_change_against_controls()
    {
        var data = TestSeries.Load();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var labelSet = $"HO labels {tag}";
        var controlSet = $"Controls {tag}";
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await DemoSignIn.AsAsync(page, PrescriberEmail);

        // Clinic set-up: the region labels, then the control norm set from several files at once.
        await page.GotoAsync("/connectivity");
        await page.Locator("#label-name").FillAsync(labelSet);
        await page.Locator("#label-file").SetInputFilesAsync(File("labels.csv", data.Labels));
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload label set" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = labelSet, Exact = true })).ToBeVisibleAsync();

        await page.Locator("#control-name").FillAsync(controlSet);
        await page.Locator("#control-files").SetInputFilesAsync(data.Controls.Select(c => File(c.Name, c.Text)));
        await page.Locator("#control-drop").FillAsync(data.DropColumns);
        await page.Locator("#control-labels").SelectOptionAsync(new SelectOptionValue { Label = labelSet });
        await page.GetByRole(AriaRole.Button, new() { Name = "Build control set" }).ClickAsync();
        var controlRow = page.GetByRole(AriaRole.Row).Filter(new() { HasText = controlSet });
        await Expect(controlRow).ToContainTextAsync(data.Controls.Count.ToString(CultureInfo.InvariantCulture));
        await Expect(controlRow).ToContainTextAsync("Butterworth");

        // The demo patient's page links to its connectivity research page.
        await page.GotoAsync("/patients");
        await page.GetByRole(AriaRole.Link, new() { Name = "Okafor, Jonah", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "DMN connectivity (research)" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("DMN connectivity: Jonah Okafor");

        await UploadScanAsync(page, data.Baseline, "Baseline", "2026-01-10", data.DropColumns, labelSet);
        await UploadScanAsync(page, data.Post, "AfterCourse", "2026-03-02", data.DropColumns, labelSet);
        var scanRows = page.Locator("#scans tbody tr");
        await Expect(scanRows).ToHaveCountAsync(2);
        await Expect(scanRows.First).ToContainTextAsync("Baseline");
        await Expect(scanRows.Nth(1)).ToContainTextAsync("After course");

        // Pre/post with the control comparison.
        await page.Locator("#controls").SelectOptionAsync(new SelectOptionValue { Label = $"{controlSet} (n = {data.Controls.Count})" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare" }).ClickAsync();
        await Expect(page.Locator("#core-change")).ToContainTextAsync("Core-DMN mean z:");
        await Expect(page.Locator("#core-change")).ToContainTextAsync(CoreDirection());
        await Expect(page.Locator("#comparison .options")).ToContainTextAsync($"Controls: {controlSet}.");
        await Expect(page.Locator("#metric-changes tbody tr").First).ToContainTextAsync("Core-DMN mean");
        await Expect(page.Locator("svg#change-map")).ToBeVisibleAsync();
        await Screenshot(page, "connectivity-comparison.png");

        // One scan's matrix, ordered by network, with the patient's position against the controls.
        await scanRows.First.GetByRole(AriaRole.Link, new() { Name = "View matrix" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Baseline scan, 2026-01-10");
        var map = page.Locator("svg#scan-map");
        await Expect(map).ToBeVisibleAsync();
        await Expect(map.Locator("desc")).ToContainTextAsync("DMN core");
        await Expect(page.Locator("#options-used")).ToContainTextAsync("bandpass 0.01–0.1 Hz");
        await Expect(page.Locator("#dmn-figures thead")).ToContainTextAsync("Patient vs controls");
        await Screenshot(page, "connectivity-matrix.png");
    }

    private static async Task UploadScanAsync(IPage page, (string Name, string Text) file, string timePoint, string date, string drop, string labelSet)
    {
        await page.Locator("#scan-file").SetInputFilesAsync(File(file.Name, file.Text));
        await page.Locator("#scan-timepoint").SelectOptionAsync(timePoint);
        await page.Locator("#scan-date").FillAsync(date);
        await page.Locator("#scan-drop").FillAsync(drop);
        await page.Locator("#scan-labels").SelectOptionAsync(new SelectOptionValue { Label = labelSet });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload scan" }).ClickAsync();
        await Expect(page.Locator("#scans tbody tr").Filter(new() { HasText = date })).ToHaveCountAsync(1);
    }

    private async Task Screenshot(IPage page, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", name);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"Screenshot: {path}");
    }

    private static FilePayload File(string name, string text) => new() { Name = name, MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes(text) };

    [GeneratedRegex("toward controls|away from controls")]
    private static partial Regex CoreDirection();

    /// <summary>The real ABIDE files when present above the binaries, else synthetic series with a known core coupling.</summary>
    private sealed record TestSeries(string Labels, (string Name, string Text) Baseline, (string Name, string Text) Post, IReadOnlyList<(string Name, string Text)> Controls, string DropColumns)
    {
        public static TestSeries Load()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                var folder = Path.Combine(directory.FullName, "shared", "data", "dmn-abide-nyu");
                if (System.IO.File.Exists(Path.Combine(folder, "ho_labels_inferred.csv")))
                {
                    (string, string) Real(string subject) => ($"{subject}_rois_ho.1D", System.IO.File.ReadAllText(Path.Combine(folder, $"{subject}_rois_ho.1D")));
                    return new TestSeries(
                        System.IO.File.ReadAllText(Path.Combine(folder, "ho_labels_inferred.csv")),
                        Real("NYU_0051057"),
                        Real("NYU_0051058"),
                        [.. new[] { "NYU_0051059", "NYU_0051060", "NYU_0051061", "NYU_0051062", "NYU_0051063" }.Select(Real)],
                        "82");
                }
            }

            var labels = new StringBuilder("column_index_0based,header_code,region,hemisphere,dmn_role\n");
            for (var i = 0; i < 10; i++)
            {
                labels.Append(CultureInfo.InvariantCulture, $"{i},#{100 + i},Region {i},{(i % 2 == 0 ? "L" : "R")},{(i < 4 ? "core_dmn" : i < 6 ? "MTL" : "")}\n");
            }

            return new TestSeries(
                labels.ToString(),
                ("pre.txt", Synthetic(1, 0.9)),
                ("post.txt", Synthetic(2, 0.4)),
                [.. Enumerable.Range(10, 5).Select(seed => ($"control-{seed}.txt", Synthetic(seed, 0.5 + (seed % 3 * 0.1))))],
                "");
        }

        private static string Synthetic(int seed, double coupling)
        {
            var random = new Random(seed);
            double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            var text = new StringBuilder(string.Join('\t', Enumerable.Range(0, 10).Select(i => $"#{100 + i}"))).Append('\n');
            for (var t = 0; t < 176; t++)
            {
                var shared = Gaussian();
                text.AppendJoin('\t', Enumerable.Range(0, 10).Select(i => ((i < 4 ? coupling * shared : 0) + Gaussian()).ToString("F6", CultureInfo.InvariantCulture))).Append('\n');
            }

            return text.ToString();
        }
    }
}
