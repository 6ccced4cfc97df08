using System.Globalization;
using Stillpoint.Core.Common;
using Stillpoint.Core.Patients;

namespace Stillpoint.Web.Patients;

/// <summary>What the patient form posts: raw text, so every parse problem can be shown beside its field.</summary>
public sealed class PatientForm
{
    public string? Mrn { get; set; }
    public string? GivenName { get; set; }
    public string? FamilyName { get; set; }
    public string? DateOfBirth { get; set; }
    public string? Sex { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? WeightKg { get; set; }
    public string? WeightMeasuredOn { get; set; }
    public string? Version { get; set; }

    public static PatientForm From(PatientDto p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new()
        {
            Mrn = p.Mrn,
            GivenName = p.GivenName,
            FamilyName = p.FamilyName,
            DateOfBirth = p.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Sex = p.Sex.ToString(),
            Email = p.Email,
            Phone = p.Phone,
            WeightKg = p.WeightKg?.ToString(CultureInfo.InvariantCulture),
            WeightMeasuredOn = p.WeightMeasuredOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Version = p.Version.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Parses the text fields; problems are reported with the API's field names.</summary>
    public (PatientInput Input, ValidationErrors ParseErrors) ToInput()
    {
        var errors = new ValidationErrors();
        var input = new PatientInput(
            Mrn,
            GivenName,
            FamilyName,
            ParseDate(DateOfBirth, "dateOfBirth", errors),
            Enum.TryParse<Sex>(Sex, ignoreCase: true, out var sex) && Enum.IsDefined(sex) ? sex : null,
            Email,
            Phone,
            ParseWeight(errors),
            ParseDate(WeightMeasuredOn, "weightMeasuredOn", errors));
        return (input, errors);
    }

    public int? ParsedVersion => int.TryParse(Version, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;

    private decimal? ParseWeight(ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(WeightKg))
        {
            return null;
        }

        if (decimal.TryParse(WeightKg.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var kg))
        {
            return kg;
        }

        errors.Add("weightKg", "Enter the weight in kilograms, e.g. 72.5.");
        return null;
    }

    private static DateOnly? ParseDate(string? text, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(field, "Enter a date as YYYY-MM-DD.");
        return null;
    }
}
