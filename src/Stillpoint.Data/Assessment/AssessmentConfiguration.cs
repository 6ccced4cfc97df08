using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stillpoint.Data.Entities;

namespace Stillpoint.Data.Assessment;

internal sealed class IntakeRevisionConfiguration : IEntityTypeConfiguration<IntakeRevision>
{
    public void Configure(EntityTypeBuilder<IntakeRevision> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Reason).HasMaxLength(500);
        builder.Property(r => r.RecordedByName).HasMaxLength(200);
        builder.HasIndex(r => new { r.PatientId, r.Number }).IsUnique();
        builder.HasIndex(r => r.ClinicId);
        builder.HasOne<Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EligibilityRuleSetVersionConfiguration : IEntityTypeConfiguration<EligibilityRuleSetVersion>
{
    public void Configure(EntityTypeBuilder<EligibilityRuleSetVersion> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Ignore(r => r.Label);
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.Note).HasMaxLength(500);
        builder.HasIndex(r => new { r.ClinicId, r.Number }).IsUnique();
        builder.HasOne<Clinic>().WithMany().HasForeignKey(r => r.ClinicId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EligibilitySignOffConfiguration : IEntityTypeConfiguration<EligibilitySignOff>
{
    public void Configure(EntityTypeBuilder<EligibilitySignOff> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.RuleSetVersion).HasMaxLength(32);
        builder.Property(s => s.ComputedStatus).HasMaxLength(32);
        builder.Property(s => s.SignedByName).HasMaxLength(200);
        builder.Property(s => s.Note).HasMaxLength(2000);
        builder.HasIndex(s => new { s.PatientId, s.SignedAt });
        builder.HasIndex(s => s.ClinicId);
        builder.HasOne<Patient>().WithMany().HasForeignKey(s => s.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<IntakeRevision>().WithMany().HasForeignKey(s => s.IntakeRevisionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConsentDocumentConfiguration : IEntityTypeConfiguration<ConsentDocument>
{
    public void Configure(EntityTypeBuilder<ConsentDocument> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Title).HasMaxLength(200);
        builder.Property(d => d.ContentHash).HasMaxLength(64);
        builder.HasIndex(d => new { d.ClinicId, d.Number }).IsUnique();
        builder.HasOne<Clinic>().WithMany().HasForeignKey(d => d.ClinicId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConsentSignatureConfiguration : IEntityTypeConfiguration<ConsentSignature>
{
    public void Configure(EntityTypeBuilder<ConsentSignature> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.ContentHash).HasMaxLength(64);
        builder.Property(s => s.TypedName).HasMaxLength(200);
        builder.Property(s => s.Method).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.WithdrawalReason).HasMaxLength(1000);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => new { s.PatientId, s.SignedAt });
        builder.HasIndex(s => s.ClinicId);
        builder.HasOne<Patient>().WithMany().HasForeignKey(s => s.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ConsentDocument>().WithMany().HasForeignKey(s => s.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TreatmentPlanConfiguration : IEntityTypeConfiguration<TreatmentPlan>
{
    public void Configure(EntityTypeBuilder<TreatmentPlan> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.EndReason).HasMaxLength(1000);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => new { p.PatientId, p.Status });
        builder.HasIndex(p => p.ClinicId);
        builder.HasOne<Patient>().WithMany().HasForeignKey(p => p.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TreatmentPlanRevisionConfiguration : IEntityTypeConfiguration<TreatmentPlanRevision>
{
    public void Configure(EntityTypeBuilder<TreatmentPlanRevision> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Change).HasMaxLength(16);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Reason).HasMaxLength(1000);
        builder.Property(r => r.ChangedByName).HasMaxLength(200);
        builder.HasIndex(r => new { r.PlanId, r.Number }).IsUnique();
        builder.HasIndex(r => r.ClinicId);
        builder.HasOne<TreatmentPlan>().WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Restrict);
    }
}
