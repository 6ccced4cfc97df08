using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.FollowUp;
using Stillpoint.Data;
using Stillpoint.Data.Responses;
using Stillpoint.Web.FollowUp;

namespace Stillpoint.Web.Alerts;

/// <summary>Stored responses as the follow-up rules see them.</summary>
internal static class MeasureHistory
{
    /// <summary>A draft has no total or risk level stored, so only its answers (PHQ-9 item 9) count.</summary>
    public static MeasureResponse From(InstrumentResponse row) => ScheduleSources.ToMeasure(row);

    /// <summary>
    /// The patient's complete, current (not superseded) scored responses of one instrument, including
    /// <paramref name="pending"/> (a row added in this unit of work and not saved yet) and without the one it supersedes.
    /// </summary>
    public static async Task<List<MeasureResponse>> CompleteAsync(StillpointDbContext db, Guid patientId, string instrumentId, InstrumentResponse? pending, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var responses = db.Set<InstrumentResponse>().AsNoTracking();
        var rows = await responses
            .Where(r => r.PatientId == patientId && r.InstrumentId == instrumentId && r.Status == ResponseValues.Complete && r.IsComplete && r.Total != null)
            .Where(r => !responses.Any(newer => newer.SupersedesId == r.Id))
            .ToListAsync(ct);
        if (pending is { Status: ResponseValues.Complete, IsComplete: true, Total: not null })
        {
            rows.RemoveAll(r => r.Id == pending.SupersedesId || r.Id == pending.Id);
            rows.Add(pending);
        }

        return [.. rows.Select(From)];
    }
}
