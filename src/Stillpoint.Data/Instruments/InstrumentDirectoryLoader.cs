using Stillpoint.Core.Instruments;
using Stillpoint.Core.Instruments.Parsing;

namespace Stillpoint.Data.Instruments;

/// <summary>
/// Reads every <c>*.json</c> instrument definition from a directory and hands each to the Core
/// parser. A broken definition throws <see cref="InstrumentDefinitionException"/> naming the file
/// and field, so a host that loads the library at start-up refuses to start with it.
/// </summary>
public static class InstrumentDirectoryLoader
{
    /// <summary>Where the build copies <c>instruments/*.json</c> beside every host.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "instruments");

    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    /// <exception cref="InstrumentDefinitionException">A definition is invalid.</exception>
    public static InstrumentLibrary Load(string? directory = null)
    {
        directory ??= DefaultDirectory;
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Instrument definitions directory '{directory}' does not exist.");
        }

        // Ordinal order makes the first reported error the same on every machine.
        var files = Directory.GetFiles(directory, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileName(path), File.ReadAllText(path)));
        return InstrumentLibrary.Parse(files);
    }
}
