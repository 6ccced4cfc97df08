namespace Stillpoint.Data.Entities;

/// <summary>A clinical row: it belongs to one clinic, and every query is scoped to the caller's clinic.</summary>
public interface IClinicScoped
{
    Guid ClinicId { get; set; }
}

/// <summary>A clinical row about one patient: a patient account sees only rows with its own PatientId.</summary>
public interface IPatientOwned : IClinicScoped
{
    Guid PatientId { get; }
}

/// <summary>An editable record with optimistic concurrency: every save increments Version.</summary>
public interface IVersioned
{
    int Version { get; set; }
}
