namespace Stillpoint.Core.Interop.Csv;

/// <summary>How patients, row ids and times appear in the CSV files: as stored (clinic export) or de-identified (research).</summary>
public interface IExportIdentity
{
    /// <summary>The columns of patients.csv.</summary>
    IReadOnlyList<string> PatientHeader { get; }

    object?[] PatientFields(ExportPatient patient);

    string PatientId(ExportPatient patient);

    /// <summary>The id written for a response or session row.</summary>
    string RowId(Guid id);

    /// <summary>A time about <paramref name="patient"/> as written.</summary>
    DateTimeOffset Time(ExportPatient patient, DateTimeOffset value);
}

/// <summary>The clinic's own export: real ids, names, MRN and times.</summary>
public sealed class IdentifiedExport : IExportIdentity
{
    public static readonly IdentifiedExport Instance = new();

    public IReadOnlyList<string> PatientHeader { get; } = ["patient_id", "mrn", "given_name", "family_name", "birth_date", "sex"];

    public object?[] PatientFields(ExportPatient patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        return [PatientId(patient), patient.Mrn, patient.GivenName, patient.FamilyName, patient.DateOfBirth, patient.Sex.ToString().ToLowerInvariant()];
    }

    public string PatientId(ExportPatient patient) => patient.Id.ToString("D");

    public string RowId(Guid id) => id.ToString("D");

    public DateTimeOffset Time(ExportPatient patient, DateTimeOffset value) => value;
}
