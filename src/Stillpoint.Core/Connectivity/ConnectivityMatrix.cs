namespace Stillpoint.Core.Connectivity;

/// <summary>A symmetric region × region matrix (r or Fisher z), rows and columns in <see cref="Regions"/> order.</summary>
public sealed class ConnectivityMatrix
{
    private readonly double[] _values;
    private readonly Dictionary<string, int> _indexByCode;

    internal ConnectivityMatrix(IReadOnlyList<RegionRef> regions, double[] values)
    {
        Regions = regions;
        _values = values;
        _indexByCode = regions.Select((r, i) => (r.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
    }

    public IReadOnlyList<RegionRef> Regions { get; }

    /// <summary>
    /// Rebuilds a stored matrix from its row-major values (regions.Count² of them), e.g. read back from a
    /// database. The values are copied.
    /// </summary>
    public static ConnectivityMatrix FromValues(IReadOnlyList<RegionRef> regions, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != regions.Count * regions.Count)
        {
            throw new ArgumentException($"A {regions.Count}-region matrix needs {regions.Count * regions.Count} values; got {values.Count}.", nameof(values));
        }

        return new ConnectivityMatrix(regions, [.. values]);
    }

    public int Size => Regions.Count;

    public double this[int row, int column] => _values[(row * Size) + column];

    /// <summary>Row/column position of a region code, or −1 when the region is not in the matrix.</summary>
    public int IndexOf(string code) => _indexByCode.GetValueOrDefault(code, -1);

    public bool Contains(string code) => _indexByCode.ContainsKey(code);

    /// <summary>The value between two regions by code; throws when either was excluded or never present.</summary>
    public double Get(string codeA, string codeB)
    {
        var (a, b) = (IndexOf(codeA), IndexOf(codeB));
        if (a < 0 || b < 0)
        {
            throw new KeyNotFoundException($"The matrix has no region '{(a < 0 ? codeA : codeB)}'.");
        }

        return this[a, b];
    }

    /// <summary>Element-wise <paramref name="later"/> − <paramref name="earlier"/> over the regions both contain (pre/post change per edge).</summary>
    public static ConnectivityMatrix Difference(ConnectivityMatrix later, ConnectivityMatrix earlier)
    {
        ArgumentNullException.ThrowIfNull(later);
        ArgumentNullException.ThrowIfNull(earlier);
        var common = later.Regions.Where(r => earlier.Contains(r.Code)).ToArray();
        var values = new double[common.Length * common.Length];
        for (var i = 0; i < common.Length; i++)
        {
            for (var j = 0; j < common.Length; j++)
            {
                values[(i * common.Length) + j] = later.Get(common[i].Code, common[j].Code) - earlier.Get(common[i].Code, common[j].Code);
            }
        }

        return new ConnectivityMatrix(common, values);
    }

    internal ConnectivityMatrix Map(Func<double, double> transform) =>
        new(Regions, _values.Select(transform).ToArray());
}
