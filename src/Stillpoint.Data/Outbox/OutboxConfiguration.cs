using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stillpoint.Data.Entities;

namespace Stillpoint.Data.Outbox;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.RecipientAddress).HasMaxLength(320);
        builder.Property(m => m.Channel).HasMaxLength(16);
        builder.Property(m => m.Kind).HasMaxLength(64);
        builder.Property(m => m.Payload).HasMaxLength(4000);
        builder.Property(m => m.DedupKey).HasMaxLength(200);
        builder.HasIndex(m => new { m.ClinicId, m.DedupKey }).IsUnique();
        builder.HasIndex(m => new { m.SentAt, m.CreatedAt });
        builder.HasOne<Clinic>().WithMany().HasForeignKey(m => m.ClinicId).OnDelete(DeleteBehavior.Restrict);
    }
}
