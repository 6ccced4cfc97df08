using Stillpoint.Core.Audit;

namespace Stillpoint.Data.Entities;

/// <summary>One link of the append-only, hash-chained audit trail.</summary>
public sealed class AuditEntry
{
    /// <summary>Position in the chain, 1-based, without gaps.</summary>
    public long Sequence { get; set; }

    public DateTimeOffset At { get; set; }

    public Guid? ClinicId { get; set; }

    public Guid? UserId { get; set; }

    public string? Role { get; set; }

    public required string Action { get; set; }

    public required string EntityType { get; set; }

    public string? EntityId { get; set; }

    public Guid? PatientId { get; set; }

    public string? RequestId { get; set; }

    /// <summary>Non-clinical detail, e.g. the names of changed fields (never their values).</summary>
    public string? Details { get; set; }

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }

    public AuditRecord ToRecord() =>
        new(Sequence, At, ClinicId, UserId, Role, Action, EntityType, EntityId, PatientId, RequestId, Details);
}

/// <summary>The single row that names the newest entry, so deleting the tail of the chain is detectable too.</summary>
public sealed class AuditHead
{
    public int Id { get; set; }

    public long Sequence { get; set; }

    public required string Hash { get; set; }
}
