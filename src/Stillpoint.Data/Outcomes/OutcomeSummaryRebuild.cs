using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.Instruments;
using Stillpoint.Core.Outcomes;
using Stillpoint.Data.Audit;
using Stillpoint.Data.Responses;

namespace Stillpoint.Data.Outcomes;

/// <summary>
/// Recomputes a clinic's outcome summaries from all its responses in one audited batch: for the network seeder (which
/// bypasses <c>SaveChanges</c>), for databases migrated to 0012 with responses already in them (server start), and
/// on demand (<c>stillpoint db rebuild-outcome-summaries</c>). The batch first takes the audit chain's head, which every
/// audited write locks first too, so no response write can slip between the read and the new rows.
/// </summary>
public sealed class OutcomeSummaryRebuild(StillpointDbContext db)
{
    private static readonly AuditActor Actor = new(null, "system", "outcome-summary-rebuild");

    /// <summary>Clinics with responses but not one summary row (e.g. just migrated to 0012).</summary>
    public async Task<IReadOnlyList<Guid>> ClinicsWithoutSummariesAsync(CancellationToken ct) =>
        await db.Clinics.AsNoTracking()
            .Where(c => db.Set<InstrumentResponse>().IgnoreQueryFilters().Any(r => r.ClinicId == c.Id)
                && !db.Set<OutcomeSummaryRow>().IgnoreQueryFilters().Any(s => s.ClinicId == c.Id))
            .Select(c => c.Id)
            .ToListAsync(ct);

    /// <summary>Every clinic that has responses or summaries.</summary>
    public async Task<IReadOnlyList<Guid>> ClinicsWithResponsesAsync(CancellationToken ct) =>
        await db.Clinics.AsNoTracking()
            .Where(c => db.Set<InstrumentResponse>().IgnoreQueryFilters().Any(r => r.ClinicId == c.Id)
                || db.Set<OutcomeSummaryRow>().IgnoreQueryFilters().Any(s => s.ClinicId == c.Id))
            .Select(c => c.Id)
            .ToListAsync(ct);

    /// <summary>Replaces the clinic's summary rows; returns how many were written.</summary>
    public async Task<int> RebuildAsync(Guid clinicId, CancellationToken ct)
    {
        var library = OutcomeDefinitions.Of(db);
        var written = 0;
        await db.RunAuditedBatchAsync(async (batch, token) =>
        {
            await db.ReadAuditHeadAsync(token);
            await using (var delete = batch.Command("DELETE FROM \"OutcomeSummaries\" WHERE \"ClinicId\" = @clinic"))
            {
                batch.Parameter<OutcomeSummaryRow>(delete, "@clinic", nameof(OutcomeSummaryRow.ClinicId), clinicId);
                await delete.ExecuteNonQueryAsync(token);
            }

            await ForEachSeriesAsync(batch, clinicId, (patientId, instrumentId, series) =>
            {
                batch.InsertAudited(OutcomeSummaryRows.Row(clinicId, patientId, OutcomeSummaryRows.Summarize(instrumentId, series, library)), Actor);
                written++;
            }, token);
        }, ct);
        return written;
    }

    /// <summary>Streams the clinic's valid measures in index order and hands over one patient's series per instrument at a time.</summary>
    private static async Task ForEachSeriesAsync(AuditedBatch batch, Guid clinicId, Action<Guid, string, List<TimedTotal>> onSeries, CancellationToken ct)
    {
        await using var command = batch.Command($"""
            SELECT r."InstrumentId", r."PatientId", r."AnsweredAt", r."Total" FROM "InstrumentResponses" r
            WHERE r."ClinicId" = @clinic AND {OutcomeResponseSql.Valid}
            ORDER BY r."InstrumentId", r."PatientId", r."AnsweredAt"
            """);
        batch.Parameter<InstrumentResponse>(command, "@clinic", nameof(InstrumentResponse.ClinicId), clinicId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        (string Instrument, Guid Patient)? current = null;
        var series = new List<TimedTotal>();
        while (await reader.ReadAsync(ct))
        {
            var key = (reader.GetString(0), reader.GetGuid(1));
            if (current is { } previous && previous != key)
            {
                onSeries(previous.Patient, previous.Instrument, series);
                series = [];
            }

            current = key;
            series.Add(new TimedTotal(OutcomeResponseSql.ReadTime(reader, 2), reader.GetDecimal(3)));
        }

        if (current is { } last)
        {
            onSeries(last.Patient, last.Instrument, series);
        }
    }
}
