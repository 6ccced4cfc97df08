namespace Stillpoint.Core.Connectivity;

/// <summary>A parsed numeric text table stored column by column, with its optional header row.</summary>
internal sealed record NumericTable(IReadOnlyList<string>? Header, double[][] Columns, int RowCount);
