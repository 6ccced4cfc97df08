using System.Globalization;
using Stillpoint.Core.Common;
using Stillpoint.Data.Connectivity;

namespace Stillpoint.Web.Connectivity.Pages;

/// <summary>The pipeline fields shared by the scan and control-set forms (text, parsed on submit).</summary>
public class PipelineForm
{
    public string? RepetitionTimeSeconds { get; set; } = "2";

    public string? Pipeline { get; set; } = ConnectivityService.BandPass;

    public string? BandLowHz { get; set; }

    public string? BandHighHz { get; set; }

    public string? DropColumns { get; set; }

    public string? LabelSetId { get; set; }

    /// <summary>Holds the messages about the uploaded file(s); not a posted field.</summary>
    public string? SeriesText { get; set; }

    internal (double? Tr, double? Low, double? High, int[]? Drop, Guid? LabelSet) ParsePipeline(ValidationErrors errors) =>
        (Number(RepetitionTimeSeconds, "repetitionTimeSeconds", errors),
         Number(BandLowHz, "bandLowHz", errors),
         Number(BandHighHz, "bandHighHz", errors),
         Columns(DropColumns, errors),
         Guid.TryParse(LabelSetId, out var id) ? id : null);

    internal static double? Number(string? text, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(field, "Enter a number, e.g. 2 or 0.01.");
        return null;
    }

    private static int[]? Columns(string? text, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var columns = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out columns[i]))
            {
                errors.Add("dropColumns", "Enter 0-based column numbers separated by commas, e.g. 82 or 3,82.");
                return null;
            }
        }

        return columns;
    }
}

public sealed class ScanForm : PipelineForm
{
    public string? TimePoint { get; set; } = nameof(ScanTimePoint.Baseline);

    public string? SessionNumber { get; set; }

    public string? ScannedOn { get; set; }

    internal (ScanUpload Upload, ValidationErrors Errors) ToUpload(string? fileName, string? text)
    {
        var errors = new ValidationErrors();
        var (tr, low, high, drop, labelSet) = ParsePipeline(errors);
        ScanTimePoint? timePoint = Enum.TryParse<ScanTimePoint>(TimePoint, out var parsed) ? parsed : null;
        int? session = null;
        if (!string.IsNullOrWhiteSpace(SessionNumber))
        {
            if (int.TryParse(SessionNumber.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var s))
            {
                session = s;
            }
            else
            {
                errors.Add("sessionNumber", "Enter a whole number.");
            }
        }

        DateOnly? on = null;
        if (!string.IsNullOrWhiteSpace(ScannedOn))
        {
            if (DateOnly.TryParseExact(ScannedOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                on = d;
            }
            else
            {
                errors.Add("scannedOn", "Enter a date as YYYY-MM-DD.");
            }
        }

        return (new ScanUpload(timePoint, session, on, tr, Pipeline, low, high, drop, labelSet, fileName, text), errors);
    }
}

public sealed class ControlSetForm : PipelineForm
{
    public string? Name { get; set; }

    internal (ControlSetUpload Upload, ValidationErrors Errors) ToUpload(IReadOnlyList<ControlSeriesFile> files)
    {
        var errors = new ValidationErrors();
        var (tr, low, high, drop, labelSet) = ParsePipeline(errors);
        return (new ControlSetUpload(Name, tr, Pipeline, low, high, drop, labelSet, files), errors);
    }
}

public sealed class LabelSetForm
{
    public string? Name { get; set; }

    /// <summary>Holds the messages about the uploaded file; not a posted field.</summary>
    public string? LabelsCsv { get; set; }
}

/// <summary>Number formatting for the connectivity pages: three decimals, a dash for "not available".</summary>
internal static class Figure
{
    public static string Z(double? value) => value?.ToString("0.000", CultureInfo.InvariantCulture) ?? "—";

    public static string Signed(double? value) => value?.ToString("+0.000;−0.000;0.000", CultureInfo.InvariantCulture) ?? "—";

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static async Task<string> ReadTextAsync(Microsoft.AspNetCore.Http.IFormFile file, CancellationToken ct)
    {
        using var reader = new StreamReader(file.OpenReadStream());
        return await reader.ReadToEndAsync(ct);
    }

    /// <summary>Moves a "series[i].seriesText" style key onto the form's file field.</summary>
    public static ValidationErrors OntoForm(ValidationErrors errors, string fileField)
    {
        var mapped = new ValidationErrors();
        foreach (var (field, messages) in errors.ToDictionary())
        {
            foreach (var message in messages)
            {
                mapped.Add(field.StartsWith("series", StringComparison.Ordinal) ? fileField : field, message);
            }
        }

        return mapped;
    }
}
