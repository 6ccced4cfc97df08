using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;
using Stillpoint.Data.Responses;

namespace Stillpoint.Data.Outcomes;

/// <summary>
/// Keeps <see cref="OutcomeSummaryRow"/> in step with questionnaire responses: <c>SaveChanges</c> notes the patients
/// whose responses it writes (new responses, corrections and completions are all new rows), and once the rows are
/// written recomputes those patients' summaries from the database inside the same transaction, so a rolled-back save
/// leaves them as they were. The summary rows are derived data written with plain SQL: the responses' own audit
/// entries record the change (no second entry per derived row, and no recursion into <c>SaveChanges</c>).
/// </summary>
internal static class OutcomeSummaryMaintenance
{
    // Keeps the patient list of one IN (...) comfortably small on both providers.
    private const int PatientsPerRead = 500;

    public static List<(Guid ClinicId, Guid PatientId)> AffectedPatients(ChangeTracker tracker) =>
        [.. tracker.Entries<InstrumentResponse>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => (e.Entity.ClinicId, e.Entity.PatientId))
            .Distinct()];

    /// <summary>Recomputes the summaries of <paramref name="patients"/>; call after the save has written their responses.</summary>
    public static async Task RefreshAsync(StillpointDbContext db, IReadOnlyCollection<(Guid ClinicId, Guid PatientId)> patients, CancellationToken ct)
    {
        if (patients.Count == 0)
        {
            return;
        }

        var library = OutcomeDefinitions.Of(db);
        foreach (var clinic in patients.GroupBy(p => p.ClinicId))
        {
            foreach (var chunk in clinic.Select(p => p.PatientId).Chunk(PatientsPerRead))
            {
                var measures = await ReadAsync(db, clinic.Key, chunk, ct);
                await db.Set<OutcomeSummaryRow>().IgnoreQueryFilters()
                    .Where(s => s.ClinicId == clinic.Key && chunk.Contains(s.PatientId))
                    .ExecuteDeleteAsync(ct);
                await InsertAsync(db, OutcomeSummaryRows.For(clinic.Key, measures, library), ct);
            }
        }
    }

    private static async Task<List<PatientMeasure>> ReadAsync(StillpointDbContext db, Guid clinicId, Guid[] patientIds, CancellationToken ct)
    {
        // Unfiltered: a patient's own portal save must still see every row that shapes their summary.
        var responses = db.Set<InstrumentResponse>().IgnoreQueryFilters().AsNoTracking();
        var superseded = responses.Where(r => patientIds.Contains(r.PatientId) && r.SupersedesId != null).Select(r => r.SupersedesId!.Value);
        return await responses
            .Where(r => r.ClinicId == clinicId && patientIds.Contains(r.PatientId) && r.IsComplete && r.Total != null && !superseded.Contains(r.Id))
            .Select(r => new PatientMeasure(r.PatientId, r.InstrumentId, r.AnsweredAt, r.Total!.Value))
            .ToListAsync(ct);
    }

    /// <summary>One INSERT prepared from the model's columns, run once per row inside the save's transaction.</summary>
    private static async Task InsertAsync(StillpointDbContext db, IEnumerable<OutcomeSummaryRow> rows, CancellationToken ct)
    {
        var properties = db.Model.FindEntityType(typeof(OutcomeSummaryRow))!.GetProperties().ToList();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"""
            INSERT INTO "OutcomeSummaries" ({string.Join(", ", properties.Select(p => $"\"{p.GetColumnName()}\""))})
            VALUES ({string.Join(", ", properties.Select((_, i) => $"@p{i}"))})
            """;
        foreach (var row in rows)
        {
            command.Parameters.Clear();
            for (var i = 0; i < properties.Count; i++)
            {
                // The column's own mapping, so values are stored as EF stores them (SQLite: ticks, Guid text, REAL).
                var property = properties[i];
                command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, $"@p{i}", property.PropertyInfo!.GetValue(row), property.IsNullable));
            }

            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
