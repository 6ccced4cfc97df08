using Stillpoint.Core.Eligibility;
using Stillpoint.Core.Plans;
using Stillpoint.Data.Assessment;

namespace Stillpoint.Web.Assessment;

/// <summary>Body of POST intake: the full answers, the revision the editor started from (null for the first), why.</summary>
public sealed record IntakeRequest(IntakeAnswers? Answers, int? BasedOnRevision, string? Reason);

public sealed record IntakeRevisionDto(Guid Id, int Number, IntakeAnswers Answers, string? Reason, string RecordedByName, DateTimeOffset RecordedAt);

public sealed record IntakeRevisionSummary(Guid Id, int Number, string? Reason, string RecordedByName, DateTimeOffset RecordedAt);

public sealed record IntakeView(IntakeRevisionDto? Latest, IReadOnlyList<IntakeRevisionSummary> Revisions);

/// <summary>Body of the sign-off: which intake revision, "eligible" or "notEligible", a justification per caution rule id.</summary>
public sealed record SignOffRequest(Guid? IntakeRevisionId, string? Decision, IReadOnlyDictionary<string, string>? Justifications, string? Note);

public sealed record SignOffDto(
    Guid Id,
    Guid IntakeRevisionId,
    int IntakeRevisionNumber,
    string RuleSetVersion,
    string ComputedStatus,
    bool Eligible,
    IReadOnlyDictionary<string, string> Justifications,
    string? Note,
    string SignedByName,
    DateTimeOffset SignedAt,
    bool Current);

/// <summary>The eligibility decision for the latest intake, with every reason, and the latest signature.</summary>
public sealed record EligibilityView(
    Guid? IntakeRevisionId,
    int? IntakeRevisionNumber,
    string RuleSetVersion,
    EligibilityEvaluation? Evaluation,
    EligibilityState State,
    SignOffDto? LatestSignOff,
    IReadOnlyList<string> BaselineFromResponses);

public sealed record ConsentDocumentRequest(string? Title, string? Content);

public sealed record ConsentDocumentDto(Guid Id, int Number, string Title, string Content, string ContentHash, DateTimeOffset CreatedAt);

/// <summary>Body of a signature: the document version, the typed name, and optionally the hash the signer saw.</summary>
public sealed record ConsentSignRequest(Guid? DocumentId, string? TypedName, string? ContentHash);

public sealed record ConsentWithdrawRequest(string? Reason, int? Version);

public sealed record ConsentSignatureDto(
    Guid Id,
    Guid DocumentId,
    int DocumentNumber,
    string ContentHash,
    string TypedName,
    ConsentMethod Method,
    DateTimeOffset SignedAt,
    DateTimeOffset? WithdrawnAt,
    string? WithdrawalReason,
    int Version);

public sealed record ConsentView(ConsentState State, IReadOnlyList<ConsentSignatureDto> Signatures, ConsentDocumentDto? CurrentDocument);

/// <summary>Body of plan create/revise. Version is required to revise (stale → 409); reason is required to revise.</summary>
public sealed record PlanRequest(PlanContent? Content, string? Reason, int? Version);

public sealed record PlanTransitionRequest(PlanStatus? Status, string? Reason, int? Version);

public sealed record PlanRevisionDto(Guid Id, int Number, string Change, PlanStatus Status, string Reason, string ChangedByName, DateTimeOffset ChangedAt, PlanContent Content);

/// <summary>
/// A plan with its current content, the dose computed from the latest weight (or why not), and its history.
/// A dosing session records <see cref="CurrentRevisionId"/> and the weight used, so its dose is reproducible.
/// </summary>
public sealed record PlanDto(
    Guid Id,
    PlanStatus Status,
    int RevisionNumber,
    PlanContent Content,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ActivatedAt,
    DateTimeOffset? EndedAt,
    string? EndReason,
    DoseResult? Dose,
    string? DoseProblem,
    decimal? WeightKg,
    DateOnly? WeightMeasuredOn,
    IReadOnlyList<PlanRevisionDto> Revisions,
    Guid CurrentRevisionId);

public sealed record RuleSetDto(string Version, string Name, bool IsShippedDefault, string Json, IReadOnlyList<RuleParameter> Parameters, IReadOnlyList<RuleSummary> Rules);

public sealed record RuleSummary(string Id, RuleOutcome Outcome, string Explanation, string Source, bool Unverified);

public sealed record RuleSetRequest(string? Json, string? Note);

/// <summary>Everything the patient page shows at a glance.</summary>
public sealed record AssessmentSummary(IntakeRevisionDto? Intake, EligibilityView Eligibility, ConsentView Consent, PlanDto? ActivePlan, GateResult Gate);
