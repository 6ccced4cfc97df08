using System.CommandLine;
using System.Globalization;
using Stillpoint.Core.Connectivity;

namespace Stillpoint.Cli.Connectivity;

/// <summary>
/// The options shared by <c>connectivity matrix</c> and <c>connectivity batch</c> that choose the
/// pipeline, and their translation into <see cref="ConnectivityOptions"/>.
/// </summary>
internal sealed class PipelineOptionSet
{
    public const string Raw = "raw";
    public const string BandPass = "bandpass";

    public Option<double?> Tr { get; } = new("--tr") { Description = "Repetition time in seconds (required for bandpass)." };

    public Option<string> Pipeline { get; } = new Option<string>("--pipeline")
    {
        Description = "raw = Pearson on the series as given; bandpass = detrend → Butterworth band-pass → z-score → Pearson.",
        Required = true,
    }.AcceptOnlyFromAmong(Raw, BandPass);

    public Option<string?> Band { get; } = new("--band") { Description = "Band-pass edges in Hz as LOW,HIGH (default 0.01,0.1)." };

    public Option<string?> DropColumns { get; } = new("--drop-columns") { Description = "0-based input columns to leave out, e.g. 82 or 3,82." };

    public Option<int> DropVolumes { get; } = new("--drop-volumes") { Description = "Initial (non-steady-state) volumes to remove." };

    public Option<string> Estimator { get; } = new Option<string>("--estimator")
    {
        Description = "pearson (default) or ledoit-wolf shrunk correlation.",
        DefaultValueFactory = _ => "pearson",
    }.AcceptOnlyFromAmong("pearson", "ledoit-wolf");

    public IEnumerable<Option> All => [Tr, Pipeline, Band, DropColumns, DropVolumes, Estimator];

    /// <summary>The options, or null after writing what is wrong to <paramref name="error"/>.</summary>
    public ConnectivityOptions? Build(ParseResult parseResult, TextWriter error)
    {
        var pipeline = parseResult.GetValue(Pipeline);
        var tr = parseResult.GetValue(Tr);
        var bandText = parseResult.GetValue(Band);
        if (!TryParseColumns(parseResult.GetValue(DropColumns), out var dropped))
        {
            return Fail(error, "--drop-columns must be comma-separated 0-based column numbers, e.g. 82 or 3,82.");
        }

        var estimator = parseResult.GetValue(Estimator) == "ledoit-wolf" ? CorrelationEstimator.LedoitWolf : CorrelationEstimator.Pearson;
        var common = new ConnectivityOptions { RepetitionTimeSeconds = tr };
        if (pipeline == BandPass)
        {
            if (tr is not > 0)
            {
                return Fail(error, "--pipeline bandpass needs --tr, the repetition time in seconds (e.g. --tr 2).");
            }

            if (!TryParseBand(bandText, out var band))
            {
                return Fail(error, "--band must be LOW,HIGH in Hz, e.g. --band 0.01,0.1.");
            }

            common = ConnectivityOptions.BandPassed(tr.Value, band);
        }
        else if (bandText is not null)
        {
            return Fail(error, "--band applies only to --pipeline bandpass.");
        }

        return common with { DroppedColumns = dropped, InitialVolumesRemoved = parseResult.GetValue(DropVolumes), Estimator = estimator };
    }

    private static ConnectivityOptions? Fail(TextWriter error, string message)
    {
        error.WriteLine(message);
        return null;
    }

    private static bool TryParseColumns(string? text, out int[] columns)
    {
        columns = [];
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var parsed = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out parsed[i]))
            {
                return false;
            }
        }

        columns = parsed;
        return true;
    }

    private static bool TryParseBand(string? text, out BandPassSettings band)
    {
        band = new BandPassSettings();
        if (text is null)
        {
            return true;
        }

        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var low)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var high))
        {
            band = new BandPassSettings(low, high);
            return true;
        }

        return false;
    }
}
