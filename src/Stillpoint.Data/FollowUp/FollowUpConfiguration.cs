using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stillpoint.Data.Entities;

namespace Stillpoint.Data.FollowUp;

internal sealed class ScheduleTemplateRecordConfiguration : IEntityTypeConfiguration<ScheduleTemplateRecord>
{
    public void Configure(EntityTypeBuilder<ScheduleTemplateRecord> builder)
    {
        builder.ToTable("ScheduleTemplates");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Scope).HasMaxLength(40);
        builder.Property(t => t.TemplateJson).HasMaxLength(64000);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => new { t.ClinicId, t.Scope }).IsUnique();
        builder.HasOne<Clinic>().WithMany().HasForeignKey(t => t.ClinicId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PatientNotificationConfiguration : IEntityTypeConfiguration<PatientNotification>
{
    public void Configure(EntityTypeBuilder<PatientNotification> builder)
    {
        builder.ToTable("PatientNotifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Kind).HasMaxLength(40);
        builder.Property(n => n.Title).HasMaxLength(200);
        builder.Property(n => n.Text).HasMaxLength(1000);
        builder.Property(n => n.Link).HasMaxLength(300);
        builder.Property(n => n.DedupKey).HasMaxLength(200);
        builder.Property(n => n.Version).IsConcurrencyToken();
        builder.HasIndex(n => new { n.ClinicId, n.DedupKey }).IsUnique();
        builder.HasIndex(n => new { n.ClinicId, n.PatientId, n.CreatedAt });
        builder.HasOne<Clinic>().WithMany().HasForeignKey(n => n.ClinicId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Patient>().WithMany().HasForeignKey(n => n.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}
