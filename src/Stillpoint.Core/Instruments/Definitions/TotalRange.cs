namespace Stillpoint.Core.Instruments.Definitions;

/// <summary>The lowest and highest total a sum-scored instrument can reach (e.g. PHQ-9 0–27).</summary>
[System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Auto)]
public readonly record struct TotalRange(int Min, int Max)
{
    public static TotalRange Of(InstrumentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var min = 0;
        var max = 0;
        foreach (var group in definition.Scoring.Groups)
        {
            var scales = group.ItemNumbers.Select(number => definition.Item(number).Scale).ToList();

            // A max-group can never be lower than its highest item minimum, nor higher than its highest item maximum.
            min += scales.Max(scale => scale.Min);
            max += scales.Max(scale => scale.Max);
        }

        return new TotalRange(min, max);
    }
}
