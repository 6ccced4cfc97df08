namespace Stillpoint.Core.Connectivity;

/// <summary>Decides which frames survive framewise-displacement censoring.</summary>
internal static class FrameCensoring
{
    /// <summary>True for each frame kept: FD at or under the threshold and inside a long enough run of kept frames.</summary>
    public static bool[] KeptFrames(FramewiseDisplacementSeries fd, int firstFrame, int count, CensoringSettings settings)
    {
        var kept = new bool[count];
        for (var t = 0; t < count; t++)
        {
            kept[t] = fd[firstFrame + t] <= settings.FramewiseDisplacementThresholdMm;
        }

        RemoveShortRuns(kept, settings.MinimumSegmentLength);
        return kept;
    }

    private static void RemoveShortRuns(bool[] kept, int minimumLength)
    {
        var t = 0;
        while (t < kept.Length)
        {
            if (!kept[t])
            {
                t++;
                continue;
            }

            var start = t;
            while (t < kept.Length && kept[t])
            {
                t++;
            }

            if (t - start < minimumLength)
            {
                Array.Fill(kept, false, start, t - start);
            }
        }
    }

    public static double[] KeepOnly(double[] series, bool[] kept) =>
        series.Where((_, t) => kept[t]).ToArray();
}
