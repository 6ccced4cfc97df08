using Stillpoint.Core.Instruments.Scoring;

namespace Stillpoint.Core.Tests.Instruments;

public sealed class AnswerListParserTests
{
    [Theory]
    [InlineData("1,2,3", new[] { "1", "2", "3" })]
    [InlineData("1,,3", new[] { "1", "", "3" })] // an empty position is a missing answer
    [InlineData(" 1 , 2 ", new[] { "1", "2" })] // spaces around values are ignored
    [InlineData("", new[] { "" })] // one empty position
    [InlineData("-1,5", new[] { "-1", "5" })] // negative numbers parse; the range check refuses them later
    public void Parse_Valid(string text, string[] expected)
    {
        var (answers, error) = AnswerListParser.Parse(text);

        Assert.Null(error);
        Assert.Equal(expected, answers!.Select(answer => answer?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""));
    }

    [Theory]
    [InlineData("1,x,3", "Answer 2")]
    [InlineData("1.5", "Answer 1")]
    [InlineData("1,2,99999999999", "Answer 3")]
    public void Parse_NotWholeNumber_NamesThePosition(string text, string position)
    {
        var (answers, error) = AnswerListParser.Parse(text);

        Assert.Null(answers);
        Assert.Contains(position, error, StringComparison.Ordinal);
    }
}
