using System.Globalization;
using System.Text.Json;
using Stillpoint.Core.Common;
using Stillpoint.Core.Instruments.Scoring;

namespace Stillpoint.Web.Instruments;

/// <summary>
/// Turns answers as clients send them (JSON values, or form text) into the engine's raw answers. Field keys
/// follow the engine: <c>answers[n]</c> names item n (1-based), <c>answers</c> the list as a whole.
/// </summary>
internal static class AnswerInput
{
    /// <summary>The most answers accepted before looking at the instrument (no instrument has more).</summary>
    public const int MaxAnswers = 200;

    public static IReadOnlyList<int?>? FromJson(IReadOnlyList<JsonElement>? answers, ValidationErrors errors)
    {
        if (answers is null)
        {
            errors.Add("answers", "Answers are required: one per item, in item order (null for an unanswered item).");
            return null;
        }

        if (answers.Count > MaxAnswers)
        {
            errors.Add("answers", $"At most {MaxAnswers} answers.");
            return null;
        }

        var values = new List<int?>(answers.Count);
        for (var index = 0; index < answers.Count; index++)
        {
            var answer = answers[index];
            if (answer.ValueKind == JsonValueKind.Null)
            {
                values.Add(null);
            }
            else if (answer.ValueKind == JsonValueKind.Number && answer.TryGetInt32(out var value))
            {
                values.Add(value);
            }
            else
            {
                errors.Add(Field(index + 1), $"Item {(index + 1).ToString(CultureInfo.InvariantCulture)}: not a whole number ({answer.GetRawText()}).");
                values.Add(null);
            }
        }

        return values;
    }

    /// <summary>Form text per item number (1..count); empty = not answered.</summary>
    public static IReadOnlyList<int?> FromText(int count, IReadOnlyDictionary<int, string>? byNumber, ValidationErrors errors)
    {
        var values = new List<int?>(count);
        for (var number = 1; number <= count; number++)
        {
            var text = byNumber?.GetValueOrDefault(number)?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                values.Add(null);
            }
            else if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                values.Add(value);
            }
            else
            {
                errors.Add(Field(number), $"Item {number.ToString(CultureInfo.InvariantCulture)}: not a whole number.");
                values.Add(null);
            }
        }

        return values;
    }

    /// <summary>Adds the engine's refusals (out of range, wrong count, answered though skipped).</summary>
    public static void AddEngineErrors(IEnumerable<AnswerError> refused, ValidationErrors errors)
    {
        foreach (var error in refused)
        {
            errors.Add(error.Field, error.Message);
        }
    }

    public static string Field(int itemNumber) => string.Create(CultureInfo.InvariantCulture, $"answers[{itemNumber}]");

    /// <summary>The compact stored form, e.g. <c>[0,1,null,3]</c>.</summary>
    public static string ToJson(IReadOnlyList<int?> answers) => JsonSerializer.Serialize(answers);

    public static IReadOnlyList<int?> ParseStored(string json) => JsonSerializer.Deserialize<List<int?>>(json) ?? [];
}
