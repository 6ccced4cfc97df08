using Stillpoint.Core.Common;
using Stillpoint.Core.Connectivity;

namespace Stillpoint.Web.Connectivity;

/// <summary>A parsed, processed and summarised series, ready to store.</summary>
internal sealed record ProcessedSeries(ConnectivityResult Result, DmnSummary Summary, StoredOptions Options, IReadOnlyList<RegionInfo> Regions);

/// <summary>
/// Turns an upload (text + pipeline choice + the clinic's labels) into figures, or into field errors that
/// name the line and column of a bad value. Pure: nothing here touches the database.
/// </summary>
internal static class SeriesProcessing
{
    public const double MinimumTr = 0.1;
    public const double MaximumTr = 10;
    public const int MaxSeriesCharacters = 20_000_000;

    public const string DmnCore = "DMN core";
    public const string DmnOther = "DMN";
    public const string OtherNetwork = "Other";

    /// <summary>Checks the pipeline fields of an upload; keys are the request's camelCase field names.</summary>
    public static void CheckChoice(PipelineChoice choice, ValidationErrors errors)
    {
        if (choice.Pipeline is not (ConnectivityService.Raw or ConnectivityService.BandPass))
        {
            errors.Add("pipeline", "Choose 'raw' (Pearson on the series as given) or 'bandpass' (detrend → Butterworth band-pass → z-score → Pearson).");
        }

        if (choice.RepetitionTimeSeconds is not { } tr || !double.IsFinite(tr) || tr < MinimumTr || tr > MaximumTr)
        {
            errors.Add("repetitionTimeSeconds", $"Enter the repetition time (TR) in seconds, between {MinimumTr} and {MaximumTr}.");
        }
        else if (choice.Pipeline == ConnectivityService.BandPass)
        {
            var low = choice.BandLowHz ?? BandPassSettings.DefaultLowHz;
            var high = choice.BandHighHz ?? BandPassSettings.DefaultHighHz;
            var nyquist = 0.5 / tr;
            if (!(low > 0 && low < high && high < nyquist))
            {
                errors.Add("bandHighHz", $"The band must satisfy 0 < low < high < {nyquist:0.####} Hz (the Nyquist frequency at TR {tr} s); got {low}–{high} Hz.");
            }
        }
        else if (choice.BandLowHz is not null || choice.BandHighHz is not null)
        {
            errors.Add("bandLowHz", "A band applies only to the 'bandpass' pipeline.");
        }

        if (choice.DropColumns is { } drop && drop.Any(c => c < 0))
        {
            errors.Add("dropColumns", "Columns are numbered from 0.");
        }
    }

    /// <summary>Processes one series text; on failure returns the field and a message naming line and column.</summary>
    public static (ProcessedSeries? Processed, string? Problem) Process(string? text, PipelineChoice choice, RegionLabelSet labels)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, "The series file is empty.");
        }

        if (text.Length > MaxSeriesCharacters)
        {
            return (null, $"The series file is too large (more than {MaxSeriesCharacters:N0} characters).");
        }

        var parsed = RegionTimeSeriesParser.Parse(text);
        if (!parsed.IsSuccess)
        {
            return (null, parsed.Problem!.ToString());
        }

        var series = parsed.Value!;
        var byRegion = series.Regions.Select(r => (Region: r, Label: labels.Find(r, series.HasHeader))).ToArray();
        if (byRegion.All(x => x.Label is null))
        {
            return (null, series.HasHeader
                ? $"None of the series' region codes ({string.Join(", ", series.Regions.Take(3).Select(r => r.Code))}, …) is in the label set."
                : "The series has no header row and the label set has no column indexes: regions cannot be named.");
        }

        var outOfRange = choice.DropColumns?.FirstOrDefault(c => c >= series.RegionCount, -1) ?? -1;
        if (outOfRange >= 0)
        {
            return (null, $"Column {outOfRange} cannot be dropped: the series has columns 0 to {series.RegionCount - 1}.");
        }

        // Regions the clinic's labels do not name cannot be placed in a network: they are left out (and recorded).
        var dropped = byRegion.Where(x => x.Label is null).Select(x => x.Region.ColumnIndex)
            .Concat(choice.DropColumns ?? [])
            .Distinct().Order().ToArray();
        var options = BuildOptions(choice) with { DroppedColumns = dropped };
        var computed = ConnectivityPipeline.Compute(series, options);
        if (!computed.IsSuccess)
        {
            return (null, computed.Problem!.ToString());
        }

        var result = computed.Value!;
        var summary = DmnSummarizer.Summarize(result.FisherZ, DmnDefinition.FromLabels(series, labels));
        var labelByCode = byRegion.Where(x => x.Label is not null).ToDictionary(x => x.Region.Code, x => x.Label!, StringComparer.Ordinal);
        var regions = result.FisherZ.Regions.Select(r => Info(r, labelByCode.GetValueOrDefault(r.Code))).ToArray();
        return (new ProcessedSeries(result, summary, StoredOptions.From(choice.Pipeline!, result), regions), null);
    }

    public static ConnectivityOptions BuildOptions(PipelineChoice choice)
    {
        var tr = choice.RepetitionTimeSeconds!.Value;
        return choice.Pipeline == ConnectivityService.BandPass
            ? ConnectivityOptions.BandPassed(tr, new BandPassSettings(choice.BandLowHz ?? BandPassSettings.DefaultLowHz, choice.BandHighHz ?? BandPassSettings.DefaultHighHz))
            : ConnectivityOptions.Raw(tr);
    }

    public static string Describe(ExclusionReason reason) => reason switch
    {
        ExclusionReason.DroppedByRequest => "left out (dropped on request or not in the label set)",
        ExclusionReason.ConstantInput => "constant series (no variance)",
        ExclusionReason.NoVarianceAfterProcessing => "no variance left after processing",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    private static RegionInfo Info(RegionRef region, RegionLabel? label) =>
        new(region.ColumnIndex, region.Code, label?.Name ?? region.Code, label?.Hemisphere ?? "", label?.Network switch
        {
            RegionNetwork.DmnCore => DmnCore,
            RegionNetwork.DmnSubsystem => DmnOther,
            _ => OtherNetwork,
        });
}
