using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stillpoint.Data.Entities;

namespace Stillpoint.Data.Sessions;

internal sealed class DosingSessionConfiguration : IEntityTypeConfiguration<DosingSession>
{
    public void Configure(EntityTypeBuilder<DosingSession> builder)
    {
        builder.ToTable("DosingSessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Phase).HasMaxLength(16);
        builder.Property(s => s.Pregnancy).HasMaxLength(16);
        builder.Property(s => s.GoNoGoVerdict).HasMaxLength(16);
        builder.Property(s => s.Intention).HasMaxLength(2000);
        builder.Property(s => s.OverrideReason).HasMaxLength(1000);
        builder.Property(s => s.AbortReason).HasMaxLength(1000);
        builder.Property(s => s.ConcomitantMedications).HasMaxLength(500);
        builder.Property(s => s.ComputedDoseMg).HasPrecision(9, 3);
        builder.Property(s => s.WeightKgUsed).HasPrecision(6, 2);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => new { s.ClinicId, s.PatientId, s.ScheduledFor });
        builder.HasIndex(s => new { s.ClinicId, s.Phase });
        builder.HasOne<Clinic>().WithMany().HasForeignKey(s => s.ClinicId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Patient>().WithMany().HasForeignKey(s => s.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SessionEntryConfiguration : IEntityTypeConfiguration<SessionEntry>
{
    public void Configure(EntityTypeBuilder<SessionEntry> builder)
    {
        builder.ToTable("SessionEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Kind).HasMaxLength(24);
        builder.Property(e => e.Phase).HasMaxLength(16);
        builder.Property(e => e.Code).HasMaxLength(64);
        builder.Property(e => e.Severity).HasMaxLength(16);
        builder.Property(e => e.Text).HasMaxLength(2000);
        builder.Property(e => e.Drug).HasMaxLength(100);
        builder.Property(e => e.LotNumber).HasMaxLength(100);
        builder.Property(e => e.Source).HasMaxLength(16);
        builder.Property(e => e.DoseMg).HasPrecision(9, 3);
        builder.HasIndex(e => new { e.SessionId, e.At });
        builder.HasIndex(e => new { e.ClinicId, e.Kind, e.SessionId });
        builder.HasOne<DosingSession>().WithMany().HasForeignKey(e => e.SessionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("IdempotencyRecords");
        builder.HasKey(r => new { r.ClinicId, r.Key });
        builder.Property(r => r.Key).HasMaxLength(200);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.Property(r => r.ResponseJson).HasMaxLength(64_000);
    }
}
