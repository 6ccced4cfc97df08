using Stillpoint.Core.Common;

namespace Stillpoint.Core.Patients;

public enum Sex
{
    Female,
    Male,
    Intersex,
    Unknown,
}

/// <summary>What staff enter to register or edit a patient, before it is trusted.</summary>
public sealed record PatientInput(
    string? Mrn,
    string? GivenName,
    string? FamilyName,
    DateOnly? DateOfBirth,
    Sex? Sex,
    string? Email,
    string? Phone,
    decimal? WeightKg,
    DateOnly? WeightMeasuredOn)
{
    public const int MaxNameLength = 100;
    public const int MaxMrnLength = 32;

    // Plausibility limits for an adult or adolescent patient's weight; outside them the entry is a typo.
    public const decimal MinWeightKg = 20m;
    public const decimal MaxWeightKg = 350m;

    /// <summary>Checks every field against today's date and returns all problems at once.</summary>
    public ValidationErrors Validate(DateOnly today)
    {
        var errors = new ValidationErrors();
        RequireText(errors, "mrn", Mrn, MaxMrnLength);
        RequireText(errors, "givenName", GivenName, MaxNameLength);
        RequireText(errors, "familyName", FamilyName, MaxNameLength);
        ValidateDateOfBirth(errors, today);
        if (Sex is null)
        {
            errors.Add("sex", "Sex is required (female, male, intersex or unknown).");
        }

        ValidateContact(errors);
        ValidateWeight(errors, today);
        return errors;
    }

    private static void RequireText(ValidationErrors errors, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "This field is required.");
        }
        else if (value.Trim().Length > maxLength)
        {
            errors.Add(field, $"At most {maxLength} characters.");
        }
    }

    private void ValidateDateOfBirth(ValidationErrors errors, DateOnly today)
    {
        if (DateOfBirth is not { } dob)
        {
            errors.Add("dateOfBirth", "Date of birth is required.");
        }
        else if (dob > today)
        {
            errors.Add("dateOfBirth", "Date of birth cannot be in the future.");
        }
        else if (dob < today.AddYears(-120))
        {
            errors.Add("dateOfBirth", "Date of birth is more than 120 years ago.");
        }
    }

    private void ValidateContact(ValidationErrors errors)
    {
        if (Email is { Length: > 0 } email && (email.Length > 254 || !email.Contains('@', StringComparison.Ordinal) || !string.Equals(email.Trim(), email, StringComparison.Ordinal)))
        {
            errors.Add("email", "Not a valid email address.");
        }

        if (Phone is { Length: > 0 } phone && (phone.Length > 32 || !phone.All(c => char.IsDigit(c) || c is ' ' or '+' or '-' or '(' or ')')))
        {
            errors.Add("phone", "A phone number has digits, spaces and + - ( ) only, at most 32 characters.");
        }
    }

    private void ValidateWeight(ValidationErrors errors, DateOnly today)
    {
        if (WeightKg is { } kg && (kg < MinWeightKg || kg > MaxWeightKg))
        {
            errors.Add("weightKg", $"Weight must be between {MinWeightKg} and {MaxWeightKg} kg.");
        }

        if (WeightKg is not null && WeightMeasuredOn is null)
        {
            errors.Add("weightMeasuredOn", "Give the date the weight was measured: dosing depends on how recent it is.");
        }

        if (WeightKg is null && WeightMeasuredOn is not null)
        {
            errors.Add("weightKg", "A measurement date was given without a weight.");
        }

        if (WeightMeasuredOn is { } measured && measured > today)
        {
            errors.Add("weightMeasuredOn", "The measurement date cannot be in the future.");
        }
    }
}
