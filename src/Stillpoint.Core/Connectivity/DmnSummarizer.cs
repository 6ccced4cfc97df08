namespace Stillpoint.Core.Connectivity;

/// <summary>Computes the DMN figures of a Fisher z matrix.</summary>
public static class DmnSummarizer
{
    public static DmnSummary Summarize(ConnectivityMatrix fisherZ, DmnDefinition dmn)
    {
        ArgumentNullException.ThrowIfNull(fisherZ);
        ArgumentNullException.ThrowIfNull(dmn);
        var core = Present(fisherZ, dmn.CoreCodes);
        var network = Present(fisherZ, dmn.NetworkCodes);
        var networkSet = network.ToHashSet();
        var rest = Enumerable.Range(0, fisherZ.Size).Where(i => !networkSet.Contains(i)).ToArray();

        var corePairs = UniquePairs(core).ToArray();
        var edges = dmn.NamedEdges
            .Select(e => new EdgeValue(e.Name, e.CodeA, e.CodeB, fisherZ.Contains(e.CodeA) && fisherZ.Contains(e.CodeB) ? fisherZ.Get(e.CodeA, e.CodeB) : null))
            .ToArray();
        return new DmnSummary(
            MeanOver(fisherZ, corePairs),
            corePairs.Length,
            dmn.CoreCodes.Where(c => !fisherZ.Contains(c)).ToArray(),
            MeanOver(fisherZ, UniquePairs(network)),
            MeanOver(fisherZ, network.SelectMany(_ => rest, (d, r) => (d, r))),
            edges);
    }

    private static int[] Present(ConnectivityMatrix matrix, IReadOnlyList<string> codes) =>
        codes.Distinct(StringComparer.Ordinal).Select(matrix.IndexOf).Where(i => i >= 0).ToArray();

    private static IEnumerable<(int, int)> UniquePairs(int[] indices) =>
        indices.SelectMany((a, i) => indices.Skip(i + 1), (a, b) => (a, b));

    private static double? MeanOver(ConnectivityMatrix matrix, IEnumerable<(int Row, int Column)> pairs)
    {
        var sum = 0.0;
        var count = 0;
        foreach (var (row, column) in pairs)
        {
            sum += matrix[row, column];
            count++;
        }

        return count == 0 ? null : sum / count;
    }
}
