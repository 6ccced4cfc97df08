using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stillpoint.Data.Responses;
using Stillpoint.Data.Sessions;

namespace Stillpoint.Data.Outcomes;

/// <summary>
/// The index the clinic dashboard and durability read (migration 0010): one instrument's totals for a whole clinic in
/// patient and time order, straight from the index (it holds every column those queries touch, including the id the
/// superseded-row check needs), so a million responses are never read from the table itself.
/// </summary>
internal sealed class OutcomeIndexes : IEntityTypeConfiguration<InstrumentResponse>
{
    public void Configure(EntityTypeBuilder<InstrumentResponse> builder) =>
        builder.HasIndex(r => new { r.ClinicId, r.InstrumentId, r.PatientId, r.AnsweredAt, r.IsComplete, r.Total, r.Id })
            .HasDatabaseName("IX_InstrumentResponses_Outcomes");
}

/// <summary>
/// Covering index for the dashboard's session counts (migration 0012): held sessions and go/no-go checks per patient,
/// from the index alone and already in patient order (no sort for the grouping); this week's sessions scan it too.
/// </summary>
internal sealed class DashboardSessionIndexes : IEntityTypeConfiguration<DosingSession>
{
    public void Configure(EntityTypeBuilder<DosingSession> builder) =>
        builder.HasIndex(s => new { s.ClinicId, s.PatientId, s.ScheduledFor, s.Phase, s.DosingStartedAt, s.GoNoGoVerdict })
            .HasDatabaseName("IX_DosingSessions_Dashboard");
}

/// <summary>The outcome cohort cache's check (migration 0012): the clinic's plan count and version sum from the index alone.</summary>
internal sealed class DashboardPlanIndexes : IEntityTypeConfiguration<Assessment.TreatmentPlan>
{
    public void Configure(EntityTypeBuilder<Assessment.TreatmentPlan> builder) =>
        builder.HasIndex(p => new { p.ClinicId, p.Version })
            .HasDatabaseName("IX_TreatmentPlan_Dashboard");
}

/// <summary>Covering index for the dashboard's adverse events and alerts per patient in the range (migration 0012).</summary>
internal sealed class DashboardEntryIndexes : IEntityTypeConfiguration<SessionEntry>
{
    public void Configure(EntityTypeBuilder<SessionEntry> builder) =>
        builder.HasIndex(e => new { e.ClinicId, e.Kind, e.At, e.PatientId })
            .HasDatabaseName("IX_SessionEntries_Dashboard");
}
