using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stillpoint.Data.Entities;

namespace Stillpoint.Data.Responses;

internal sealed class InstrumentResponseConfiguration : IEntityTypeConfiguration<InstrumentResponse>
{
    public void Configure(EntityTypeBuilder<InstrumentResponse> builder)
    {
        builder.ToTable("InstrumentResponses");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.InstrumentId).HasMaxLength(64);
        builder.Property(r => r.InstrumentVersion).HasMaxLength(32);
        builder.Property(r => r.Answers).HasMaxLength(2000);
        builder.Property(r => r.EnteredBy).HasMaxLength(16);
        builder.Property(r => r.Context).HasMaxLength(16);
        builder.Property(r => r.Status).HasMaxLength(16);
        builder.Property(r => r.Total).HasPrecision(8, 2);
        builder.Property(r => r.Severity).HasMaxLength(64);
        builder.Property(r => r.Flags).HasMaxLength(1000);
        builder.Property(r => r.Subscales).HasMaxLength(1000);
        builder.Property(r => r.CorrectionReason).HasMaxLength(ResponseValues.MaxReasonLength);
        builder.HasIndex(r => new { r.ClinicId, r.PatientId, r.InstrumentId, r.AnsweredAt });

        // A response is superseded at most once: two corrections racing for the same one cannot both win.
        builder.HasIndex(r => r.SupersedesId).IsUnique();
        builder.HasOne<Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InstrumentResponse>().WithMany().HasForeignKey(r => r.SupersedesId).OnDelete(DeleteBehavior.Restrict);
    }
}
