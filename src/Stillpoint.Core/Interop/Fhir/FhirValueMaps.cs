using Stillpoint.Core.Patients;
using Stillpoint.Core.Sessions;

namespace Stillpoint.Core.Interop.Fhir;

/// <summary>Our values ↔ FHIR value sets, both directions in one place.</summary>
public static class FhirValueMaps
{
    public static string Gender(Sex sex) => sex switch
    {
        Patients.Sex.Female => "female",
        Patients.Sex.Male => "male",
        Patients.Sex.Intersex => "other",
        Patients.Sex.Unknown => "unknown",
        _ => "unknown",
    };

    public static Sex? SexOf(string? gender) => gender switch
    {
        "female" => Patients.Sex.Female,
        "male" => Patients.Sex.Male,
        "other" => Patients.Sex.Intersex,
        "unknown" => Patients.Sex.Unknown,
        _ => null,
    };

    /// <summary>Encounter.status of a session phase (an unknown phase text is exported as "unknown").</summary>
    public static string EncounterStatus(string phase) => Enum.TryParse<SessionPhase>(phase, out var parsed) ? parsed switch
    {
        SessionPhase.Scheduled => "planned",
        SessionPhase.CheckedIn => "arrived",
        SessionPhase.Preparation or SessionPhase.Dosing or SessionPhase.Integration => "in-progress",
        SessionPhase.Discharged => "finished",
        SessionPhase.Aborted => "cancelled",
        _ => "unknown",
    } : "unknown";

    /// <summary>The phase an imported session gets; null for statuses that cannot be migrated (a session still running).</summary>
    public static SessionPhase? ImportedPhase(string? status) => status switch
    {
        "planned" => SessionPhase.Scheduled,
        "finished" => SessionPhase.Discharged,
        "cancelled" => SessionPhase.Aborted,
        _ => null,
    };
}
