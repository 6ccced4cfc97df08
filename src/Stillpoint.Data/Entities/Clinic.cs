namespace Stillpoint.Data.Entities;

public sealed class Clinic
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    /// <summary>True for the seeded demo clinic, so demo mode can find (and lock) its accounts.</summary>
    public bool IsDemo { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
