namespace Stillpoint.Core.Connectivity;

/// <summary>The preprocessing steps between loading and correlating, each recorded in the workspace.</summary>
internal static class PipelineSteps
{
    public static ConnectivityProblem? Preprocess(PipelineWorkspace work, ConnectivityOptions options, bool[]? kept, out FilterCoefficients? filter)
    {
        filter = null;
        if (options.Detrend)
        {
            work.ForEachSeries(s => SignalOperations.Detrend(s));
            work.Steps.Add("linear detrend (mean and least-squares line removed)");
        }

        if (options.BandPass is { } band)
        {
            var problem = BandPass(work, band, options.RepetitionTimeSeconds!.Value, ref kept, out filter);
            if (problem is not null)
            {
                return problem;
            }
        }

        if (kept is not null)
        {
            var problem = Censor(work, kept, options);
            if (problem is not null)
            {
                return problem;
            }
        }

        if (options.RegressConfounds)
        {
            ConfoundRegression.RegressOut(work.Signals, work.Confounds);
            work.Steps.Add(PipelineWorkspace.Invariant($"regressed out {work.Confounds.Count} confounds (z-scored, orthonormalised)"));
        }

        work.ExcludeVanishedRegions();
        if (options.Standardize)
        {
            work.Signals.ForEach(s => SignalOperations.ZScore(s));
            work.Steps.Add("z-scored each region (sample SD)");
        }

        return null;
    }

    private static ConnectivityProblem? BandPass(PipelineWorkspace work, BandPassSettings band, double tr, ref bool[]? kept, out FilterCoefficients filter)
    {
        filter = ButterworthDesign.BandPass(band.Order, band.LowHz, band.HighHz, 1 / tr);
        if (kept is not null)
        {
            kept = CropCensoredEdges(work, kept);
        }

        var minimum = ZeroPhaseFilter.MinimumLength(filter);
        if (work.FrameCount < minimum)
        {
            return new ConnectivityProblem(PipelineWorkspace.Invariant(
                $"band-pass filtering of order {band.Order} needs at least {minimum} time points; {work.FrameCount} are available"));
        }

        if (kept is not null)
        {
            var mask = kept;
            work.ForEachSeries(s => NaturalCubicSpline.FillGaps(s, mask));
        }

        var coefficients = filter;
        work.ReplaceEachSeries(s => ZeroPhaseFilter.Apply(coefficients, s));
        work.Steps.Add(PipelineWorkspace.Invariant(
            $"Butterworth band-pass order {band.Order}, {band.LowHz}–{band.HighHz} Hz at TR {tr} s, forward-backward with odd padding of {ZeroPhaseFilter.PadLength(filter)} samples"));
        return null;
    }

    /// <summary>
    /// Censored frames at the very start or end cannot be interpolated (nothing on one side), so they
    /// are removed before filtering rather than extrapolated; returns the mask for the remaining frames.
    /// </summary>
    private static bool[] CropCensoredEdges(PipelineWorkspace work, bool[] kept)
    {
        var first = Array.IndexOf(kept, true);
        var last = Array.LastIndexOf(kept, true);
        if (first < 0)
        {
            work.KeepFrames(kept);
            return [];
        }

        var window = kept.Select((_, t) => t >= first && t <= last).ToArray();
        work.KeepFrames(window);
        return kept[first..(last + 1)];
    }

    private static ConnectivityProblem? Censor(PipelineWorkspace work, bool[] kept, ConnectivityOptions options)
    {
        var before = work.FrameCount;
        work.KeepFrames(kept);
        var needed = RegionTimeSeriesParser.MinimumTimePoints + work.Confounds.Count;
        if (work.FrameCount < needed)
        {
            return new ConnectivityProblem(PipelineWorkspace.Invariant(
                $"only {work.FrameCount} frames survive censoring at FD > {options.Censoring!.FramewiseDisplacementThresholdMm} mm; at least {needed} are needed"));
        }

        work.Steps.Add(PipelineWorkspace.Invariant(
            $"censored {before - work.FrameCount} frames with FD > {options.Censoring!.FramewiseDisplacementThresholdMm} mm (runs shorter than {options.Censoring.MinimumSegmentLength} also removed)"));
        return null;
    }
}
