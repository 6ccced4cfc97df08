using Stillpoint.Core.Patients;
using Stillpoint.Data.Entities;

namespace Stillpoint.Web.Patients;

/// <summary>A patient as the API shows it. Never the entity itself.</summary>
public sealed record PatientDto(
    Guid Id,
    string Mrn,
    string GivenName,
    string FamilyName,
    DateOnly DateOfBirth,
    Sex Sex,
    string? Email,
    string? Phone,
    decimal? WeightKg,
    DateOnly? WeightMeasuredOn,
    bool HasPortalLogin,
    int Version)
{
    public static PatientDto From(Patient p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Id, p.Mrn, p.GivenName, p.FamilyName, p.DateOfBirth, p.Sex, p.Email, p.Phone, p.WeightKg, p.WeightMeasuredOn, p.UserId is not null, p.Version);
    }
}

/// <summary>Body of PUT: the fields plus the version the editor started from.</summary>
public sealed record PatientUpdate(
    string? Mrn,
    string? GivenName,
    string? FamilyName,
    DateOnly? DateOfBirth,
    Sex? Sex,
    string? Email,
    string? Phone,
    decimal? WeightKg,
    DateOnly? WeightMeasuredOn,
    int? Version)
{
    public PatientInput ToInput() => new(Mrn, GivenName, FamilyName, DateOfBirth, Sex, Email, Phone, WeightKg, WeightMeasuredOn);
}

public sealed record PatientPage(IReadOnlyList<PatientDto> Items, int Page, int PageSize, int Total);

/// <summary>Body of the portal-login link request.</summary>
public sealed record PortalLoginRequest(string? Email, string? Password);
