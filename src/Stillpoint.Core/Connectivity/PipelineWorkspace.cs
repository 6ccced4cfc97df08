namespace Stillpoint.Core.Connectivity;

/// <summary>
/// The working copies of the kept regions and confounds as they move through the pipeline, plus the
/// record of what was done to them. Mutable on purpose: each step rewrites the series in place.
/// </summary>
internal sealed class PipelineWorkspace
{
    /// <summary>
    /// A series counts as constant when its spread is below this fraction of its magnitude: exact zeros
    /// and values that differ only by rounding both qualify.
    /// </summary>
    private const double ConstantTolerance = 1e-12;

    /// <summary>
    /// A region has "nothing left" when processing leaves less than this fraction of its input spread; a
    /// detrended pure ramp leaves about 1e-16, real signals far more than 1e-8.
    /// </summary>
    private const double VanishedTolerance = 1e-8;

    private readonly List<double> _inputSpread = [];

    private PipelineWorkspace(int firstFrame, int frameCount)
    {
        FirstFrame = firstFrame;
        FrameNumbers = Enumerable.Range(firstFrame, frameCount).ToList();
    }

    public List<RegionRef> Regions { get; } = [];

    public List<double[]> Signals { get; } = [];

    public List<double[]> Confounds { get; } = [];

    public List<ExcludedRegion> Excluded { get; } = [];

    public List<string> Steps { get; } = [];

    /// <summary>Input frame number of each working frame (frames shift as volumes are dropped or censored).</summary>
    public List<int> FrameNumbers { get; private set; }

    public int FirstFrame { get; }

    public int FrameCount => FrameNumbers.Count;

    public static PipelineWorkspace Create(RegionTimeSeries series, ConnectivityOptions options, ConnectivityCovariates covariates)
    {
        var skip = options.InitialVolumesRemoved;
        var work = new PipelineWorkspace(skip, series.TimePointCount - skip);
        var dropped = options.DroppedColumns.ToHashSet();
        for (var i = 0; i < series.RegionCount; i++)
        {
            var region = series.Regions[i];
            var values = series.Region(i)[skip..].ToArray();
            if (dropped.Contains(i))
            {
                work.Excluded.Add(new ExcludedRegion(region, ExclusionReason.DroppedByRequest));
            }
            else if (IsConstant(values))
            {
                work.Excluded.Add(new ExcludedRegion(region, ExclusionReason.ConstantInput));
            }
            else
            {
                work.Regions.Add(region);
                work.Signals.Add(values);
                work._inputSpread.Add(SignalOperations.CentredRms(values));
            }
        }

        if (options.RegressConfounds && covariates.Confounds is { } confounds)
        {
            work.Confounds.AddRange(Enumerable.Range(0, confounds.ColumnCount).Select(c => confounds.Column(c)[skip..].ToArray()));
        }

        if (skip > 0)
        {
            work.Steps.Add(Invariant($"removed {skip} initial volumes"));
        }

        return work;
    }

    public void ForEachSeries(Action<double[]> step)
    {
        Signals.ForEach(step);
        Confounds.ForEach(step);
    }

    /// <summary>Transforms every series (signals and confounds alike, so they stay comparable).</summary>
    public void ReplaceEachSeries(Func<double[], double[]> step)
    {
        for (var i = 0; i < Signals.Count; i++)
        {
            Signals[i] = step(Signals[i]);
        }

        for (var i = 0; i < Confounds.Count; i++)
        {
            Confounds[i] = step(Confounds[i]);
        }
    }

    /// <summary>Keeps the frames marked true, in every series and in the frame numbering.</summary>
    public void KeepFrames(bool[] kept)
    {
        ReplaceEachSeries(s => FrameCensoring.KeepOnly(s, kept));
        FrameNumbers = FrameNumbers.Where((_, t) => kept[t]).ToList();
    }

    /// <summary>Moves regions with (almost) no variance left into the excluded list.</summary>
    public void ExcludeVanishedRegions()
    {
        for (var i = Signals.Count - 1; i >= 0; i--)
        {
            if (SignalOperations.CentredRms(Signals[i]) <= VanishedTolerance * _inputSpread[i])
            {
                Excluded.Add(new ExcludedRegion(Regions[i], ExclusionReason.NoVarianceAfterProcessing));
                Regions.RemoveAt(i);
                Signals.RemoveAt(i);
                _inputSpread.RemoveAt(i);
            }
        }
    }

    private static bool IsConstant(double[] values)
    {
        var spread = SignalOperations.CentredRms(values);
        return spread == 0 || spread <= ConstantTolerance * SignalOperations.MaxAbs(values);
    }

    public static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
