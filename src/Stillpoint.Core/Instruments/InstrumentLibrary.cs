using Stillpoint.Core.Instruments.Definitions;
using Stillpoint.Core.Instruments.Parsing;

namespace Stillpoint.Core.Instruments;

/// <summary>
/// The loaded instruments, by id. Built once at start-up (Stillpoint.Data's loader reads the files)
/// and then read-only, so it can be shared as a singleton.
/// </summary>
public sealed class InstrumentLibrary
{
    private readonly Dictionary<string, InstrumentDefinition> _byId;

    public InstrumentLibrary(IEnumerable<InstrumentDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        _byId = new Dictionary<string, InstrumentDefinition>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            if (!_byId.TryAdd(definition.Id, definition))
            {
                throw new ArgumentException($"Instrument id '{definition.Id}' is defined twice.", nameof(definitions));
            }
        }

        All = [.. _byId.Values.OrderBy(definition => definition.Id, StringComparer.Ordinal)];
    }

    /// <summary>Every instrument, ordered by id.</summary>
    public IReadOnlyList<InstrumentDefinition> All { get; }

    /// <summary>Parses each (file name, JSON text) pair; the first broken one throws, naming file and field.</summary>
    /// <exception cref="InstrumentDefinitionException">A definition is invalid, or two files share an id.</exception>
    public static InstrumentLibrary Parse(IEnumerable<(string FileName, string Json)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var definitions = new List<InstrumentDefinition>();
        foreach (var (fileName, json) in files)
        {
            var definition = InstrumentDefinitionParser.Parse(fileName, json);
            if (definitions.Exists(existing => string.Equals(existing.Id, definition.Id, StringComparison.Ordinal)))
            {
                throw new InstrumentDefinitionException(fileName, "id", $"'{definition.Id}' is already defined by another file");
            }

            definitions.Add(definition);
        }

        return new InstrumentLibrary(definitions);
    }

    /// <exception cref="KeyNotFoundException">No instrument has this id.</exception>
    public InstrumentDefinition Get(string id) =>
        TryGet(id, out var definition) ? definition : throw new KeyNotFoundException($"No instrument with id '{id}'.");

    public bool TryGet(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out InstrumentDefinition? definition) =>
        _byId.TryGetValue(id, out definition);
}
