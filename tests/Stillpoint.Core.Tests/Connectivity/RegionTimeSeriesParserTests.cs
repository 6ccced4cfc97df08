using Stillpoint.Core.Connectivity;

namespace Stillpoint.Core.Tests.Connectivity;

public sealed class RegionTimeSeriesParserTests
{
    [Fact]
    public void Parses_whitespace_separated_series_with_hash_code_header()
    {
        var parsed = RegionTimeSeriesParser.Parse("#10\t#11  #12\n1 2 3\n4\t5 6\n7 8 9.5\n\n");

        Assert.True(parsed.IsSuccess);
        var series = parsed.Value!;
        Assert.True(series.HasHeader);
        Assert.Equal(["#10", "#11", "#12"], series.Regions.Select(r => r.Code));
        Assert.Equal(3, series.TimePointCount);
        Assert.Equal([3, 6, 9.5], series.Region(2).ToArray());
    }

    [Fact]
    public void Parses_comma_separated_series_without_header_and_names_columns_c0_c1()
    {
        var parsed = RegionTimeSeriesParser.Parse("1, 2\n3,4\n5 ,6e-1\n");

        var series = parsed.GetValueOrThrow();
        Assert.False(series.HasHeader);
        Assert.Equal(["c0", "c1"], series.Regions.Select(r => r.Code));
        Assert.Equal([2, 4, 0.6], series.Region(1).ToArray());
    }

    [Fact]
    public void Accepts_region_names_as_header()
    {
        var series = RegionTimeSeriesParser.Parse("PCC,mPFC\n1,2\n2,1\n3,5\n").GetValueOrThrow();

        Assert.Equal(["PCC", "mPFC"], series.Regions.Select(r => r.Code));
    }

    [Fact]
    public void Reports_ragged_row_with_its_line()
    {
        var parsed = RegionTimeSeriesParser.Parse("#1 #2 #3\n1 2 3\n4 5\n7 8 9\n");

        Assert.False(parsed.IsSuccess);
        Assert.Equal(3, parsed.Problem!.Line);
        Assert.Contains("2 values", parsed.Problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_a_non_number_with_line_and_column()
    {
        var parsed = RegionTimeSeriesParser.Parse("1 2 3\n4 x5 6\n7 8 9\n");

        Assert.Equal(2, parsed.Problem!.Line);
        Assert.Equal(2, parsed.Problem.Column);
        Assert.Equal("line 2, column 2: 'x5' is not a number", parsed.Problem.ToString());
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    public void Rejects_non_finite_values(string value)
    {
        var parsed = RegionTimeSeriesParser.Parse($"1 2\n3 {value}\n5 6\n");

        Assert.Equal((2, 2), (parsed.Problem!.Line, parsed.Problem.Column));
    }

    [Fact]
    public void Rejects_empty_comma_separated_field()
    {
        var parsed = RegionTimeSeriesParser.Parse("1,2,3\n4,,6\n7,8,9\n");

        Assert.Equal((2, 2), (parsed.Problem!.Line, parsed.Problem.Column));
    }

    [Fact]
    public void Rejects_too_few_time_points()
    {
        var parsed = RegionTimeSeriesParser.Parse("#a #b\n1 2\n3 4\n");

        Assert.Contains("at least 3 time points", parsed.Problem!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_duplicate_header_codes()
    {
        var parsed = RegionTimeSeriesParser.Parse("#a #a\n1 2\n3 4\n5 6\n");

        Assert.Equal((1, 2), (parsed.Problem!.Line, parsed.Problem.Column));
    }

    [Fact]
    public void Rejects_a_single_region()
    {
        Assert.False(RegionTimeSeriesParser.Parse("1\n2\n3\n").IsSuccess);
    }
}
