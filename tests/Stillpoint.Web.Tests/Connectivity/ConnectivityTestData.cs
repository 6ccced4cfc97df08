using System.Globalization;
using System.Text;

namespace Stillpoint.Web.Tests.Connectivity;

/// <summary>
/// Series and labels for the connectivity tests: the real ABIDE NYU files (non-commercial validation data in
/// shared/data, found by walking up from the test binaries) when present, otherwise synthetic series with a
/// known shared component in the "core" regions.
/// </summary>
internal static class ConnectivityTestData
{
    public static readonly string? RealFolder = Locate();

    public static bool IsReal => RealFolder is not null;

    /// <summary>The ABIDE files' unlabelled column (#3455), dropped as the data README says.</summary>
    public static IReadOnlyList<int> DropColumns => IsReal ? [82] : [];

    /// <summary>Reference pearson_bp core_DMN_mean_z of the real baseline file (reference_dmn_fc.csv).</summary>
    public const double RealBaselineBandPassCoreMeanZ = 0.3723;

    public static string LabelsCsv => IsReal ? File.ReadAllText(Path.Combine(RealFolder!, "ho_labels_inferred.csv")) : SyntheticLabels();

    public static (string Name, string Text) Baseline => IsReal ? Real("NYU_0051057_rois_ho.1D") : ("synthetic-pre.txt", Synthetic(1, 0.8));

    public static (string Name, string Text) Post => IsReal ? Real("NYU_0051058_rois_ho.1D") : ("synthetic-post.txt", Synthetic(2, 0.4));

    public static IReadOnlyList<(string Name, string Text)> Controls =>
        IsReal
            ? [.. new[] { "NYU_0051059", "NYU_0051060", "NYU_0051061", "NYU_0051062", "NYU_0051063", "NYU_0051066" }.Select(s => Real($"{s}_rois_ho.1D"))]
            : [.. Enumerable.Range(10, 6).Select(seed => ($"synthetic-control-{seed}.txt", Synthetic(seed, 0.5 + (seed % 3 * 0.1))))];

    private static (string, string) Real(string file) => (file, File.ReadAllText(Path.Combine(RealFolder!, file)));

    private const int SyntheticRegions = 10;

    private static string SyntheticLabels()
    {
        var text = new StringBuilder("column_index_0based,header_code,region,hemisphere,dmn_role\n");
        for (var i = 0; i < SyntheticRegions; i++)
        {
            var role = i < 4 ? "core_dmn" : i < 6 ? "MTL" : "";
            text.Append(CultureInfo.InvariantCulture, $"{i},#{100 + i},Region {i},{(i % 2 == 0 ? "L" : "R")},{role}\n");
        }

        return text.ToString();
    }

    /// <summary>176 × 10 whitespace text with a header of codes; the 4 core regions share a component of weight <paramref name="coupling"/>.</summary>
    public static string Synthetic(int seed, double coupling)
    {
        var random = new Random(seed);
        double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var text = new StringBuilder(string.Join('\t', Enumerable.Range(0, SyntheticRegions).Select(i => $"#{100 + i}"))).Append('\n');
        for (var t = 0; t < 176; t++)
        {
            var shared = Gaussian();
            var row = Enumerable.Range(0, SyntheticRegions)
                .Select(i => ((i < 4 ? coupling * shared : 0) + Gaussian()).ToString("F6", CultureInfo.InvariantCulture));
            text.AppendJoin('\t', row).Append('\n');
        }

        return text.ToString();
    }

    private static string? Locate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "data", "dmn-abide-nyu");
            if (File.Exists(Path.Combine(candidate, "ho_labels_inferred.csv")))
            {
                return candidate;
            }
        }

        return null;
    }
}
