using Microsoft.AspNetCore.Authorization;
using Stillpoint.Core.Access;

namespace Stillpoint.Web.Auth;

/// <summary>Every authorization policy, declared once. Endpoints and pages name one of these.</summary>
internal static class Policies
{
    /// <summary>Any staff member of the clinic.</summary>
    public const string Staff = nameof(Staff);

    /// <summary>Staff who register and edit patient records.</summary>
    public const string PatientEditors = nameof(PatientEditors);

    /// <summary>Staff, or a patient reading its own records (the data filter does the "own").</summary>
    public const string StaffOrPatient = nameof(StaffOrPatient);

    public const string ClinicAdmin = nameof(ClinicAdmin);

    /// <summary>Staff who add research data (connectivity scans, control and label sets) and export research figures.</summary>
    public const string ResearchEditors = nameof(ResearchEditors);

    /// <summary>Clinical staff who run dosing sessions and the controlled-substance ledger.</summary>
    public const string SessionRecorders = nameof(SessionRecorders);

    /// <summary>Clinical staff who may write observations and notes on a session (therapists too).</summary>
    public const string SessionNoteTakers = nameof(SessionNoteTakers);

    /// <summary>Only prescribers: eligibility sign-off and treatment plans.</summary>
    public const string Prescribers = nameof(Prescribers);

    /// <summary>Who may record a consent signature or its withdrawal: the patient in the portal, or staff recording paper.</summary>
    public const string ConsentSigners = nameof(ConsentSigners);

    /// <summary>Only a patient account, acting on its own records (the portal).</summary>
    public const string PatientSelf = nameof(PatientSelf);

    /// <summary>Therapists and prescribers: integration notes.</summary>
    public const string IntegrationNoteWriters = nameof(IntegrationNoteWriters);

    /// <summary>Who may download identified and research exports (FHIR, CSV): clinic admins and prescribers.</summary>
    public const string DataExporters = nameof(DataExporters);

    public static readonly IReadOnlyDictionary<string, string[]> RolesByPolicy = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [Staff] = [.. Roles.Staff],
        [PatientEditors] = [Roles.ClinicAdmin, Roles.Prescriber, Roles.Nurse],
        [StaffOrPatient] = [.. Roles.All],
        [ClinicAdmin] = [Roles.ClinicAdmin],
        [ResearchEditors] = [Roles.ClinicAdmin, Roles.Prescriber],
        [SessionRecorders] = [Roles.Prescriber, Roles.Nurse],
        [SessionNoteTakers] = [Roles.Prescriber, Roles.Nurse, Roles.Therapist],
        [Prescribers] = [Roles.Prescriber],
        [ConsentSigners] = [Roles.ClinicAdmin, Roles.Prescriber, Roles.Nurse, Roles.Patient],
        [PatientSelf] = [Roles.Patient],
        [IntegrationNoteWriters] = [Roles.Therapist, Roles.Prescriber],
        [DataExporters] = [Roles.ClinicAdmin, Roles.Prescriber],
    };

    public static void Configure(AuthorizationOptions options)
    {
        foreach (var (name, roles) in RolesByPolicy)
        {
            options.AddPolicy(name, p => p.RequireAuthenticatedUser().RequireRole(roles));
        }

        // Anything not explicitly opened (login, health, static files) needs a signed-in user.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}
