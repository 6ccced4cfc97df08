using System.Diagnostics;
using System.Globalization;
using Stillpoint.Core.Connectivity;

// Times parse + pipeline for one 176 × 111 series, and a parallel batch of 1,000 series, in memory.
// Usage: dotnet run -c Release --project bench/connectivity [-- DATA_FOLDER]
// DATA_FOLDER defaults to the shared ABIDE NYU set found above the working directory (never shipped).
var folder = args.Length > 0 ? args[0] : FindSharedData();
if (folder is null)
{
    Console.Error.WriteLine("shared/data/dmn-abide-nyu not found; pass the folder as an argument.");
    return 1;
}

var texts = Directory.GetFiles(folder, "*.1D").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
var raw = ConnectivityOptions.Raw(2) with { DroppedColumns = [82] };
var bandPass = ConnectivityOptions.BandPassed(2) with { DroppedColumns = [82] };

Console.WriteLine(Invariant($"machine: {Environment.ProcessorCount} logical CPUs, {Environment.OSVersion}, .NET {Environment.Version}"));
Console.WriteLine(Invariant($"series: {texts.Length} files, first {Shape(texts[0])}"));
Report("parse only", () => RegionTimeSeriesParser.Parse(texts[0]).GetValueOrThrow());
var series = RegionTimeSeriesParser.Parse(texts[0]).GetValueOrThrow();
Report("raw pipeline (compute only)", () => ConnectivityPipeline.Compute(series, raw).GetValueOrThrow());
Report("bandpass pipeline (compute only)", () => ConnectivityPipeline.Compute(series, bandPass).GetValueOrThrow());
Report("ledoit-wolf bandpass (compute only)", () => ConnectivityPipeline.Compute(series, bandPass with { Estimator = CorrelationEstimator.LedoitWolf }).GetValueOrThrow());
Report("parse + bandpass + CSV", () => ConnectivityMatrixCsv.Format(ConnectivityPipeline.Compute(RegionTimeSeriesParser.Parse(texts[0]).GetValueOrThrow(), bandPass).GetValueOrThrow().FisherZ));

const int BatchSize = 1000;
for (var round = 0; round < 3; round++)
{
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    Parallel.For(0, BatchSize, i =>
        ConnectivityMatrixCsv.Format(ConnectivityPipeline.Compute(RegionTimeSeriesParser.Parse(texts[i % texts.Length]).GetValueOrThrow(), bandPass).GetValueOrThrow().FisherZ));
    var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
    Console.WriteLine(Invariant($"batch of {BatchSize} (parse + bandpass + CSV, in memory, parallel) round {round + 1}: wall {clock.Elapsed.TotalSeconds:0.00} s, CPU {cpu.TotalSeconds:0.00} s ({cpu.TotalMilliseconds / BatchSize:0.00} ms per series)"));
}

return 0;

static void Report(string name, Func<object> work)
{
    for (var i = 0; i < 20; i++)
    {
        work();
    }

    // Wall-clock percentiles, plus process CPU time per call, which other load on the machine inflates less.
    var samples = new double[200];
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    for (var i = 0; i < samples.Length; i++)
    {
        var clock = Stopwatch.StartNew();
        work();
        samples[i] = clock.Elapsed.TotalMilliseconds;
    }

    var cpuPerCall = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / samples.Length;
    Array.Sort(samples);
    Console.WriteLine(Invariant($"{name,-38} median {samples[samples.Length / 2]:0.000} ms, p95 {samples[(int)(samples.Length * 0.95)]:0.000} ms, max {samples[^1]:0.000} ms, CPU {cpuPerCall:0.000} ms/call"));
}

static string Shape(string text)
{
    var series = RegionTimeSeriesParser.Parse(text).GetValueOrThrow();
    return Invariant($"{series.TimePointCount} × {series.RegionCount}");
}

static string? FindSharedData()
{
    for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
    {
        var candidate = Path.Combine(directory.FullName, "shared", "data", "dmn-abide-nyu");
        if (Directory.Exists(candidate))
        {
            return candidate;
        }
    }

    return null;
}

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
