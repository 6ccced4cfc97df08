using System.Globalization;

namespace Stillpoint.Core.Connectivity;

/// <summary>
/// Parses a region-label CSV with a header row. Recognised columns (case-insensitive):
/// index (<c>column_index_0based</c>, <c>index</c>, <c>column</c>), code (<c>header_code</c>, <c>code</c>),
/// name (<c>region</c>, <c>name</c>, <c>label</c>), <c>hemisphere</c>, and network as either
/// <c>dmn_role</c> (any value = DMN; values starting "core" = core) or <c>network</c>
/// ("default"/"DMN" = DMN; also containing "core" = core).
/// </summary>
public static class RegionLabelParser
{
    private static readonly string[] IndexColumns = ["column_index_0based", "index", "column"];
    private static readonly string[] CodeColumns = ["header_code", "code"];
    private static readonly string[] NameColumns = ["region", "name", "label"];

    public static ConnectivityOutcome<RegionLabelSet> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var headerLine = Array.FindIndex(lines, l => !string.IsNullOrWhiteSpace(l));
        if (headerLine < 0)
        {
            return ConnectivityOutcome<RegionLabelSet>.Failure("the label file is empty");
        }

        var layout = LabelColumns.From(CsvLineSplitter.Split(lines[headerLine]));
        if (layout.Problem is not null)
        {
            return ConnectivityOutcome<RegionLabelSet>.Failure(layout.Problem, headerLine + 1);
        }

        var labels = new List<RegionLabel>();
        for (var i = headerLine + 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var label = layout.Read(CsvLineSplitter.Split(lines[i]), i + 1, out var problem);
            if (problem is not null)
            {
                return ConnectivityOutcome<RegionLabelSet>.Failure(problem);
            }

            labels.Add(label!);
        }

        return ConnectivityOutcome<RegionLabelSet>.Success(new RegionLabelSet(labels));
    }

    /// <summary>Where each recognised field sits in the label file's rows.</summary>
    private sealed record LabelColumns(int Index, int Code, int Name, int Hemisphere, int Role, bool RoleIsDmnRole, string? Problem)
    {
        public static LabelColumns From(List<string> header)
        {
            int Find(params string[] names) => header.FindIndex(h => names.Contains(h, StringComparer.OrdinalIgnoreCase));
            var index = Find(IndexColumns);
            var code = Find(CodeColumns);
            var name = Find(NameColumns);
            var dmnRole = Find("dmn_role");
            var role = dmnRole >= 0 ? dmnRole : Find("network");
            var problem = (index < 0 && code < 0) ? "the label file needs an index or a code column"
                : name < 0 ? "the label file needs a region (name) column"
                : null;
            return new LabelColumns(index, code, name, Find("hemisphere"), role, dmnRole >= 0, problem);
        }

        public RegionLabel? Read(List<string> fields, int line, out ConnectivityProblem? problem)
        {
            problem = null;
            string Field(int column) => column >= 0 && column < fields.Count ? fields[column] : "";
            int? columnIndex = null;
            if (Index >= 0)
            {
                if (!int.TryParse(Field(Index), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                {
                    problem = new ConnectivityProblem($"'{Field(Index)}' is not a column index", line, Index + 1);
                    return null;
                }

                columnIndex = parsed;
            }

            var code = Field(Code);
            var role = Field(Role);
            return new RegionLabel(
                columnIndex,
                code.Length == 0 ? null : code,
                Field(Name),
                Field(Hemisphere),
                role,
                NetworkClassifier.Classify(role, RoleIsDmnRole));
        }
    }
}
