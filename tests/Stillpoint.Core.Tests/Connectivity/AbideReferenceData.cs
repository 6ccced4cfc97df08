namespace Stillpoint.Core.Tests.Connectivity;

/// <summary>
/// Locates the shared ABIDE NYU validation set (non-commercial data, never copied into the repository):
/// walks up from the test binaries until a folder holding shared/data/dmn-abide-nyu is found — the repo's
/// sibling "shared" folder on the development machines and in CI.
/// </summary>
internal static class AbideReferenceData
{
    public static readonly string? Folder = Locate();

    /// <summary>CI must never silently skip the real-data check.</summary>
    public static bool RunningInCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static string? Locate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "data", "dmn-abide-nyu");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

/// <summary>A fact that needs the shared real data: skipped where it is absent, except in CI where absence fails.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RealDataFactAttribute : FactAttribute
{
    public RealDataFactAttribute()
    {
        if (AbideReferenceData.Folder is null && !AbideReferenceData.RunningInCi)
        {
            Skip = "shared/data/dmn-abide-nyu was not found above the test binaries (it is always present in CI).";
        }
    }
}
