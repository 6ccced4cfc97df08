using System.CommandLine;
using System.Globalization;
using System.Text;
using Stillpoint.Cli.Commands;
using Stillpoint.Core.Connectivity;

namespace Stillpoint.Cli.Connectivity;

/// <summary>
/// <c>stillpoint connectivity batch DIR --out OUTDIR …</c>: every series file in DIR, in parallel, one
/// "&lt;file&gt;.fisherz.csv" each plus summary.csv. A bad file is listed in the summary and does not stop
/// the others; the exit code is then 2.
/// </summary>
internal static class ConnectivityBatchCommand
{
    public const string SummaryFileName = "summary.csv";
    private static readonly string[] DefaultPatterns = ["*.1D", "*.csv", "*.tsv", "*.txt"];

    public static Command Build()
    {
        var pipeline = new PipelineOptionSet();
        var directory = new Argument<DirectoryInfo>("DIR") { Description = "Folder of region time-series files." };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for the matrices and summary.csv (created if missing).", Required = true };
        var pattern = new Option<string?>("--pattern") { Description = "File name pattern, e.g. *.1D (default: *.1D, *.csv, *.tsv, *.txt)." };
        var labels = new Option<FileInfo?>("--labels") { Description = "Region-label CSV; adds the core-DMN mean z to the summary." };
        var parallelism = new Option<int>("--parallelism") { Description = "Files processed at once (default: processor count).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("batch", "Compute matrices for every series file in a folder, in parallel, with a summary.") { directory, output, pattern, labels, parallelism };
        foreach (var option in pipeline.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parseResult, cancellation) => Task.FromResult(Run(
            parseResult,
            new BatchRequest(parseResult.GetValue(directory)!, parseResult.GetValue(output)!, parseResult.GetValue(pattern), parseResult.GetValue(labels), Math.Max(1, parseResult.GetValue(parallelism))),
            pipeline,
            cancellation)));
        return command;
    }

    private static int Run(ParseResult parseResult, BatchRequest request, PipelineOptionSet pipeline, CancellationToken cancellation)
    {
        var error = parseResult.InvocationConfiguration.Error;
        var options = pipeline.Build(parseResult, error);
        if (options is null || !TryFindFiles(request, error, out var files) || !TryLoadLabels(request.Labels, error, out var labels))
        {
            return ConnectivityCommand.BadInputExitCode;
        }

        Directory.CreateDirectory(request.Output.FullName);
        var rows = new BatchRow[files.Length];
        var progress = new ProgressBar(error, files.Length);
        Parallel.For(0, files.Length, new ParallelOptions { MaxDegreeOfParallelism = request.Parallelism, CancellationToken = cancellation }, i =>
        {
            rows[i] = ProcessOne(files[i], request.Output, options, labels);
            progress.Advance();
        });

        File.WriteAllText(Path.Combine(request.Output.FullName, SummaryFileName), BatchRow.Csv(rows));
        var failed = rows.Count(r => r.Error is not null);
        parseResult.InvocationConfiguration.Output.WriteLine(FormattableString.Invariant(
            $"{files.Length - failed} of {files.Length} series processed; summary in {Path.Combine(request.Output.FullName, SummaryFileName)}"));
        return failed == 0 ? 0 : ConnectivityCommand.BadInputExitCode;
    }

    private static BatchRow ProcessOne(string file, DirectoryInfo output, ConnectivityOptions options, RegionLabelSet? labels)
    {
        var name = Path.GetFileName(file);
        var (series, outcome, problem) = SeriesFileProcessor.Process(file, options);
        if (problem is not null)
        {
            return BatchRow.Failed(name, problem);
        }

        var result = outcome!.Value!;
        File.WriteAllText(Path.Combine(output.FullName, name + ".fisherz.csv"), ConnectivityMatrixCsv.Format(result.FisherZ));
        var dmn = labels is null ? null : DmnSummarizer.Summarize(result.FisherZ, DmnDefinition.FromLabels(series!, labels));
        return BatchRow.Succeeded(name, result, dmn);
    }

    private static bool TryFindFiles(BatchRequest request, TextWriter error, out string[] files)
    {
        files = [];
        if (!request.Directory.Exists)
        {
            error.WriteLine($"{request.Directory.FullName}: no such folder");
            return false;
        }

        var patterns = request.Pattern is null ? DefaultPatterns : [request.Pattern];
        var outputFolder = Path.TrimEndingDirectorySeparator(request.Output.FullName);
        files = patterns
            .SelectMany(p => Directory.EnumerateFiles(request.Directory.FullName, p))
            .Where(f => !string.Equals(Path.GetDirectoryName(f), outputFolder, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (files.Length == 0)
        {
            error.WriteLine($"{request.Directory.FullName}: no series files matching {string.Join(", ", patterns)}");
        }

        return files.Length > 0;
    }

    private static bool TryLoadLabels(FileInfo? file, TextWriter error, out RegionLabelSet? labels)
    {
        labels = null;
        if (file is null)
        {
            return true;
        }

        var parsed = file.Exists ? RegionLabelParser.Parse(File.ReadAllText(file.FullName)) : ConnectivityOutcome<RegionLabelSet>.Failure("no such file");
        if (!parsed.IsSuccess)
        {
            error.WriteLine($"{file.FullName}: {parsed.Problem}");
            return false;
        }

        labels = parsed.Value;
        return true;
    }

    private sealed record BatchRequest(DirectoryInfo Directory, DirectoryInfo Output, string? Pattern, FileInfo? Labels, int Parallelism);

    /// <summary>
    /// One line of summary.csv. Only the figures are kept, not the matrices, so a batch of thousands
    /// does not hold every result in memory.
    /// </summary>
    private sealed record BatchRow(string File, int? Regions, string Excluded, int? TimePointsUsed, double? MeanZ, double? CoreMeanZ, string? Error)
    {
        public static BatchRow Failed(string file, string error) => new(file, null, "", null, null, null, error);

        public static BatchRow Succeeded(string file, ConnectivityResult result, DmnSummary? dmn) => new(
            file,
            result.FisherZ.Size,
            string.Join(' ', result.ExcludedRegions.Select(e => e.Region.Code)),
            result.TimePointsUsed,
            MeanOffDiagonal(result.FisherZ),
            dmn?.CoreMeanZ,
            null);

        public static string Csv(IEnumerable<BatchRow> rows)
        {
            var text = new StringBuilder("file,status,regions,excluded,time_points_used,mean_z_all_pairs,core_dmn_mean_z,message\n");
            foreach (var row in rows)
            {
                text.AppendJoin(',', row.Fields().Select(Quote)).Append('\n');
            }

            return text.ToString();
        }

        private IEnumerable<string> Fields() =>
        [
            File,
            Error is null ? "ok" : "error",
            Number(Regions),
            Excluded,
            Number(TimePointsUsed),
            Number(MeanZ),
            Number(CoreMeanZ),
            Error ?? "",
        ];

        private static double MeanOffDiagonal(ConnectivityMatrix z)
        {
            var sum = 0.0;
            for (var i = 0; i < z.Size; i++)
            {
                for (var j = i + 1; j < z.Size; j++)
                {
                    sum += z[i, j];
                }
            }

            return sum / (z.Size * (z.Size - 1) / 2.0);
        }

        private static string Number(double? value) => value?.ToString("0.######", CultureInfo.InvariantCulture) ?? "";

        private static string Quote(string field) =>
            field.AsSpan().IndexOfAny(",\"\n") >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
    }
}
