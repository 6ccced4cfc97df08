using System.Globalization;
using Stillpoint.Core.Connectivity;

namespace Stillpoint.Core.Tests.Connectivity;

/// <summary>
/// Reproduces the numpy/scipy reference values shipped with the 12 ABIDE NYU controls
/// (reference_dmn_fc.csv): named DMN edges and the 8-region core mean, for raw Pearson and for
/// detrend → Butterworth 0.01–0.1 Hz filtfilt → z-score → Pearson. The values are given to 4 decimals.
/// </summary>
public sealed class AbideReferenceTests
{
    private const double Tolerance = 0.005;
    private const double Tr = 2.0;

    /// <summary>The reference file's edge names in Harvard–Oxford codes (suffix 01 = R*, 02 = L*, per the label file).</summary>
    private static readonly Dictionary<string, string> CodeByShortName = new(StringComparer.Ordinal)
    {
        ["PCC(R*)"] = "#3001", ["PCC(L*)"] = "#3002", ["FMC(R*)"] = "#2501", ["FMC(L*)"] = "#2502",
        ["AG(R*)"] = "#2101", ["AG(L*)"] = "#2102", ["Precun(L*)"] = "#3102", ["Hippo(L)"] = "#17",
        ["Precentral(L*)"] = "#702",
    };

    [RealDataFact]
    public void Raw_pearson_reproduces_the_reference_values() => AssertReproduces("pearson_raw", ConnectivityOptions.Raw(Tr));

    [RealDataFact]
    public void Band_passed_pearson_reproduces_the_reference_values() => AssertReproduces("pearson_bp", ConnectivityOptions.BandPassed(Tr));

    [RealDataFact]
    public void Ledoit_wolf_band_passed_reproduces_the_reference_values() =>
        AssertReproduces("nilearnLW_bp", ConnectivityOptions.BandPassed(Tr) with { Estimator = CorrelationEstimator.LedoitWolf });

    private static void AssertReproduces(string pipeline, ConnectivityOptions options)
    {
        var folder = AbideReferenceData.Folder ?? throw new DirectoryNotFoundException("shared/data/dmn-abide-nyu is required (CI=true).");
        var labels = RegionLabelParser.Parse(File.ReadAllText(Path.Combine(folder, "ho_labels_inferred.csv"))).GetValueOrThrow();
        var reference = ReadReference(Path.Combine(folder, "reference_dmn_fc.csv"), pipeline);
        Assert.Equal(12, reference.Count);

        var mismatches = new List<string>();
        foreach (var (file, expected) in reference)
        {
            var series = RegionTimeSeriesParser.Parse(File.ReadAllText(Path.Combine(folder, file))).GetValueOrThrow();
            var result = ConnectivityPipeline.Compute(series, options with { DroppedColumns = [82] }).GetValueOrThrow();
            var dmn = DmnSummarizer.Summarize(result.FisherZ, DmnDefinition.FromLabels(series, labels));
            Assert.Equal(28, dmn.CorePairCount);
            foreach (var (name, value) in expected)
            {
                var actual = name == "core_DMN_mean_z" ? dmn.CoreMeanZ!.Value : Edge(result.FisherZ, name);
                if (Math.Abs(actual - value) > Tolerance)
                {
                    mismatches.Add(FormattableString.Invariant($"{file} {name}: expected {value}, got {actual:0.0000}"));
                }
            }
        }

        Assert.Empty(mismatches);
    }

    private static double Edge(ConnectivityMatrix z, string name)
    {
        var pair = name.Replace(" [non-DMN]", "", StringComparison.Ordinal).Split('-');
        return z.Get(CodeByShortName[pair[0]], CodeByShortName[pair[1]]);
    }

    /// <summary>file → (metric → value) for the columns "pipeline:metric".</summary>
    private static List<(string File, Dictionary<string, double> Values)> ReadReference(string path, string pipeline)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',');
        var prefix = pipeline + ":";
        var columns = Enumerable.Range(0, header.Length).Where(i => header[i].StartsWith(prefix, StringComparison.Ordinal)).ToArray();
        return lines.Skip(1)
            .Select(l => l.Split(','))
            .Select(f => (f[0], columns.ToDictionary(c => header[c][prefix.Length..], c => double.Parse(f[c], CultureInfo.InvariantCulture), StringComparer.Ordinal)))
            .ToList();
    }
}
