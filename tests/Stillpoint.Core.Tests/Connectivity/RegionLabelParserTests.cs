using Stillpoint.Core.Connectivity;

namespace Stillpoint.Core.Tests.Connectivity;

public sealed class RegionLabelParserTests
{
    private const string AbideStyle = """
        column_index_0based,header_code,region,hemisphere,note,dmn_role
        0,#10,Thalamus,L,FreeSurfer LUT code (subcortical),
        1,#17,Hippocampus,L,x,MTL_hippocampus
        2,#3001,"Cingulate Gyrus, posterior division",R*,"k=30, inferred",core_PCC
        """;

    [Fact]
    public void Reads_quoted_names_hemisphere_and_dmn_role()
    {
        var labels = RegionLabelParser.Parse(AbideStyle).GetValueOrThrow().Labels;

        Assert.Equal(3, labels.Count);
        Assert.Equal("Cingulate Gyrus, posterior division", labels[2].Name);
        Assert.Equal("R*", labels[2].Hemisphere);
        Assert.Equal(2, labels[2].ColumnIndex);
        Assert.Equal("#3001", labels[2].Code);
        Assert.Equal([RegionNetwork.Other, RegionNetwork.DmnSubsystem, RegionNetwork.DmnCore], labels.Select(l => l.Network));
    }

    [Fact]
    public void Reads_a_network_column_by_name()
    {
        var labels = RegionLabelParser.Parse("index,name,network\n0,PCC,DMN core\n1,V1,Visual\n2,TPJ,Default\n").GetValueOrThrow().Labels;

        Assert.Equal([RegionNetwork.DmnCore, RegionNetwork.Other, RegionNetwork.DmnSubsystem], labels.Select(l => l.Network));
    }

    [Fact]
    public void Labels_match_by_code_when_the_series_has_a_header_and_by_index_otherwise()
    {
        var set = RegionLabelParser.Parse(AbideStyle).GetValueOrThrow();

        Assert.Equal("Hippocampus", set.Find(new RegionRef(7, "#17"), seriesHasHeader: true)!.Name);
        Assert.Equal("Hippocampus", set.Find(new RegionRef(1, "c1"), seriesHasHeader: false)!.Name);
    }

    [Fact]
    public void Reports_a_bad_index_with_line_and_column()
    {
        var parsed = RegionLabelParser.Parse("index,name\n0,A\nx,B\n");

        Assert.Equal((3, 1), (parsed.Problem!.Line, parsed.Problem.Column));
    }

    [Fact]
    public void Requires_a_name_column()
    {
        Assert.False(RegionLabelParser.Parse("index,hemisphere\n0,L\n").IsSuccess);
    }
}
