namespace Stillpoint.Core.Audit;

/// <summary>The audited facts of one access to clinical data. Ids only: never clinical values.</summary>
public sealed record AuditRecord(
    long Sequence,
    DateTimeOffset At,
    Guid? ClinicId,
    Guid? UserId,
    string? Role,
    string Action,
    string EntityType,
    string? EntityId,
    Guid? PatientId,
    string? RequestId,
    string? Details);
