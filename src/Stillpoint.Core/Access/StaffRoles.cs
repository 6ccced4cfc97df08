namespace Stillpoint.Core.Access;

/// <summary>The roles an account can hold. One role per account keeps every decision explainable.</summary>
public static class Roles
{
    public const string ClinicAdmin = nameof(ClinicAdmin);
    public const string Prescriber = nameof(Prescriber);
    public const string Nurse = nameof(Nurse);
    public const string Therapist = nameof(Therapist);
    public const string Patient = nameof(Patient);

    public static readonly IReadOnlyList<string> All = [ClinicAdmin, Prescriber, Nurse, Therapist, Patient];

    public static readonly IReadOnlyList<string> Staff = [ClinicAdmin, Prescriber, Nurse, Therapist];

    /// <summary>Returns the canonical spelling of a role name given in any case, or null when unknown.</summary>
    public static string? Normalize(string? role) =>
        All.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase));
}
