using System.CommandLine;
using Stillpoint.Cli.Connectivity;
using Stillpoint.Core.Connectivity;

namespace Stillpoint.Cli.Commands;

/// <summary>
/// <c>stillpoint connectivity matrix|batch</c>: region time series → Fisher z connectivity matrices.
/// Stable contract: on bad input a message on stderr, a non-zero exit (2) and no output file.
/// </summary>
internal static class ConnectivityCommand
{
    internal const int BadInputExitCode = 2;

    public static Command Build() =>
        new("connectivity", "Functional connectivity (Fisher z) from region time series (research module).")
        {
            BuildMatrix(),
            ConnectivityBatchCommand.Build(),
        };

    private static Command BuildMatrix()
    {
        var pipeline = new PipelineOptionSet();
        var covariates = new CovariateOptionSet();
        var input = new Option<FileInfo>("--input") { Description = "Time points × regions text file (whitespace or commas; optional header of region codes).", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "CSV file to write the N×N Fisher z matrix to.", Required = true };
        var command = new Command("matrix", "Compute one Fisher z connectivity matrix and write it as CSV.") { input, output };
        foreach (var option in pipeline.All.Concat(covariates.All))
        {
            command.Options.Add(option);
        }

        command.SetAction(parseResult => RunMatrix(parseResult, pipeline, covariates, parseResult.GetValue(input)!, parseResult.GetValue(output)!));
        return command;
    }

    private static int RunMatrix(ParseResult parseResult, PipelineOptionSet pipeline, CovariateOptionSet covariateOptions, FileInfo input, FileInfo output)
    {
        var error = parseResult.InvocationConfiguration.Error;
        var options = pipeline.Build(parseResult, error);
        if (options is null || !covariateOptions.TryApply(parseResult, error, ref options, out var covariates))
        {
            return BadInputExitCode;
        }

        var (_, outcome, problem) = SeriesFileProcessor.Process(input.FullName, options, covariates);
        if (problem is not null)
        {
            error.WriteLine(problem);
            return BadInputExitCode;
        }

        var result = outcome!.Value!;
        foreach (var excluded in result.ExcludedRegions.Where(e => e.Reason != ExclusionReason.DroppedByRequest))
        {
            error.WriteLine($"warning: {SeriesFileProcessor.DescribeExclusion(excluded)}");
        }

        if (!TryWrite(output, ConnectivityMatrixCsv.Format(result.FisherZ), error))
        {
            return BadInputExitCode;
        }

        parseResult.InvocationConfiguration.Output.WriteLine(FormattableString.Invariant(
            $"wrote {result.FisherZ.Size}×{result.FisherZ.Size} Fisher z matrix ({result.TimePointsUsed} time points) to {output.FullName}"));
        return 0;
    }

    internal static bool TryWrite(FileInfo output, string text, TextWriter error)
    {
        try
        {
            File.WriteAllText(output.FullName, text);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"{output.FullName}: cannot be written ({e.Message})");
            return false;
        }
    }
}
