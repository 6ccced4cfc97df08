namespace Stillpoint.Core.Connectivity;

/// <summary>A region as it appeared in the uploaded file: its 0-based column and its code.</summary>
public sealed record RegionRef(int ColumnIndex, string Code);
