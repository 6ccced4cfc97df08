using System.Globalization;
using System.Text;

namespace Stillpoint.Core.Interop.Csv;

/// <summary>
/// An RFC 4180 CSV table: CRLF line ends, a header row, a field quoted (quotes doubled) only when it holds a
/// comma, quote, CR or LF. Numbers in invariant culture, times as ISO 8601 UTC; null is an empty field.
/// </summary>
public sealed class CsvTable
{
    private readonly StringBuilder _text = new();
    private readonly int _columns;

    public CsvTable(params string[] header)
    {
        ArgumentNullException.ThrowIfNull(header);
        _columns = header.Length;
        AppendRow(header);
    }

    public int Rows { get; private set; }

    public void Add(params object?[] fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Length != _columns)
        {
            throw new ArgumentException($"Expected {_columns} fields, got {fields.Length}.", nameof(fields));
        }

        AppendRow(fields.Select(Format));
        Rows++;
    }

    public override string ToString() => _text.ToString();

    public static string Format(object? value) => value switch
    {
        null => "",
        DateTimeOffset time => Time(time),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public static string Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static string Quote(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private void AppendRow(IEnumerable<string> fields)
    {
        _text.AppendJoin(',', fields.Select(Quote));
        _text.Append("\r\n");
    }
}
