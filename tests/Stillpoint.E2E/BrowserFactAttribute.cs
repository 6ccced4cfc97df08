namespace Stillpoint.E2E;

/// <summary>
/// A test that needs a real browser. Skipped when no Chromium is found, except on CI (CI=true), where the
/// test runs and fails instead, so a broken CI image cannot pass by skipping everything.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!ChromiumLocator.IsAvailable && !ChromiumLocator.IsCi)
        {
            Skip = ChromiumLocator.MissingMessage;
        }
    }
}
