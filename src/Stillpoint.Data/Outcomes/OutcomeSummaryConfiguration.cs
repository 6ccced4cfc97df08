using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stillpoint.Data.Entities;

namespace Stillpoint.Data.Outcomes;

internal sealed class OutcomeSummaryConfiguration : IEntityTypeConfiguration<OutcomeSummaryRow>
{
    public void Configure(EntityTypeBuilder<OutcomeSummaryRow> builder)
    {
        builder.ToTable("OutcomeSummaries");

        builder.HasKey(s => s.Id);

        // Clinic and instrument first: the dashboard reads one instrument's rows for one clinic in index order.
        builder.HasIndex(s => new { s.ClinicId, s.InstrumentId, s.PatientId }).IsUnique();
        builder.Property(s => s.InstrumentId).HasMaxLength(64);
        builder.Property(s => s.FirstTotal).HasPrecision(8, 2);
        builder.Property(s => s.LatestTotal).HasPrecision(8, 2);
        builder.Property(s => s.BaselineTotal).HasPrecision(8, 2);

        // Both clinic reads (one instrument's courses; every instrument's first and latest) from the index alone.
        builder.HasIndex(s => new
        {
            s.ClinicId, s.InstrumentId, s.PatientId, s.Measures, s.FirstTotal, s.LatestTotal, s.BaselineDate, s.BaselineTotal,
            s.ResponseDate, s.RemissionDate, s.RelapseDate, s.DurabilityEnd,
        }).HasDatabaseName("IX_OutcomeSummaries_Dashboard");

        // The summary-or-stream choice asks for the clinic's latest measure.
        builder.HasIndex(s => new { s.ClinicId, s.LatestAt });
        builder.HasIndex(s => s.PatientId);
        builder.HasOne<Patient>().WithMany().HasForeignKey(s => s.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}
