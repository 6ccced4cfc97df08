namespace Stillpoint.Core.Connectivity;

/// <summary>Turns a label file's free-text network role into the three groups the DMN summaries use.</summary>
internal static class NetworkClassifier
{
    public static RegionNetwork Classify(string role, bool columnIsDmnRole)
    {
        if (role.Length == 0)
        {
            return RegionNetwork.Other;
        }

        var isDmn = columnIsDmnRole
            || role.Contains("default", StringComparison.OrdinalIgnoreCase)
            || role.Contains("dmn", StringComparison.OrdinalIgnoreCase);
        if (!isDmn)
        {
            return RegionNetwork.Other;
        }

        return role.Contains("core", StringComparison.OrdinalIgnoreCase) ? RegionNetwork.DmnCore : RegionNetwork.DmnSubsystem;
    }
}
