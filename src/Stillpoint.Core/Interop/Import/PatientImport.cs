using Stillpoint.Core.Interop.Fhir;
using Stillpoint.Core.Patients;

namespace Stillpoint.Core.Interop.Import;

/// <summary>A FHIR Patient → our patient, with the same rules as registering one by hand.</summary>
internal static class PatientImport
{
    private static readonly Dictionary<string, string> ElementOf = new(StringComparer.Ordinal)
    {
        ["mrn"] = "identifier (MRN)",
        ["givenName"] = "name.given",
        ["familyName"] = "name.family",
        ["dateOfBirth"] = "birthDate",
        ["sex"] = "gender",
        ["email"] = "telecom (email)",
        ["phone"] = "telecom (phone)",
    };

    public static void Check(RawEntry entry, FhirPatient patient, List<string> reasons, HashSet<string> mrns, DateTimeOffset now, ImportPlan plan)
    {
        var name = patient.Name is [var first, ..] ? first : null;
        var birthText = patient.BirthDate;
        DateOnly? birth = FhirDates.TryParseDate(birthText, out var parsed) ? parsed : null;
        if (birthText is not null && birth is null)
        {
            reasons.Add("birthDate must be a full date (YYYY-MM-DD)");
        }

        var sex = FhirValueMaps.SexOf(patient.Gender);
        if (patient.Gender is not null && sex is null)
        {
            reasons.Add($"gender '{patient.Gender}' is not one of male, female, other, unknown");
        }

        var input = new PatientInput(
            Mrn(patient)?.Trim(), name?.Given is [var given, ..] ? given : null, name?.Family, birth, sex,
            Telecom(patient, "email"), Telecom(patient, "phone"), WeightKg: null, WeightMeasuredOn: null);
        foreach (var (field, messages) in input.Validate(DateOnly.FromDateTime(now.UtcDateTime)).ToDictionary())
        {
            reasons.AddRange(messages.Select(m => $"{ElementOf.GetValueOrDefault(field, field)}: {m}"));
        }

        if (input.Mrn is { Length: > 0 } mrn && !mrns.Add(mrn))
        {
            reasons.Add($"MRN '{mrn}' appears on another Patient in this bundle");
        }

        if (reasons.Count == 0)
        {
            plan.Patients.Add(new ImportedPatient(entry.Index, input.Mrn!, input.GivenName!.Trim(), input.FamilyName!.Trim(), birth!.Value, sex!.Value, input.Email, input.Phone));
        }
    }

    /// <summary>The identifier typed MR, else the one in our MRN system, else the only identifier.</summary>
    private static string? Mrn(FhirPatient patient)
    {
        var identifiers = patient.Identifier ?? [];
        var chosen = identifiers.FirstOrDefault(i => i.Type?.Has(FhirCodes.IdentifierType, "MR") == true)
            ?? identifiers.FirstOrDefault(i => string.Equals(i.System, FhirCodes.MrnSystem, StringComparison.Ordinal))
            ?? (identifiers.Count == 1 ? identifiers[0] : null);
        return chosen?.Value;
    }

    private static string? Telecom(FhirPatient patient, string system) =>
        patient.Telecom?.FirstOrDefault(t => string.Equals(t.System, system, StringComparison.Ordinal))?.Value;
}
