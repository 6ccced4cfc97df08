namespace Stillpoint.Data.Entities;

/// <summary>A Data Protection key ring element, kept in the database so every web node shares the keys.</summary>
public sealed class DataProtectionKeyRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string? FriendlyName { get; set; }

    public required string Xml { get; set; }
}
