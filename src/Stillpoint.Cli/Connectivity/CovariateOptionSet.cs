using System.CommandLine;
using Stillpoint.Core.Connectivity;

namespace Stillpoint.Cli.Connectivity;

/// <summary>
/// Per-scan side files for <c>connectivity matrix</c>: confounds to regress out and framewise
/// displacement for censoring. They belong to one scan, so <c>batch</c> does not take them.
/// </summary>
internal sealed class CovariateOptionSet
{
    public Option<FileInfo?> Confounds { get; } = new("--confounds") { Description = "Time points × k confounds (e.g. motion parameters) to regress out; optional header row." };

    public Option<FileInfo?> FramewiseDisplacement { get; } = new("--fd") { Description = "One framewise displacement value (mm) per time point." };

    public Option<double?> FdThreshold { get; } = new("--fd-threshold") { Description = "Censor frames with FD above this many mm (needs --fd), e.g. 0.5." };

    public Option<int> MinimumSegment { get; } = new("--min-segment") { Description = "Also censor runs of kept frames shorter than this (e.g. 5).", DefaultValueFactory = _ => 1 };

    public IEnumerable<Option> All => [Confounds, FramewiseDisplacement, FdThreshold, MinimumSegment];

    /// <summary>Adds the covariates to the options; false after writing what is wrong to <paramref name="error"/>.</summary>
    public bool TryApply(ParseResult parseResult, TextWriter error, ref ConnectivityOptions options, out ConnectivityCovariates covariates)
    {
        covariates = ConnectivityCovariates.None;
        ConfoundSet? confounds = null;
        FramewiseDisplacementSeries? fd = null;
        if (parseResult.GetValue(Confounds) is { } confoundFile && !TryRead(confoundFile, CovariateParser.ParseConfounds, error, out confounds))
        {
            return false;
        }

        if (parseResult.GetValue(FramewiseDisplacement) is { } fdFile && !TryRead(fdFile, CovariateParser.ParseFramewiseDisplacement, error, out fd))
        {
            return false;
        }

        var threshold = parseResult.GetValue(FdThreshold);
        if (threshold is not null && fd is null)
        {
            error.WriteLine("--fd-threshold needs --fd, a file with one framewise displacement value per time point.");
            return false;
        }

        options = options with
        {
            RegressConfounds = confounds is not null,
            Censoring = threshold is { } mm ? new CensoringSettings(mm, parseResult.GetValue(MinimumSegment)) : null,
        };
        covariates = new ConnectivityCovariates(confounds, fd);
        return true;
    }

    private static bool TryRead<T>(FileInfo file, Func<string, ConnectivityOutcome<T>> parse, TextWriter error, out T? value)
        where T : class
    {
        value = null;
        if (!file.Exists)
        {
            error.WriteLine($"{file.FullName}: no such file");
            return false;
        }

        var outcome = parse(File.ReadAllText(file.FullName));
        if (!outcome.IsSuccess)
        {
            error.WriteLine($"{file.FullName}: {outcome.Problem}");
            return false;
        }

        value = outcome.Value;
        return true;
    }
}
