using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stillpoint.Data.Entities;

namespace Stillpoint.Data.Alerts;

internal sealed class CareAlertConfiguration : IEntityTypeConfiguration<CareAlert>
{
    public void Configure(EntityTypeBuilder<CareAlert> builder)
    {
        builder.ToTable("CareAlerts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Key).HasMaxLength(200);
        builder.Property(a => a.Kind).HasMaxLength(32);
        builder.Property(a => a.Severity).HasMaxLength(16);
        builder.Property(a => a.Explanation).HasMaxLength(2000);
        builder.Property(a => a.SourceType).HasMaxLength(16);
        builder.Property(a => a.SourceRef).HasMaxLength(200);
        builder.Property(a => a.InstrumentId).HasMaxLength(64);
        builder.Property(a => a.State).HasMaxLength(16);
        builder.Property(a => a.AcknowledgedByName).HasMaxLength(200);
        builder.Property(a => a.AcknowledgeNote).HasMaxLength(1000);
        builder.Property(a => a.ResolvedByName).HasMaxLength(200);
        builder.Property(a => a.ResolutionNote).HasMaxLength(1000);
        builder.Property(a => a.EscalatedTo).HasMaxLength(200);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => new { a.ClinicId, a.Key }).IsUnique();
        builder.HasIndex(a => new { a.ClinicId, a.State, a.Rank, a.RaisedAt });
        builder.HasIndex(a => new { a.ClinicId, a.PatientId });
        builder.HasOne<Clinic>().WithMany().HasForeignKey(a => a.ClinicId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Patient>().WithMany().HasForeignKey(a => a.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ClinicAlertSettingsConfiguration : IEntityTypeConfiguration<ClinicAlertSettings>
{
    public void Configure(EntityTypeBuilder<ClinicAlertSettings> builder)
    {
        builder.ToTable("ClinicAlertSettings");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.BoosterResponsePercent).HasPrecision(5, 2);
        builder.Property(s => s.BoosterThresholdsJson).HasMaxLength(2000);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => s.ClinicId).IsUnique();
        builder.HasOne<Clinic>().WithMany().HasForeignKey(s => s.ClinicId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BoosterSuggestionConfiguration : IEntityTypeConfiguration<BoosterSuggestionRow>
{
    public void Configure(EntityTypeBuilder<BoosterSuggestionRow> builder)
    {
        builder.ToTable("BoosterSuggestions");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.EvidenceKey).HasMaxLength(200);
        builder.Property(b => b.InstrumentId).HasMaxLength(64);
        builder.Property(b => b.BaselineTotal).HasPrecision(9, 3);
        builder.Property(b => b.ResponseTotal).HasPrecision(9, 3);
        builder.Property(b => b.BestTotal).HasPrecision(9, 3);
        builder.Property(b => b.LatestTotal).HasPrecision(9, 3);
        builder.Property(b => b.RulesJson).HasMaxLength(4000);
        builder.Property(b => b.Explanation).HasMaxLength(4000);
        builder.Property(b => b.State).HasMaxLength(16);
        builder.Property(b => b.DecidedByName).HasMaxLength(200);
        builder.Property(b => b.DecisionReason).HasMaxLength(1000);
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.HasIndex(b => new { b.ClinicId, b.EvidenceKey }).IsUnique();
        builder.HasIndex(b => new { b.ClinicId, b.PatientId, b.State });
        builder.HasOne<Clinic>().WithMany().HasForeignKey(b => b.ClinicId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Patient>().WithMany().HasForeignKey(b => b.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}
