using System.Globalization;

namespace Stillpoint.Core.Instruments.Scoring;

/// <summary>
/// Reads the CLI/script answer format: comma-separated whole numbers in item order, where an empty
/// position means "no answer" (or, for C-SSRS, an item skipped by its skip logic).
/// </summary>
public static class AnswerListParser
{
    /// <returns>The answers, or the error for the first position that is not a whole number.</returns>
    public static (IReadOnlyList<int?>? Answers, string? Error) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var positions = text.Split(',');
        var answers = new List<int?>(positions.Length);
        for (var index = 0; index < positions.Length; index++)
        {
            var position = positions[index].Trim();
            if (position.Length == 0)
            {
                answers.Add(null);
            }
            else if (int.TryParse(position, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                answers.Add(value);
            }
            else
            {
                return (null, string.Create(CultureInfo.InvariantCulture, $"Answer {index + 1} ('{position}') is not a whole number."));
            }
        }

        return (answers, null);
    }
}
