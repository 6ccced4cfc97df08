using System.Buffers;
using System.Globalization;

namespace Stillpoint.Core.Connectivity;

/// <summary>
/// Reads "rows of numbers" text: whitespace- or comma-separated, an optional header row (detected
/// because it holds something that is not a number), blank lines ignored. Every complaint carries the
/// 1-based line and column so the uploader can fix the file.
/// </summary>
internal static class NumericTableParser
{
    private static readonly SearchValues<char> Whitespace = SearchValues.Create(" \t");

    public static ConnectivityOutcome<NumericTable> Parse(TextReader reader, bool allowHeader)
    {
        string[]? header = null;
        var rows = new List<double[]>();
        var lineNumber = 0;
        var tokens = new List<Range>();
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            Tokenise(line, tokens);
            var isFirstContentLine = header is null && rows.Count == 0;
            if (isFirstContentLine && allowHeader && !AllNumeric(line, tokens))
            {
                var fields = tokens.Select(r => line[r]).ToArray();
                var headerProblem = CheckHeader(fields, lineNumber);
                if (headerProblem is not null)
                {
                    return ConnectivityOutcome<NumericTable>.Failure(headerProblem);
                }

                header = fields;
                continue;
            }

            var expected = header?.Length ?? (rows.Count > 0 ? rows[0].Length : tokens.Count);
            if (tokens.Count != expected)
            {
                return ConnectivityOutcome<NumericTable>.Failure(
                    $"this row has {tokens.Count} values but {DescribeExpected(header, expected)}", lineNumber);
            }

            var row = new double[tokens.Count];
            for (var column = 0; column < tokens.Count; column++)
            {
                var problem = ParseValue(line.AsSpan(tokens[column]), lineNumber, column + 1, out row[column]);
                if (problem is not null)
                {
                    return ConnectivityOutcome<NumericTable>.Failure(problem);
                }
            }

            rows.Add(row);
        }

        return ConnectivityOutcome<NumericTable>.Success(
            new NumericTable(header, Transpose(rows, header?.Length ?? 0), rows.Count));
    }

    private static string DescribeExpected(string[]? header, int expected) =>
        header is null ? $"earlier rows have {expected}" : $"the header names {expected} columns";

    /// <summary>
    /// Finds the fields of a line as ranges (no string per value: a 176 × 111 upload has ~20,000).
    /// A comma anywhere makes the line comma-separated, with spaces around commas tolerated and empty
    /// fields kept (so they can be reported); otherwise runs of spaces and tabs separate fields.
    /// </summary>
    private static void Tokenise(string line, List<Range> tokens)
    {
        tokens.Clear();
        var span = line.AsSpan();
        if (span.Contains(','))
        {
            foreach (var range in span.Split(','))
            {
                tokens.Add(Trim(span, range));
            }

            return;
        }

        foreach (var range in span.SplitAny(Whitespace))
        {
            if (range.GetOffsetAndLength(span.Length).Length > 0)
            {
                tokens.Add(range);
            }
        }
    }

    private static Range Trim(ReadOnlySpan<char> line, Range range)
    {
        var (offset, length) = range.GetOffsetAndLength(line.Length);
        var field = line.Slice(offset, length);
        var start = offset + (field.Length - field.TrimStart().Length);
        var trimmedLength = field.Trim().Length;
        return new Range(start, start + trimmedLength);
    }

    private static bool AllNumeric(string line, List<Range> tokens) =>
        tokens.TrueForAll(r => double.TryParse(line.AsSpan(r), NumberStyles.Float, CultureInfo.InvariantCulture, out _));

    private static ConnectivityProblem? CheckHeader(string[] fields, int lineNumber)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Length; i++)
        {
            if (fields[i].Length == 0)
            {
                return new ConnectivityProblem("the header has an empty region code", lineNumber, i + 1);
            }

            if (!seen.Add(fields[i]))
            {
                return new ConnectivityProblem($"the header repeats the region code '{fields[i]}'", lineNumber, i + 1);
            }
        }

        return null;
    }

    private static ConnectivityProblem? ParseValue(ReadOnlySpan<char> text, int line, int column, out double value)
    {
        if (text.Length == 0)
        {
            value = 0;
            return new ConnectivityProblem("the value is empty", line, column);
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return new ConnectivityProblem($"'{text.ToString()}' is not a number", line, column);
        }

        return double.IsFinite(value)
            ? null
            : new ConnectivityProblem($"'{text.ToString()}' is not a finite number", line, column);
    }

    private static double[][] Transpose(List<double[]> rows, int headerWidth)
    {
        var width = rows.Count > 0 ? rows[0].Length : headerWidth;
        var columns = new double[width][];
        for (var c = 0; c < width; c++)
        {
            var column = new double[rows.Count];
            for (var r = 0; r < rows.Count; r++)
            {
                column[r] = rows[r][c];
            }

            columns[c] = column;
        }

        return columns;
    }
}
