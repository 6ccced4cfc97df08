using Stillpoint.Data.Entities;

namespace Stillpoint.Data.Connectivity;

/// <summary>
/// A named healthy-control reference: the per-subject DMN figures of uploaded control series, processed with
/// one set of pipeline options and one label set, and the mean/SD norms derived from them. Immutable.
/// </summary>
public sealed class ControlNormSet : IClinicScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ClinicId { get; set; }

    public required string Name { get; set; }

    public required string Pipeline { get; set; }

    public double RepetitionTimeSeconds { get; set; }

    /// <summary>The pipeline options every control was processed with, as JSON.</summary>
    public required string OptionsJson { get; set; }

    public Guid LabelSetId { get; set; }

    public int SubjectCount { get; set; }

    /// <summary>Each control's source name and metrics, as JSON, so the norms can be recomputed or audited.</summary>
    public required string SubjectsJson { get; set; }

    /// <summary>Mean, sample SD and count per metric, as JSON.</summary>
    public required string NormsJson { get; set; }

    public Guid CreatedByUserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
