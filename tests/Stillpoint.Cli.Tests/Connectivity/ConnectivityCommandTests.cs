using System.Globalization;

namespace Stillpoint.Cli.Tests.Connectivity;

public sealed class ConnectivityCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("stillpoint-connectivity-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(_folder.FullName, name);

    /// <summary>Three regions: a sine, a series with r = 0.5 to it, and one orthogonal to it; 64 points.</summary>
    private string WriteSeries(string name, bool header, string separator = " ")
    {
        var lines = new List<string>();
        if (header)
        {
            lines.Add(string.Join(separator, "#10", "#20", "#30"));
        }

        for (var t = 0; t < 64; t++)
        {
            var angle = 2 * Math.PI * 4 * t / 64;
            double u = Math.Sin(angle), v = Math.Cos(angle);
            lines.Add(string.Join(separator, new[] { u, (0.5 * u) + (Math.Sqrt(0.75) * v), v }.Select(x => x.ToString("R", CultureInfo.InvariantCulture))));
        }

        File.WriteAllLines(PathOf(name), lines);
        return PathOf(name);
    }

    private static double[][] ReadMatrix(string path, out string[] header, out string[] rowCodes)
    {
        var lines = File.ReadAllLines(path);
        header = lines[0].Split(',');
        rowCodes = lines.Skip(1).Select(l => l.Split(',')[0]).ToArray();
        return lines.Skip(1).Select(l => l.Split(',').Skip(1).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
    }

    [Fact]
    public async Task Matrix_raw_writes_fisher_z_with_header_codes()
    {
        var input = WriteSeries("s.1D", header: true);

        var result = await CliRunner.RunAsync("connectivity", "matrix", "--input", input, "--tr", "2", "--pipeline", "raw", "--out", PathOf("m.csv"));

        Assert.Equal(0, result.ExitCode);
        var z = ReadMatrix(PathOf("m.csv"), out var header, out var rows);
        Assert.Equal(["region", "#10", "#20", "#30"], header);
        Assert.Equal(["#10", "#20", "#30"], rows);
        Assert.Equal(Math.Atanh(0.5), z[0][1], 1e-12);
        Assert.Equal(0, z[0][2], 1e-12);
        Assert.Equal(z[1][0], z[0][1]);
    }

    [Fact]
    public async Task Matrix_without_header_names_regions_c0_c1_and_honours_dropped_columns()
    {
        var input = WriteSeries("s.csv", header: false, separator: ",");

        var result = await CliRunner.RunAsync("connectivity", "matrix", "--input", input, "--tr", "2", "--pipeline", "bandpass", "--band", "0.01,0.2", "--drop-columns", "1", "--out", PathOf("m.csv"));

        Assert.Equal(0, result.ExitCode);
        ReadMatrix(PathOf("m.csv"), out var header, out _);
        Assert.Equal(["region", "c0", "c2"], header);
    }

    [Theory]
    [InlineData("--pipeline", "bandpass", "--tr", "0")]
    [InlineData("--pipeline", "raw", "--band", "0.01,0.1")]
    [InlineData("--pipeline", "bandpass", "--band", "0.01")]
    [InlineData("--pipeline", "bandpass", "--tr", "2", "--band", "0.01,0.3")]
    [InlineData("--pipeline", "raw", "--drop-columns", "7")]
    [InlineData("--pipeline", "raw", "--drop-columns", "a")]
    public async Task Bad_options_fail_with_a_message_and_no_output_file(params string[] options)
    {
        var input = WriteSeries("s.1D", header: true);

        var result = await CliRunner.RunAsync(["connectivity", "matrix", "--input", input, "--out", PathOf("m.csv"), .. options]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.NotEmpty(result.StdErr.Trim());
        Assert.False(File.Exists(PathOf("m.csv")));
    }

    [Theory]
    [InlineData("#a #b\n1 2\n3\n4 5\n", "line 3")]
    [InlineData("1 2\n3 oops\n4 5\n", "line 2, column 2")]
    [InlineData("1 2\n3 4\n", "at least 3 time points")]
    public async Task Bad_input_files_fail_with_the_location_and_no_output_file(string content, string expected)
    {
        await File.WriteAllTextAsync(PathOf("bad.txt"), content);

        var result = await CliRunner.RunAsync("connectivity", "matrix", "--input", PathOf("bad.txt"), "--tr", "2", "--pipeline", "raw", "--out", PathOf("m.csv"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.StdErr, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("m.csv")));
    }

    [Fact]
    public async Task Missing_input_file_fails_without_output()
    {
        var result = await CliRunner.RunAsync("connectivity", "matrix", "--input", PathOf("none.1D"), "--tr", "2", "--pipeline", "raw", "--out", PathOf("m.csv"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.False(File.Exists(PathOf("m.csv")));
    }

    [Fact]
    public async Task A_constant_region_is_warned_about_and_left_out()
    {
        var lines = File.ReadAllLines(WriteSeries("s.1D", header: true)).Select((l, i) => l + (i == 0 ? " #40" : " 0"));
        await File.WriteAllLinesAsync(PathOf("s.1D"), lines);

        var result = await CliRunner.RunAsync("connectivity", "matrix", "--input", PathOf("s.1D"), "--tr", "2", "--pipeline", "bandpass", "--out", PathOf("m.csv"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("#40", result.StdErr, StringComparison.Ordinal);
        ReadMatrix(PathOf("m.csv"), out var header, out _);
        Assert.DoesNotContain("#40", header);
    }

    [Fact]
    public async Task Batch_writes_one_matrix_per_input_a_summary_and_a_progress_bar()
    {
        Directory.CreateDirectory(PathOf("in"));
        foreach (var name in new[] { "a.1D", "b.1D", "c.1D" })
        {
            File.Move(WriteSeries(name, header: true), Path.Combine(PathOf("in"), name));
        }

        await File.WriteAllTextAsync(Path.Combine(PathOf("in"), "broken.1D"), "1 2\n3\n");

        var result = await CliRunner.RunAsync("connectivity", "batch", PathOf("in"), "--tr", "2", "--pipeline", "raw", "--out", PathOf("out"));

        Assert.Equal(2, result.ExitCode); // one input was bad; the others are still done
        Assert.True(File.Exists(Path.Combine(PathOf("out"), "a.1D.fisherz.csv")));
        Assert.True(File.Exists(Path.Combine(PathOf("out"), "c.1D.fisherz.csv")));
        var summary = File.ReadAllLines(Path.Combine(PathOf("out"), "summary.csv"));
        Assert.Equal(5, summary.Length);
        Assert.StartsWith("a.1D,ok,3,", summary[1], StringComparison.Ordinal);
        Assert.StartsWith("broken.1D,error,", summary.Single(l => l.StartsWith("broken", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("4/4", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Matrix_regresses_confounds_and_censors_by_framewise_displacement()
    {
        var input = WriteSeries("s.1D", header: true);
        await File.WriteAllLinesAsync(PathOf("motion.txt"), ["trans_x", .. Enumerable.Range(0, 64).Select(t => (t % 7).ToString(CultureInfo.InvariantCulture))]);
        await File.WriteAllLinesAsync(PathOf("fd.txt"), Enumerable.Range(0, 64).Select(t => t == 30 ? "0.9" : "0.1"));

        var result = await CliRunner.RunAsync("connectivity", "matrix", "--input", input, "--tr", "2", "--pipeline", "bandpass", "--band", "0.01,0.2",
            "--confounds", PathOf("motion.txt"), "--fd", PathOf("fd.txt"), "--fd-threshold", "0.5", "--out", PathOf("m.csv"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("(63 time points)", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fd_threshold_without_fd_file_is_refused()
    {
        var input = WriteSeries("s.1D", header: true);

        var result = await CliRunner.RunAsync("connectivity", "matrix", "--input", input, "--pipeline", "raw", "--fd-threshold", "0.5", "--out", PathOf("m.csv"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--fd-threshold needs --fd", result.StdErr, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("m.csv")));
    }

    [Fact]
    public async Task Batch_of_a_missing_folder_fails()
    {
        var result = await CliRunner.RunAsync("connectivity", "batch", PathOf("nope"), "--pipeline", "raw", "--out", PathOf("out"));

        Assert.Equal(2, result.ExitCode);
        Assert.False(Directory.Exists(PathOf("out")));
    }
}
