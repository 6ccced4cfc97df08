using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stillpoint.Data.Entities;

namespace Stillpoint.Data.Instruments;

/// <summary>
/// Official item wording a clinic is licensed to use for one instrument, loaded from a file. Loading
/// again replaces it. Items without official wording show our own label, marked "unofficial wording".
/// </summary>
public sealed class ClinicInstrumentWording : IClinicScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ClinicId { get; set; }

    public required string InstrumentId { get; set; }

    /// <summary>Our item id → official text, as a JSON object.</summary>
    public required string Texts { get; set; }

    /// <summary>"fhir" or "stillpoint".</summary>
    public required string Format { get; set; }

    /// <summary>The file name it came from (for the admin), if known.</summary>
    public string? SourceName { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    public Guid? ImportedByUserId { get; set; }

    public int Version { get; set; }
}

internal sealed class ClinicInstrumentWordingConfiguration : IEntityTypeConfiguration<ClinicInstrumentWording>
{
    public void Configure(EntityTypeBuilder<ClinicInstrumentWording> builder)
    {
        builder.ToTable("ClinicInstrumentWordings");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.InstrumentId).HasMaxLength(64);
        builder.Property(w => w.Format).HasMaxLength(16);
        builder.Property(w => w.SourceName).HasMaxLength(260);
        builder.Property(w => w.Version).IsConcurrencyToken();
        builder.HasIndex(w => new { w.ClinicId, w.InstrumentId }).IsUnique();
        builder.HasOne<Clinic>().WithMany().HasForeignKey(w => w.ClinicId).OnDelete(DeleteBehavior.Restrict);
    }
}
