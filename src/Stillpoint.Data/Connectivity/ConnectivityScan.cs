using Stillpoint.Data.Entities;

namespace Stillpoint.Data.Connectivity;

/// <summary>When in the course of care a scan was taken.</summary>
public enum ScanTimePoint
{
    Baseline,

    /// <summary>After dosing session <see cref="ConnectivityScan.SessionNumber"/>.</summary>
    AfterSession,

    AfterCourse,
}

/// <summary>
/// One resting-state scan of a patient, reduced to its connectivity figures. Immutable: a corrected scan is
/// uploaded again. The uploaded time series itself is not kept, only what was computed from it and every
/// option needed to recompute it from the same file.
/// </summary>
public sealed class ConnectivityScan : IPatientOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ClinicId { get; set; }

    public Guid PatientId { get; set; }

    public ScanTimePoint TimePoint { get; set; }

    /// <summary>Set only for <see cref="ScanTimePoint.AfterSession"/>.</summary>
    public int? SessionNumber { get; set; }

    public DateOnly ScannedOn { get; set; }

    public double RepetitionTimeSeconds { get; set; }

    /// <summary>"raw" or "bandpass" (the CLI's names); the full settings are in <see cref="OptionsJson"/>.</summary>
    public required string Pipeline { get; set; }

    /// <summary>Every pipeline option and the steps applied, as JSON.</summary>
    public required string OptionsJson { get; set; }

    /// <summary>The clinic label set that named the regions and chose the DMN core.</summary>
    public Guid LabelSetId { get; set; }

    /// <summary>The matrix's regions in row order as JSON: [{"columnIndex":0,"code":"#10"}, …].</summary>
    public required string RegionsJson { get; set; }

    /// <summary>
    /// The Fisher z matrix's strict upper triangle, row by row, as little-endian float64 (the diagonal is the
    /// clipped atanh(1) by definition, the lower triangle mirrors the upper): n(n−1)/2 × 8 bytes.
    /// </summary>
    public required byte[] FisherZUpper { get; set; }

    public int RegionCount { get; set; }

    public double? CoreMeanZ { get; set; }

    public double? WithinDmnMeanZ { get; set; }

    public double? DmnToRestMeanZ { get; set; }

    /// <summary>The DMN summary (means, core pair count, missing core regions, named edges) as JSON.</summary>
    public required string SummaryJson { get; set; }

    /// <summary>Regions left out of the matrix and why, as JSON.</summary>
    public required string ExcludedRegionsJson { get; set; }

    public int InputTimePoints { get; set; }

    public int TimePointsUsed { get; set; }

    public string? SourceFileName { get; set; }

    public Guid UploadedByUserId { get; set; }

    public DateTimeOffset UploadedAt { get; set; }
}
