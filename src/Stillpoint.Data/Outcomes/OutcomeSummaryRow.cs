using Stillpoint.Data.Entities;

namespace Stillpoint.Data.Outcomes;

/// <summary>
/// One patient's outcome on one instrument (migration 0012), derived from their complete, scored, not superseded
/// responses by <see cref="Core.Outcomes.OutcomeSummaries"/>: kept in step with every response write by
/// <see cref="OutcomeSummaryMaintenance"/> and rebuilt wholesale by <see cref="OutcomeSummaryRebuild"/>. The clinic
/// dashboard and durability read these (~10k rows) instead of streaming every response (~1M).
/// </summary>
public sealed class OutcomeSummaryRow : IPatientOwned
{
    /// <summary>A surrogate key: the audit trail names rows by key, and (clinic, instrument, patient) is too long for it.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ClinicId { get; set; }

    public Guid PatientId { get; set; }

    public required string InstrumentId { get; set; }

    /// <summary>Valid measures (complete, scored, not superseded).</summary>
    public int Measures { get; set; }

    public DateTimeOffset FirstAt { get; set; }

    public decimal FirstTotal { get; set; }

    public DateTimeOffset LatestAt { get; set; }

    public decimal LatestTotal { get; set; }

    /// <summary>The course's baseline (UTC day); null when the instrument is not in the library (no course).</summary>
    public DateOnly? BaselineDate { get; set; }

    public decimal? BaselineTotal { get; set; }

    public DateOnly? ResponseDate { get; set; }

    public DateOnly? RemissionDate { get; set; }

    public DateOnly? RelapseDate { get; set; }

    /// <summary>The durability observation's end: the relapse, or the last measure while still in response; null for non-responders.</summary>
    public DateOnly? DurabilityEnd { get; set; }
}
