using System.Xml.Linq;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Stillpoint.Web.Connectivity;
using Stillpoint.Web.Connectivity.Pages;

namespace Stillpoint.Web.Tests.Connectivity;

/// <summary>The server-rendered SVG heat map: ordering by network, colour scale, and accessible structure.</summary>
public sealed class HeatMapTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    // Input order deliberately mixes networks: other, core, subsystem, core.
    private static readonly RegionInfo[] Regions =
    [
        new(0, "#10", "Thalamus", "L", "Other"),
        new(1, "#3001", "PCC", "R", "DMN core"),
        new(2, "#17", "Hippocampus", "L", "DMN"),
        new(3, "#2501", "mPFC", "R", "DMN core"),
    ];

    private static readonly double[][] Values =
    [
        [8.4, 0.1, 0.2, 0.3],
        [0.1, 8.4, 0.4, 0.52],
        [0.2, 0.4, 8.4, -0.6],
        [0.3, 0.52, -0.6, 8.4],
    ];

    [Fact]
    public void Order_PutsDmnCoreFirst_ThenOtherDmn_ThenTheRest_KeepingColumnOrderWithin()
    {
        Assert.Equal([1, 3, 2, 0], HeatMapLayout.Order(Regions));
        Assert.Equal(
            [new NetworkBand("DMN core", 0, 2), new NetworkBand("DMN", 2, 1), new NetworkBand("Other", 3, 1)],
            HeatMapLayout.Bands(Regions, HeatMapLayout.Order(Regions)));
    }

    [Fact]
    public void Limit_IgnoresTheDiagonal_AndColoursAreSymmetricAroundWhite()
    {
        Assert.Equal(0.6, HeatMapLayout.Limit(Values), 12);
        Assert.Equal("#ffffff", HeatMapLayout.Color(0, 0.6));
        Assert.Equal("#b2182b", HeatMapLayout.Color(0.6, 0.6));
        Assert.Equal("#2166ac", HeatMapLayout.Color(-5, 0.6));
    }

    [Fact]
    public async Task Rendered_HasTitleDescAndOneTitledCellPerPair_InNetworkOrder()
    {
        var data = new HeatMapData("Fisher z, baseline", "Options used: bandpass 0.01–0.1 Hz", Regions, Values);

        var svg = XElement.Parse(await RenderAsync(data));

        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("m-title m-desc", (string?)svg.Attribute("aria-labelledby"));
        Assert.Equal("Fisher z, baseline", svg.Element(Svg + "title")!.Value);
        Assert.Contains("Options used: bandpass 0.01–0.1 Hz", svg.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
        Assert.Contains("DMN core: 2", svg.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
        var cells = svg.Descendants(Svg + "g").First(g => (string?)g.Attribute("class") == "cells").Elements(Svg + "rect").ToList();
        Assert.Equal(16, cells.Count);
        var titles = cells.Select(c => c.Element(Svg + "title")!.Value).ToList();
        Assert.Equal("PCC (R) [#3001]: diagonal", titles[0]);
        Assert.Equal("PCC (R) [#3001] × mPFC (R) [#2501]: z = 0.520", titles[1]);
        Assert.Equal("Hippocampus (L) [#17] × mPFC (R) [#2501]: z = -0.600", titles[9]);
        Assert.Equal("Thalamus (L) [#10] × Hippocampus (L) [#17]: z = 0.200", titles[14]);
        Assert.Equal("#2166ac", (string?)cells[9].Attribute("fill"));
    }

    private static async Task<string> RenderAsync(HeatMapData data)
    {
        await using var services = new ServiceCollection().BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<ConnectivityHeatMap>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(ConnectivityHeatMap.Data)] = data,
                [nameof(ConnectivityHeatMap.Id)] = "m",
            }));
            return output.ToHtmlString();
        });
    }
}
