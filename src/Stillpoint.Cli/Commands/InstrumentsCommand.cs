using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using Stillpoint.Core.Instruments;
using Stillpoint.Core.Instruments.Parsing;
using Stillpoint.Data.Instruments;

namespace Stillpoint.Cli.Commands;

/// <summary><c>stillpoint instruments list</c>: the instrument ids and titles, one a line.</summary>
internal static class InstrumentsCommand
{
    public static Command Build()
    {
        var list = new Command("list", "List the instrument ids and titles.");
        list.SetAction(parseResult =>
        {
            if (!InstrumentLibraryLoading.TryLoad(parseResult.InvocationConfiguration.Error, out var library))
            {
                return 1;
            }

            foreach (var definition in library.All)
            {
                parseResult.InvocationConfiguration.Output.WriteLine($"{definition.Id}\t{definition.Title}");
            }

            return 0;
        });
        return new Command("instruments", "Questionnaires and rating scales.") { list, ImportWordingCommand.Build() };
    }
}

/// <summary>Loads the definitions beside the executable, reporting a broken one instead of crashing.</summary>
internal static class InstrumentLibraryLoading
{
    public static bool TryLoad(TextWriter error, [NotNullWhen(true)] out InstrumentLibrary? library)
    {
        try
        {
            library = InstrumentDirectoryLoader.Load();
            return true;
        }
        catch (Exception exception) when (exception is InstrumentDefinitionException or DirectoryNotFoundException)
        {
            error.WriteLine(exception.Message);
            library = null;
            return false;
        }
    }
}
