using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stillpoint.Core.Common;
using Stillpoint.Core.Eligibility;
using Stillpoint.Core.Plans;
using Stillpoint.Data.Assessment;
using Route = Stillpoint.Core.Plans.Route;

namespace Stillpoint.Web.Assessment;

/// <summary>
/// Turns the assessment pages' posted HTML forms into the same request objects the API takes. Form field names
/// are the API's JSON paths (e.g. "vitals.systolicBp"), so the API's field errors show beside the same inputs.
/// </summary>
internal static class FormReaders
{
    public static readonly string[] IntakeTextFields = ["indicationOther", "priorKetamineResponse", "currentMedications"];

    public static (IntakeRequest Request, ValidationErrors Errors) ReadIntake(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new ValidationErrors();
        var root = new JsonObject
        {
            ["indications"] = new JsonArray([.. form["indications"].Where(v => !string.IsNullOrEmpty(v)).Select(v => JsonValue.Create(v))]),
        };
        foreach (var field in IntakeFields.Catalogue.Where(f => f.Kind != FieldKind.SymbolSet))
        {
            var text = form[field.Name].ToString().Trim();
            if (text.Length == 0)
            {
                continue;
            }

            if (field.Kind == FieldKind.Number)
            {
                if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
                {
                    Set(root, field.Name, JsonValue.Create(number));
                }
                else
                {
                    errors.Add(field.Name, "Enter a number, e.g. 120 or 72.5.");
                }
            }
            else
            {
                Set(root, field.Name, JsonValue.Create(text));
            }
        }

        foreach (var name in IntakeTextFields)
        {
            Set(root, name, JsonValue.Create(form[name].ToString()));
        }

        var measured = form["vitals.measuredOn"].ToString().Trim();
        if (measured.Length > 0)
        {
            Set(root, "vitals.measuredOn", JsonValue.Create(measured));
        }

        IntakeAnswers? answers = null;
        try
        {
            answers = root.Deserialize<IntakeAnswers>(AssessmentJson.Options);
        }
        catch (JsonException ex)
        {
            errors.Add(ex.Path?.TrimStart('$', '.') is { Length: > 0 } path ? path : "answers", "Not a valid value.");
        }

        var basedOn = int.TryParse(form["basedOnRevision"], NumberStyles.None, CultureInfo.InvariantCulture, out var b) && b > 0 ? b : (int?)null;
        return (new IntakeRequest(answers ?? new IntakeAnswers(), basedOn, form["reason"].ToString()), errors);
    }

    /// <summary>The form value of one intake field (empty = not answered).</summary>
    public static string IntakeValue(IntakeAnswers? answers, string field)
    {
        if (answers is null)
        {
            return string.Empty;
        }

        if (IntakeFields.ByName.TryGetValue(field, out var known))
        {
            var value = known.Read(answers);
            return value.IsMissing ? string.Empty : value.ToString();
        }

        return field switch
        {
            "indicationOther" => answers.IndicationOther ?? string.Empty,
            "priorKetamineResponse" => answers.PriorKetamineResponse ?? string.Empty,
            "currentMedications" => answers.CurrentMedications ?? string.Empty,
            "vitals.measuredOn" => answers.Vitals.MeasuredOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
            _ => string.Empty,
        };
    }

    public static (PlanContent? Content, ValidationErrors Errors) ReadPlan(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new ValidationErrors();
        var mode = string.Equals(form["dose.mode"], "flat", StringComparison.Ordinal) ? DoseMode.Flat : DoseMode.PerKg;
        var route = Enum.TryParse<Route>(form["route"], ignoreCase: true, out var r) && Enum.IsDefined(r) ? r : (Route?)null;
        if (route is null)
        {
            errors.Add("route", "Choose a route.");
        }

        var indications = form["indications"].Select(v => Enum.TryParse<Indication>(v, ignoreCase: true, out var i) ? i : (Indication?)null).OfType<Indication>().ToList();
        var dose = new DoseSpec(
            mode,
            mode == DoseMode.PerKg ? Number(form, "dose.mgPerKg", errors) : null,
            mode == DoseMode.PerKg ? Number(form, "dose.roundingStepMg", errors) : null,
            mode == DoseMode.PerKg ? Number(form, "dose.maxMg", errors) : null,
            mode == DoseMode.Flat ? Number(form, "dose.flatMg", errors) : null);
        var content = new PlanContent
        {
            Indications = indications,
            Route = route ?? Route.IV,
            Dose = dose,
            InfusionMinutes = route == Route.IV ? (int?)Number(form, "infusionMinutes", errors) : null,
            SessionCount = (int)(Number(form, "sessionCount", errors) ?? 0),
            Frequency = form["frequency"].ToString(),
            CourseWeeks = (int?)Number(form, "courseWeeks", errors),
            Intention = form["intention"].ToString(),
            Measures = [.. form["measures"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        };
        return (content, errors);
    }

    private static decimal? Number(IFormCollection form, string name, ValidationErrors errors)
    {
        var text = form[name].ToString().Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value is > -1_000_000 and < 1_000_000)
        {
            return value;
        }

        errors.Add(name, "Enter a number.");
        return null;
    }

    private static void Set(JsonObject root, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        var node = root;
        foreach (var part in parts[..^1])
        {
            if (node[part] is not JsonObject child)
            {
                child = [];
                node[part] = child;
            }

            node = child;
        }

        node[parts[^1]] = value;
    }

    /// <summary>Merges parse errors with a use case's errors for display.</summary>
    public static IDictionary<string, string[]> Merge(ValidationErrors parse, ValidationErrors? outcome)
    {
        var all = parse.ToDictionary();
        foreach (var (key, messages) in outcome?.ToDictionary() ?? new Dictionary<string, string[]>(StringComparer.Ordinal))
        {
            all[key] = all.TryGetValue(key, out var existing) ? [.. existing, .. messages] : messages;
        }

        return all;
    }
}
