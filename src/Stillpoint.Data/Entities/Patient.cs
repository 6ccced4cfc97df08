using Stillpoint.Core.Patients;

namespace Stillpoint.Data.Entities;

public sealed class Patient : IPatientOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ClinicId { get; set; }

    Guid IPatientOwned.PatientId => Id;

    public required string Mrn { get; set; }

    public required string GivenName { get; set; }

    public required string FamilyName { get; set; }

    /// <summary>Upper-case "given family mrn" for case-insensitive search on every provider.</summary>
    public string SearchText { get; set; } = string.Empty;

    public DateOnly DateOfBirth { get; set; }

    public Sex Sex { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public decimal? WeightKg { get; set; }

    public DateOnly? WeightMeasuredOn { get; set; }

    /// <summary>The portal login linked to this patient, if any.</summary>
    public Guid? UserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; }

    public void Apply(PatientInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Mrn = input.Mrn!.Trim();
        GivenName = input.GivenName!.Trim();
        FamilyName = input.FamilyName!.Trim();
        DateOfBirth = input.DateOfBirth!.Value;
        Sex = input.Sex!.Value;
        Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
        Phone = string.IsNullOrWhiteSpace(input.Phone) ? null : input.Phone.Trim();
        WeightKg = input.WeightKg;
        WeightMeasuredOn = input.WeightMeasuredOn;
        SearchText = $"{GivenName} {FamilyName} {Mrn}".ToUpperInvariant();
    }
}
