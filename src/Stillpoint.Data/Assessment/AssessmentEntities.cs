using Stillpoint.Core.Plans;
using Stillpoint.Data.Entities;

namespace Stillpoint.Data.Assessment;

/// <summary>One revision of a patient's intake. Immutable: a change adds the next revision; every one is kept.</summary>
public sealed class IntakeRevision : IPatientOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ClinicId { get; set; }

    public Guid PatientId { get; set; }

    /// <summary>1, 2, 3 … per patient (unique): two editors starting from the same revision cannot both save.</summary>
    public int Number { get; set; }

    /// <summary>The answers (Core IntakeAnswers) as JSON, see <see cref="AssessmentJson"/>.</summary>
    public required string AnswersJson { get; set; }

    public string? Reason { get; set; }

    public Guid? RecordedBy { get; set; }

    public required string RecordedByName { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A clinic's edited eligibility rule set. Immutable; the highest number is in force (none = the shipped default).</summary>
public sealed class EligibilityRuleSetVersion : IClinicScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ClinicId { get; set; }

    public int Number { get; set; }

    public required string Name { get; set; }

    public required string Json { get; set; }

    public string? Note { get; set; }

    public Guid? CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>How a sign-off names the rule set it was made under, e.g. "clinic-3".</summary>
    public string Label => $"clinic-{Number}";
}

/// <summary>
/// A prescriber's signed eligibility decision for one exact intake revision under one rule-set version.
/// Immutable. It is out of date as soon as a later intake revision exists.
/// </summary>
public sealed class EligibilitySignOff : IPatientOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ClinicId { get; set; }

    public Guid PatientId { get; set; }

    public Guid IntakeRevisionId { get; set; }

    public int IntakeRevisionNumber { get; set; }

    /// <summary>"default-1" (shipped) or "clinic-N".</summary>
    public required string RuleSetVersion { get; set; }

    /// <summary>What the rules said (Core EligibilityStatus).</summary>
    public required string ComputedStatus { get; set; }

    public bool Eligible { get; set; }

    /// <summary>The evaluation as signed (findings and missing inputs), JSON.</summary>
    public required string EvaluationJson { get; set; }

    /// <summary>Rule id → the prescriber's written justification for each caution, JSON.</summary>
    public required string JustificationsJson { get; set; }

    public string? Note { get; set; }

    public Guid SignedBy { get; set; }

    public required string SignedByName { get; set; }

    public DateTimeOffset SignedAt { get; set; }
}

/// <summary>One version of the clinic's consent document. Immutable; a change is a new version with its own hash.</summary>
public sealed class ConsentDocument : IClinicScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ClinicId { get; set; }

    public int Number { get; set; }

    public required string Title { get; set; }

    public required string Content { get; set; }

    /// <summary>SHA-256 of the UTF-8 content, lower-case hex.</summary>
    public required string ContentHash { get; set; }

    public Guid? CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public enum ConsentMethod
{
    /// <summary>The patient signed in the portal.</summary>
    Portal,

    /// <summary>Staff recorded a signature on paper.</summary>
    Paper,
}

/// <summary>A patient's signature of one consent document version. Only withdrawal changes it.</summary>
public sealed class ConsentSignature : IPatientOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ClinicId { get; set; }

    public Guid PatientId { get; set; }

    public Guid DocumentId { get; set; }

    public int DocumentNumber { get; set; }

    public required string ContentHash { get; set; }

    public required string TypedName { get; set; }

    public ConsentMethod Method { get; set; }

    public Guid? RecordedBy { get; set; }

    public DateTimeOffset SignedAt { get; set; }

    public DateTimeOffset? WithdrawnAt { get; set; }

    public Guid? WithdrawnBy { get; set; }

    public string? WithdrawalReason { get; set; }

    public int Version { get; set; }
}

/// <summary>A treatment plan. The current content is the latest revision's; every change adds a revision.</summary>
public sealed class TreatmentPlan : IPatientOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ClinicId { get; set; }

    public Guid PatientId { get; set; }

    public PlanStatus Status { get; set; }

    public int RevisionNumber { get; set; }

    /// <summary>The current content (Core PlanContent) as JSON; the same as the latest revision's.</summary>
    public required string ContentJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? ActivatedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public string? EndReason { get; set; }

    public int Version { get; set; }
}

/// <summary>One change to a plan: who, when, why, and the content and status after it. Immutable.</summary>
public sealed class TreatmentPlanRevision : IPatientOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ClinicId { get; set; }

    public Guid PatientId { get; set; }

    public Guid PlanId { get; set; }

    public int Number { get; set; }

    /// <summary>created, revised, activated, completed, stopped.</summary>
    public required string Change { get; set; }

    public PlanStatus Status { get; set; }

    public required string ContentJson { get; set; }

    public required string Reason { get; set; }

    public Guid? ChangedBy { get; set; }

    public required string ChangedByName { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}
