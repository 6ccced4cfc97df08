namespace Stillpoint.E2E;

/// <summary>
/// Where the system Chromium is: <c>STILLPOINT_TEST_CHROMIUM</c>, else Debian's <c>/usr/bin/chromium</c>.
/// Playwright's own browser download is never used.
/// </summary>
internal static class ChromiumLocator
{
    public const string Variable = "STILLPOINT_TEST_CHROMIUM";
    public const string DebianPath = "/usr/bin/chromium";

    /// <summary>The path to use: the variable's value when set, else the Debian path.</summary>
    public static string Path
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable(Variable);
            return string.IsNullOrWhiteSpace(configured) ? DebianPath : configured.Trim();
        }
    }

    public static bool IsAvailable => File.Exists(Path);

    /// <summary>On CI (CI=true) browser tests must run: a missing browser is a failure, not a skip.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string MissingMessage =>
        $"Chromium not found at {Path}: install it (apt-get install chromium) or set {Variable} to its path.";
}
