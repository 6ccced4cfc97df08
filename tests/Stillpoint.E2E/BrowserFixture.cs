using Microsoft.Playwright;

namespace Stillpoint.E2E;

/// <summary>
/// One web host and one headless Chromium shared by every browser test in the collection; each test opens
/// its own browser context (own cookies), see <see cref="NewContextAsync"/>.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    // Flags for a headless system Chromium in a container without network access (toolchain.md section 4).
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];

    private readonly StillpointWebFactory _factory = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public StillpointWebFactory Factory => _factory;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException(ChromiumLocator.MissingMessage);

    public async Task InitializeAsync()
    {
        // xUnit builds collection fixtures even when every test is skipped: start nothing then.
        if (!ChromiumLocator.IsAvailable)
        {
            if (ChromiumLocator.IsCi)
            {
                throw new InvalidOperationException($"{ChromiumLocator.MissingMessage} (CI=true: browser tests must not be skipped)");
            }

            return;
        }

        _ = _factory.BaseUrl;
        // The first request of each page JIT-compiles it; two slow CI cores need more than Playwright's 5 s.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumLocator.Path,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh context (no cookies) whose relative URLs resolve against the test server.</summary>
    public Task<IBrowserContext> NewContextAsync() =>
        Browser.NewContextAsync(new() { BaseURL = _factory.BaseUrl.ToString() });

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _factory.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
