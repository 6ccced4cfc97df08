using System.Globalization;
using System.Text;

namespace Stillpoint.Core.Connectivity;

/// <summary>
/// The matrix as CSV: a header row "region,code1,code2,…" then one row per region starting with its
/// code. Values use invariant culture and the shortest text that round-trips the double exactly.
/// </summary>
public static class ConnectivityMatrixCsv
{
    public const string CornerLabel = "region";

    public static string Format(ConnectivityMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var text = new StringBuilder();
        var codes = matrix.Regions.Select(r => CsvLineSplitter.Quote(r.Code)).ToArray();
        text.Append(CornerLabel).Append(',').AppendJoin(',', codes).Append('\n');
        for (var i = 0; i < matrix.Size; i++)
        {
            text.Append(codes[i]);
            for (var j = 0; j < matrix.Size; j++)
            {
                text.Append(',').Append(matrix[i, j].ToString("R", CultureInfo.InvariantCulture));
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
