using Stillpoint.Data.Interop;

namespace Stillpoint.Cli.Commands;

/// <summary>
/// Writes an export into a folder batch by batch, so a large clinic never has to fit in memory at once: a FHIR
/// export becomes one Bundle per batch (bundle.json when there is only one, else bundle-0001.json, …, each importable
/// on its own); CSV files get their header once and every batch's rows appended; other files (README.txt) are
/// written once.
/// </summary>
internal sealed class ExportFolderWriter(DirectoryInfo folder, int batches)
{
    private readonly SortedSet<string> _files = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Files => _files;

    /// <summary>Writes batch <paramref name="batch"/> (1-based) of the export.</summary>
    public async Task WriteAsync(int batch, ExportResult export, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(export);
        folder.Create();
        foreach (var (name, text) in export.Files)
        {
            if (name == ExportFiles.BundleFile)
            {
                await WriteNewAsync(batches == 1 ? name : FormattableString.Invariant($"bundle-{batch:D4}.json"), text, ct);
            }
            else if (!_files.Contains(name))
            {
                await WriteNewAsync(name, text, ct);
            }
            else if (name.EndsWith(".csv", StringComparison.Ordinal))
            {
                await File.AppendAllTextAsync(Path.Combine(folder.FullName, name), WithoutHeader(text), ct);
            }
        }
    }

    private async Task WriteNewAsync(string name, string text, CancellationToken ct)
    {
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, name), text, ct);
        _files.Add(name);
    }

    /// <summary>The rows after the header line (headers hold no line breaks).</summary>
    private static string WithoutHeader(string csv)
    {
        var end = csv.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? string.Empty : csv[(end + 1)..];
    }
}
