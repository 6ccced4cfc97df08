using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stillpoint.Data.Entities;

namespace Stillpoint.Data.Ledger;

/// <summary>
/// One immutable controlled-substance ledger entry. <see cref="LotSequence"/> numbers a lot's entries 1, 2, 3…
/// and is unique per clinic and lot, so two concurrent movements computed from the same balance cannot both land
/// (the second violates the index and is retried or refused): the running balance can never go negative.
/// </summary>
public sealed class LedgerEntry : IClinicScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ClinicId { get; set; }

    public string LotNumber { get; set; } = string.Empty;

    public int LotSequence { get; set; }

    /// <summary>A Core <c>LedgerEntryKind</c> name.</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>Signed change in mg: positive in, negative out.</summary>
    public decimal ChangeMg { get; set; }

    public decimal BalanceAfterMg { get; set; }

    public DateOnly? Expiry { get; set; }

    public decimal? ConcentrationMgPerMl { get; set; }

    public Guid? SessionId { get; set; }

    public Guid? WitnessId { get; set; }

    public string? Reason { get; set; }

    public Guid? RecordedBy { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> builder)
    {
        builder.ToTable("LedgerEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.LotNumber).HasMaxLength(100);
        builder.Property(e => e.Kind).HasMaxLength(16);
        builder.Property(e => e.Reason).HasMaxLength(500);
        builder.Property(e => e.ChangeMg).HasPrecision(12, 3);
        builder.Property(e => e.BalanceAfterMg).HasPrecision(12, 3);
        builder.Property(e => e.ConcentrationMgPerMl).HasPrecision(9, 3);
        builder.HasIndex(e => new { e.ClinicId, e.LotNumber, e.LotSequence }).IsUnique();
        builder.HasIndex(e => new { e.ClinicId, e.RecordedAt });
        builder.HasOne<Clinic>().WithMany().HasForeignKey(e => e.ClinicId).OnDelete(DeleteBehavior.Restrict);
    }
}
