namespace Stillpoint.Data.Access;

/// <summary>
/// Who is asking. The DbContext scopes every clinical query by it and stamps the audit trail with it.
/// An unauthenticated caller has no clinic and therefore sees no clinical rows (fail closed).
/// </summary>
public interface ICallerContext
{
    /// <summary>True only for trusted operator tools (CLI, start-up seeding): no clinic filter.</summary>
    bool IsSystem { get; }

    Guid? ClinicId { get; }

    /// <summary>Set for a Patient account: it sees only rows about this patient.</summary>
    Guid? PatientId { get; }

    Guid? UserId { get; }

    string? Role { get; }

    string? RequestId { get; }
}

/// <summary>The caller used by the CLI and start-up tasks.</summary>
public sealed class SystemCaller : ICallerContext
{
    public static readonly SystemCaller Instance = new();

    public bool IsSystem => true;

    public Guid? ClinicId => null;

    public Guid? PatientId => null;

    public Guid? UserId => null;

    public string? Role => "system";

    public string? RequestId => null;
}
