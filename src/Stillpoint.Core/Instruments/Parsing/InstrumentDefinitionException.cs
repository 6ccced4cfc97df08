namespace Stillpoint.Core.Instruments.Parsing;

/// <summary>
/// A definition file that cannot be used. The message names the file and the field so the
/// person fixing it does not have to guess; start-up stops on it.
/// </summary>
public sealed class InstrumentDefinitionException : Exception
{
    public InstrumentDefinitionException(string fileName, string field, string problem, Exception? inner = null)
        : base($"Instrument definition '{fileName}', field '{field}': {problem}", inner)
    {
        FileName = fileName;
        Field = field;
        Problem = problem;
    }

    public InstrumentDefinitionException()
        : this("(unknown)", "(unknown)", "invalid definition")
    {
    }

    public InstrumentDefinitionException(string message)
        : this("(unknown)", "(unknown)", message)
    {
    }

    public InstrumentDefinitionException(string message, Exception innerException)
        : this("(unknown)", "(unknown)", message, innerException)
    {
    }

    public string FileName { get; }

    public string Field { get; }

    public string Problem { get; }
}
