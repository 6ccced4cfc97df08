using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Stillpoint.Core.Outcomes;
using Stillpoint.Data;
using Stillpoint.Data.Outcomes;
using Stillpoint.Data.Responses;

namespace Stillpoint.Web.Dashboard;

/// <summary>A patient's first and latest total on one instrument (at least two measures).</summary>
public sealed record MeasureEnds(string InstrumentId, Guid PatientId, decimal Baseline, decimal Latest);

/// <summary>
/// The two reads over questionnaire responses, in SQL written for both providers and answered from the
/// IX_InstrumentResponses_Outcomes index (migration 0010): complete, scored, not superseded responses of the caller's
/// clinic, answered before the end of the range. Raw SQL, so the clinic is named explicitly (the EF clinic filter
/// does not apply); values are bound with EF's own type mappings (SQLite keeps ids as text and times as ticks).
/// </summary>
internal sealed class OutcomeReads(StillpointDbContext db)
{
    /// <summary>Room for a total × 100 below 1,000,000 (every shipped instrument's maximum is ≤ 800).</summary>
    private const long TotalSlots = 1_000_000;

    private const string Valid = $"""
        FROM "InstrumentResponses" r
        WHERE r."ClinicId" = @clinic AND r."AnsweredAt" < @end AND {OutcomeResponseSql.Valid}
        """;

    /// <summary>
    /// Streams one instrument's totals in patient and time order and hands each patient's series (UTC days) to
    /// <paramref name="onPatient"/>; only one patient's series is held at a time.
    /// </summary>
    public async Task ForEachSeriesAsync(Guid clinicId, string instrumentId, DateTimeOffset end, Action<Guid, List<DatedTotal>> onPatient, CancellationToken ct)
    {
        await using var command = await CommandAsync(
            $"""SELECT r."PatientId", r."AnsweredAt", r."Total" {Valid} AND r."InstrumentId" = @instrument ORDER BY r."PatientId", r."AnsweredAt" """,
            clinicId, end, ct);
        Bind(command, "@instrument", nameof(InstrumentResponse.InstrumentId), instrumentId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var series = new List<DatedTotal>();
        Guid? current = null;
        while (await reader.ReadAsync(ct))
        {
            var patientId = reader.GetGuid(0);
            if (patientId != current && current is { } previous)
            {
                onPatient(previous, series);
                series = [];
            }

            current = patientId;
            series.Add(new DatedTotal(DateOnly.FromDateTime(OutcomeResponseSql.ReadTime(reader, 1).UtcDateTime), reader.GetDecimal(2)));
        }

        if (current is { } last)
        {
            onPatient(last, series);
        }
    }

    /// <summary>
    /// Every patient's first and latest total per instrument, for patients measured at least twice, in one grouped pass:
    /// each row's (second answered, total × 100) is packed into one integer, so MIN gives the first measure's total and
    /// MAX the latest's (a join back to the rows would cost a lookup per group). Same-second ties take the lower/higher total.
    /// </summary>
    public async Task<List<MeasureEnds>> MeasureEndsAsync(Guid clinicId, DateTimeOffset end, CancellationToken ct)
    {
        // Whole seconds rounded down on both providers (a bare CAST rounds to nearest on PostgreSQL).
        var seconds = db.Database.IsNpgsql() ? "CAST(FLOOR(EXTRACT(EPOCH FROM r.\"AnsweredAt\")) AS BIGINT)" : "(r.\"AnsweredAt\" / 10000000)";
        var packed = $"({seconds} * {TotalSlots} + CAST(ROUND(r.\"Total\" * 100) AS BIGINT))";
        await using var command = await CommandAsync(
            $"""
            SELECT r."InstrumentId", r."PatientId", MIN({packed}), MAX({packed}) {Valid}
            GROUP BY r."InstrumentId", r."PatientId" HAVING COUNT(*) > 1
            """,
            clinicId, end, ct);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var ends = new List<MeasureEnds>();
        while (await reader.ReadAsync(ct))
        {
            ends.Add(new MeasureEnds(reader.GetString(0), reader.GetGuid(1), Unpack(reader.GetInt64(2)), Unpack(reader.GetInt64(3))));
        }

        return ends;
    }

    private static decimal Unpack(long packed) => Hundredths(packed % TotalSlots);

    /// <summary>A stored total as this read gives it (two decimals, in the same decimal form), for the summary path to match.</summary>
    public static decimal Total(decimal stored) => Hundredths((long)Math.Round(stored * 100, MidpointRounding.AwayFromZero));

    private static decimal Hundredths(long hundredths) => hundredths / 100m;

    private async Task<DbCommand> CommandAsync(string sql, Guid clinicId, DateTimeOffset end, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        Bind(command, "@clinic", nameof(InstrumentResponse.ClinicId), clinicId);
        Bind(command, "@end", nameof(InstrumentResponse.AnsweredAt), end);
        return command;
    }

    /// <summary>A parameter stored as EF stores that column (its value converter applied).</summary>
    private void Bind(DbCommand command, string name, string property, object value)
    {
        var mapping = db.Model.FindEntityType(typeof(InstrumentResponse))!.FindProperty(property)!.GetRelationalTypeMapping();
        command.Parameters.Add(mapping.CreateParameter(command, name, value));
    }
}
