using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stillpoint.Data.Entities;

namespace Stillpoint.Data.Connectivity;

internal sealed class ConnectivityScanConfiguration : IEntityTypeConfiguration<ConnectivityScan>
{
    public void Configure(EntityTypeBuilder<ConnectivityScan> builder)
    {
        builder.ToTable("ConnectivityScans");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.TimePoint).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Pipeline).HasMaxLength(16);
        builder.Property(s => s.SourceFileName).HasMaxLength(260);
        builder.HasIndex(s => new { s.ClinicId, s.PatientId, s.ScannedOn });
        builder.HasOne<Patient>().WithMany().HasForeignKey(s => s.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ConnectivityLabelSet>().WithMany().HasForeignKey(s => s.LabelSetId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConnectivityLabelSetConfiguration : IEntityTypeConfiguration<ConnectivityLabelSet>
{
    public void Configure(EntityTypeBuilder<ConnectivityLabelSet> builder)
    {
        builder.ToTable("ConnectivityLabelSets");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Name).HasMaxLength(200);
        builder.HasIndex(l => new { l.ClinicId, l.Name }).IsUnique();
        builder.HasOne<Clinic>().WithMany().HasForeignKey(l => l.ClinicId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ControlNormSetConfiguration : IEntityTypeConfiguration<ControlNormSet>
{
    public void Configure(EntityTypeBuilder<ControlNormSet> builder)
    {
        builder.ToTable("ControlNormSets");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Pipeline).HasMaxLength(16);
        builder.HasIndex(c => new { c.ClinicId, c.Name }).IsUnique();
        builder.HasOne<Clinic>().WithMany().HasForeignKey(c => c.ClinicId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ConnectivityLabelSet>().WithMany().HasForeignKey(c => c.LabelSetId).OnDelete(DeleteBehavior.Restrict);
    }
}
