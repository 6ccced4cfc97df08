using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stillpoint.Data.Responses;

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
