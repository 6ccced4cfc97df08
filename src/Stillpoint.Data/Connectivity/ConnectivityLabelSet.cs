using Stillpoint.Data.Entities;

namespace Stillpoint.Data.Connectivity;

/// <summary>
/// A clinic's region-label file for one atlas (column/code → region, hemisphere, DMN role), uploaded once and
/// named by every scan and control set processed with it. Immutable, so a stored figure always refers to the
/// labels it was computed with. Kept as the uploaded CSV text and parsed again when used.
/// </summary>
public sealed class ConnectivityLabelSet : IClinicScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ClinicId { get; set; }

    public required string Name { get; set; }

    public required string LabelsCsv { get; set; }

    public int RegionCount { get; set; }

    public int CoreRegionCount { get; set; }

    public Guid CreatedByUserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
