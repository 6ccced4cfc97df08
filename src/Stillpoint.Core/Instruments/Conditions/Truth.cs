namespace Stillpoint.Core.Instruments.Conditions;

/// <summary>
/// Three-valued logic: with answers missing a rule may be neither true nor false, and a safety
/// rule must not read "unknown" as "false".
/// </summary>
public enum Truth
{
    False,
    Unknown,
    True,
}

internal static class TruthLogic
{
    public static Truth From(bool value) => value ? Truth.True : Truth.False;

    public static Truth All(IEnumerable<Truth> parts)
    {
        var result = Truth.True;
        foreach (var part in parts)
        {
            if (part == Truth.False)
            {
                return Truth.False;
            }

            if (part == Truth.Unknown)
            {
                result = Truth.Unknown;
            }
        }

        return result;
    }

    /// <summary>De Morgan: "any holds" is "not all fail", with Unknown staying Unknown.</summary>
    public static Truth Any(IEnumerable<Truth> parts) => Not(All(parts.Select(Not)));

    private static Truth Not(Truth value) => value switch
    {
        Truth.True => Truth.False,
        Truth.False => Truth.True,
        _ => Truth.Unknown,
    };
}
