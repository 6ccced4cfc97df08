using System.CommandLine;
using System.Text.Json;
using Stillpoint.Core.Instruments;
using Stillpoint.Core.Instruments.Scoring;

namespace Stillpoint.Cli.Commands;

/// <summary>
/// <c>stillpoint score &lt;instrument-id&gt; --answers "0,1,,3"</c>: scores answers and prints one JSON
/// object. A stable contract used by scripts: on success exactly one line of JSON on stdout and exit 0;
/// on bad input a message on stderr, nothing on stdout and exit 2.
/// </summary>
internal static class ScoreCommand
{
    /// <summary>Bad input: unknown instrument, wrong count, non-integer or out-of-range answer.</summary>
    private const int BadInputExitCode = 2;

    public static Command Build()
    {
        var instrumentId = new Argument<string>("instrument-id") { Description = "The instrument id, e.g. phq9 (see 'stillpoint instruments list')." };
        var answers = new Option<string>("--answers")
        {
            Description = "Comma-separated answers in item order. An empty position is a missing answer; "
                + "for cssrs-screen, leave the items its skip logic does not ask empty.",
        };
        var command = new Command("score", "Score one set of answers and print the result as JSON.") { instrumentId, answers };
        command.SetAction(parseResult => Run(parseResult, parseResult.GetValue(instrumentId)!, parseResult.GetValue(answers)));
        return command;
    }

    private static int Run(ParseResult parseResult, string instrumentId, string? answerText)
    {
        var error = parseResult.InvocationConfiguration.Error;
        if (answerText is null)
        {
            error.WriteLine("Missing --answers: give the answers in item order, e.g. --answers \"0,1,2\".");
            return BadInputExitCode;
        }

        if (!InstrumentLibraryLoading.TryLoad(error, out var library))
        {
            return 1;
        }

        if (!library.TryGet(instrumentId, out var definition))
        {
            error.WriteLine($"Unknown instrument '{instrumentId}'. Known: {string.Join(", ", library.All.Select(known => known.Id))}.");
            return BadInputExitCode;
        }

        var (answers, parseError) = AnswerListParser.Parse(answerText);
        if (answers is null)
        {
            error.WriteLine(parseError);
            return BadInputExitCode;
        }

        var attempt = InstrumentScorer.Score(definition, answers);
        if (attempt.Result is not { } result)
        {
            foreach (var answerError in attempt.Errors)
            {
                error.WriteLine(answerError.Message);
            }

            return BadInputExitCode;
        }

        parseResult.InvocationConfiguration.Output.WriteLine(ToJson(result));
        return 0;
    }

    /// <summary>The contract's shape, in this key order: instrument, total, severity, subscales, flags, complete.</summary>
    internal static string ToJson(ScoreResult result)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("instrument", result.InstrumentId);
            if (result.Total is { } total)
            {
                writer.WriteNumber("total", WithoutTrailingZeros(total));
            }
            else
            {
                writer.WriteNull("total");
            }

            writer.WriteString("severity", result.Severity);
            writer.WriteStartObject("subscales");
            foreach (var subscale in result.Subscales)
            {
                writer.WriteNumber(subscale.Name, WithoutTrailingZeros(subscale.Value));
            }

            writer.WriteEndObject();
            writer.WriteStartArray("flags");
            foreach (var flag in result.Flags)
            {
                writer.WriteStringValue(flag.Name);
            }

            writer.WriteEndArray();
            writer.WriteBoolean("complete", result.IsComplete);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Prints 12 rather than 12.00: decimal keeps its scale when serialised.</summary>
    private static decimal WithoutTrailingZeros(decimal value) => value / 1.0000000000000000000000000000m;
}
