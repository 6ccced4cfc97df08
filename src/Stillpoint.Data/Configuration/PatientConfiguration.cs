using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stillpoint.Core.Patients;
using Stillpoint.Data.Entities;

namespace Stillpoint.Data.Configuration;

internal sealed class PatientConfiguration : IEntityTypeConfiguration<Patient>
{
    public void Configure(EntityTypeBuilder<Patient> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Mrn).HasMaxLength(PatientInput.MaxMrnLength);
        builder.Property(p => p.GivenName).HasMaxLength(PatientInput.MaxNameLength);
        builder.Property(p => p.FamilyName).HasMaxLength(PatientInput.MaxNameLength);
        builder.Property(p => p.SearchText).HasMaxLength(300);
        builder.Property(p => p.Email).HasMaxLength(254);
        builder.Property(p => p.Phone).HasMaxLength(32);
        builder.Property(p => p.Sex).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.WeightKg).HasPrecision(6, 2);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => new { p.ClinicId, p.Mrn }).IsUnique();
        builder.HasIndex(p => new { p.ClinicId, p.FamilyName, p.GivenName });
        builder.HasIndex(p => p.UserId);
        builder.HasOne<Clinic>().WithMany().HasForeignKey(p => p.ClinicId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ClinicConfiguration : IEntityTypeConfiguration<Clinic>
{
    public void Configure(EntityTypeBuilder<Clinic> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(200);
    }
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<StillpointUser>
{
    public void Configure(EntityTypeBuilder<StillpointUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.Role).HasMaxLength(32);
        builder.HasIndex(u => u.ClinicId);
        builder.HasOne<Clinic>().WithMany().HasForeignKey(u => u.ClinicId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasKey(a => a.Sequence);
        builder.Property(a => a.Sequence).ValueGeneratedNever();
        builder.Property(a => a.Role).HasMaxLength(32);
        builder.Property(a => a.Action).HasMaxLength(32);
        builder.Property(a => a.EntityType).HasMaxLength(64);
        builder.Property(a => a.EntityId).HasMaxLength(64);
        builder.Property(a => a.RequestId).HasMaxLength(128);
        builder.Property(a => a.Details).HasMaxLength(1000);
        builder.Property(a => a.PreviousHash).HasMaxLength(64);
        builder.Property(a => a.Hash).HasMaxLength(64);
        builder.HasIndex(a => new { a.ClinicId, a.PatientId, a.Sequence });
        builder.HasIndex(a => new { a.ClinicId, a.UserId, a.Sequence });
    }
}

internal sealed class AuditHeadConfiguration : IEntityTypeConfiguration<AuditHead>
{
    public void Configure(EntityTypeBuilder<AuditHead> builder)
    {
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Hash).HasMaxLength(64);
    }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKeyRow>
{
    public void Configure(EntityTypeBuilder<DataProtectionKeyRow> builder)
    {
        builder.HasKey(k => k.Id);
        builder.Property(k => k.FriendlyName).HasMaxLength(200);
    }
}
