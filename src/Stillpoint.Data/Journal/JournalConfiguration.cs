using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stillpoint.Data.Entities;
using Stillpoint.Data.Sessions;

namespace Stillpoint.Data.Journal;

/// <summary>Column limits shared by the configuration and the validation that reports them.</summary>
public static class JournalLimits
{
    public const int Text = 4000;
    public const int Prompt = 400;
    public const int TagsColumn = 160;
    public const int NoteText = 4000;
    public const int LinkedEntries = 10;
    public const int LinkedEntriesColumn = 400;
}

internal sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> builder)
    {
        builder.ToTable("JournalEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Kind).HasMaxLength(16);
        builder.Property(e => e.PromptText).HasMaxLength(JournalLimits.Prompt);
        builder.Property(e => e.Text).HasMaxLength(JournalLimits.Text);
        builder.Property(e => e.Tags).HasMaxLength(JournalLimits.TagsColumn);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasIndex(e => new { e.ClinicId, e.PatientId, e.CreatedAt });
        builder.HasOne<Patient>().WithMany().HasForeignKey(e => e.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DosingSession>().WithMany().HasForeignKey(e => e.SessionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class JournalPromptSettingsConfiguration : IEntityTypeConfiguration<JournalPromptSettings>
{
    public void Configure(EntityTypeBuilder<JournalPromptSettings> builder)
    {
        builder.ToTable("JournalPromptSettings");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.IntentionPrompt).HasMaxLength(JournalLimits.Prompt);
        builder.Property(s => s.EveningAfterPrompt).HasMaxLength(JournalLimits.Prompt);
        builder.Property(s => s.WeekAfterPrompt).HasMaxLength(JournalLimits.Prompt);
        builder.Property(s => s.Version).IsConcurrencyToken();
        // One row per clinic: two admins saving the defaults at once cannot both insert.
        builder.HasIndex(s => s.ClinicId).IsUnique();
        builder.HasOne<Clinic>().WithMany().HasForeignKey(s => s.ClinicId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IntegrationNoteConfiguration : IEntityTypeConfiguration<IntegrationNote>
{
    public void Configure(EntityTypeBuilder<IntegrationNote> builder)
    {
        builder.ToTable("IntegrationNotes");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Text).HasMaxLength(JournalLimits.NoteText);
        builder.Property(n => n.JournalEntryIds).HasMaxLength(JournalLimits.LinkedEntriesColumn);
        builder.Property(n => n.AuthorName).HasMaxLength(200);
        builder.Property(n => n.Version).IsConcurrencyToken();
        builder.HasIndex(n => new { n.ClinicId, n.PatientId, n.CreatedAt });
        builder.HasIndex(n => new { n.SessionId, n.CreatedAt });
        builder.HasOne<Patient>().WithMany().HasForeignKey(n => n.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DosingSession>().WithMany().HasForeignKey(n => n.SessionId).OnDelete(DeleteBehavior.Restrict);
    }
}
