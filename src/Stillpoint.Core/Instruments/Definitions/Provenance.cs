namespace Stillpoint.Core.Instruments.Definitions;

/// <summary>
/// Where a clinical number or rule comes from (a clinical-reference section) and whether the
/// reference marks it verified. Unverified values are clinic-configurable defaults that a UI
/// shows as "unverified — review", never fixed truths.
/// </summary>
public sealed record Provenance(string Source, bool IsVerified)
{
    /// <summary>The status text used in definitions and shown to clinic admins.</summary>
    public const string VerifiedStatus = "verified";

    /// <summary>The status text for values marked [U] in the clinical reference.</summary>
    public const string UnverifiedStatus = "unverified — review";

    public string Status => IsVerified ? VerifiedStatus : UnverifiedStatus;
}

/// <summary>A published number (an SD, a reliability, a cut-off) with its provenance.</summary>
public sealed record ReferenceValue(decimal Value, Provenance Provenance);
