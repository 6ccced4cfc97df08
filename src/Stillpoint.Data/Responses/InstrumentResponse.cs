using Stillpoint.Data.Entities;

namespace Stillpoint.Data.Responses;

/// <summary>
/// One stored answer set of an instrument for a patient, with the score computed when it was stored
/// (so lists do not rescore). Immutable: never updated or deleted; a correction, or the completion of a
/// draft, is a new row whose <see cref="SupersedesId"/> names this one, and both are kept.
/// </summary>
public sealed class InstrumentResponse : IPatientOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ClinicId { get; set; }

    public Guid PatientId { get; set; }

    public required string InstrumentId { get; set; }

    /// <summary>The definition version the answers were scored with.</summary>
    public required string InstrumentVersion { get; set; }

    /// <summary>Raw answers in item order as a compact JSON array, null = not answered, e.g. <c>[0,1,null,3]</c>.</summary>
    public required string Answers { get; set; }

    /// <summary>When the questionnaire was answered (UTC).</summary>
    public DateTimeOffset AnsweredAt { get; set; }

    /// <summary>When the row was stored (UTC).</summary>
    public DateTimeOffset RecordedAt { get; set; }

    public Guid? EnteredByUserId { get; set; }

    /// <summary><see cref="ResponseValues.EnteredByPatient"/> or <see cref="ResponseValues.EnteredByStaff"/>.</summary>
    public required string EnteredBy { get; set; }

    /// <summary>One of <see cref="ResponseValues.Contexts"/>.</summary>
    public required string Context { get; set; }

    /// <summary>The dosing session this belongs to (no foreign key yet: sessions come later).</summary>
    public Guid? DosingSessionId { get; set; }

    /// <summary><see cref="ResponseValues.Draft"/> or <see cref="ResponseValues.Complete"/>.</summary>
    public required string Status { get; set; }

    /// <summary>The total; null for drafts, incomplete answers and instruments without a total.</summary>
    public decimal? Total { get; set; }

    /// <summary>Severity band or risk level (published name, lower case); null when none.</summary>
    public string? Severity { get; set; }

    /// <summary>Raised flag names as a JSON array, e.g. <c>["suicidal-ideation"]</c>; also kept for drafts.</summary>
    public required string Flags { get; set; }

    /// <summary>Subscale scores as a JSON object, e.g. <c>{"brooding":12}</c>.</summary>
    public required string Subscales { get; set; }

    /// <summary>True only for a complete response whose instrument rule yields a result.</summary>
    public bool IsComplete { get; set; }

    public bool IsProrated { get; set; }

    /// <summary>How the score was reached, as a JSON array of sentences.</summary>
    public required string Explanation { get; set; }

    /// <summary>The response this one corrects or completes; that one is then "superseded".</summary>
    public Guid? SupersedesId { get; set; }

    public string? CorrectionReason { get; set; }
}

/// <summary>The stored text values of a response's fields.</summary>
public static class ResponseValues
{
    public const string Draft = "draft";
    public const string Complete = "complete";
    public const string EnteredByPatient = "patient";
    public const string EnteredByStaff = "staff";

    /// <summary>When in the course of care the questionnaire was answered.</summary>
    public static readonly IReadOnlyList<string> Contexts = ["baseline", "pre-dose", "post-dose", "follow-up"];

    public const int MaxReasonLength = 500;
}
