using System.Globalization;
using Stillpoint.Core.Instruments.Definitions;
using Stillpoint.Core.Instruments.Scoring;
using Stillpoint.Core.Interop.Fhir;

namespace Stillpoint.Core.Interop.Import;

/// <summary>A QuestionnaireResponse → answers of one of our instruments, rescored by our engine.</summary>
internal static class ResponseImport
{
    private static readonly string QuestionnairePrefix = FhirCodes.QuestionnaireUrl("");

    public static void Check(FhirImportValidator validator, RawEntry entry, FhirQuestionnaireResponse response, List<string> reasons, ImportPlan plan)
    {
        if (response.Status is not ("completed" or "amended"))
        {
            reasons.Add(response.Status is null ? "status is required" : $"status '{response.Status}' cannot be imported: only completed or amended responses");
        }

        var patient = validator.Resolve(response.Subject, "Patient", "subject", reasons);
        var session = validator.SessionOf(response.Encounter, patient, reasons);
        if (!FhirDates.TryParseInstant(response.Authored, out var authored))
        {
            reasons.Add("authored is required as a date-time with time zone");
        }
        else if (authored > validator.Rules.Now)
        {
            reasons.Add("authored is in the future");
        }

        var context = Context(response, validator.Rules, reasons);
        var definition = Instrument(validator, response.Questionnaire, reasons);
        var answers = definition is null ? null : Answers(definition, response.Item ?? [], reasons);
        if (definition is null || answers is null || reasons.Count > 0)
        {
            return;
        }

        var attempt = InstrumentScorer.Score(definition, answers);
        reasons.AddRange(attempt.Errors.Select(e => e.ItemNumber is { } n ? $"item {definition.Item(n).Id}: {e.Message}" : e.Message));
        if (attempt.Result is { IsComplete: false } incomplete)
        {
            reasons.Add("incomplete: unanswered " + string.Join(", ", incomplete.MissingItems.Select(n => definition.Item(n).Id)));
        }

        if (reasons.Count == 0)
        {
            plan.Responses.Add(new ImportedResponse(entry.Index, patient!.Value, definition, answers, attempt.Result!, authored, context!, session));
        }
    }

    private static string? Context(FhirQuestionnaireResponse response, FhirImportRules rules, List<string> reasons)
    {
        var code = response.Extension?.FirstOrDefault(e => e.Url == FhirCodes.ResponseContextExtension)?.ValueCode;
        if (code is null)
        {
            return rules.DefaultContext;
        }

        if (!rules.Contexts.Contains(code, StringComparer.Ordinal))
        {
            reasons.Add($"context extension '{code}' is not one of {string.Join(", ", rules.Contexts)}");
            return null;
        }

        return code;
    }

    /// <summary>Our instrument for a canonical "url|version"; the version, when given, must be the one we score with.</summary>
    private static InstrumentDefinition? Instrument(FhirImportValidator validator, string? canonical, List<string> reasons)
    {
        if (string.IsNullOrEmpty(canonical))
        {
            reasons.Add("questionnaire is required");
            return null;
        }

        var parts = canonical.Split('|', 2);
        if (!parts[0].StartsWith(QuestionnairePrefix, StringComparison.Ordinal)
            || !validator.Library.TryGet(parts[0][QuestionnairePrefix.Length..], out var definition))
        {
            reasons.Add($"questionnaire '{canonical}' is not a known instrument (expected {QuestionnairePrefix}<instrument id>)");
            return null;
        }

        if (parts.Length == 2 && !string.Equals(parts[1], definition.Version, StringComparison.Ordinal))
        {
            reasons.Add($"questionnaire version '{parts[1]}' is not the loaded version {definition.Version} of {definition.Id}");
            return null;
        }

        return definition;
    }

    private static int?[]? Answers(InstrumentDefinition definition, IReadOnlyList<QuestionnaireResponseItem> items, List<string> reasons)
    {
        var answers = new int?[definition.Items.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var match = definition.Items.FirstOrDefault(i => string.Equals(i.Id, item.LinkId, StringComparison.Ordinal));
            if (match is null)
            {
                reasons.Add($"item linkId '{item.LinkId}' is not an item of {definition.Id}");
            }
            else if (!seen.Add(match.Id))
            {
                reasons.Add($"item {match.Id} appears twice");
            }
            else
            {
                answers[match.Number - 1] = Value(definition.Id, match, item.Answer ?? [], reasons);
            }
        }

        return reasons.Count == 0 ? answers : null;
    }

    private static int? Value(string instrumentId, InstrumentItem item, IReadOnlyList<QuestionnaireResponseAnswer> answers, List<string> reasons)
    {
        if (answers.Count != 1)
        {
            reasons.Add($"item {item.Id}: exactly one answer expected, got {answers.Count}");
            return null;
        }

        var answer = answers[0];
        int? value = item.Scale.IsSlider ? answer.ValueInteger : CodedValue(instrumentId, item, answer.ValueCoding, reasons);
        if (value is null)
        {
            if (item.Scale.IsSlider)
            {
                reasons.Add($"item {item.Id}: valueInteger expected");
            }

            return null;
        }

        if (!item.Scale.Accepts(value.Value))
        {
            reasons.Add($"item {item.Id}: {value.Value.ToString(CultureInfo.InvariantCulture)} is not an accepted answer ({item.Scale.Describe()})");
            return null;
        }

        return value;
    }

    private static int? CodedValue(string instrumentId, InstrumentItem item, Coding? coding, List<string> reasons)
    {
        if (coding?.Code is null)
        {
            reasons.Add($"item {item.Id}: valueCoding with a code expected");
            return null;
        }

        if (coding.System is { } system && !string.Equals(system, FhirCodes.AnswerSystem(instrumentId), StringComparison.Ordinal))
        {
            reasons.Add($"item {item.Id}: answer system '{system}' is not {FhirCodes.AnswerSystem(instrumentId)}");
            return null;
        }

        if (!int.TryParse(coding.Code, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            reasons.Add($"item {item.Id}: answer code '{coding.Code}' is not a scored value");
            return null;
        }

        return value;
    }
}
