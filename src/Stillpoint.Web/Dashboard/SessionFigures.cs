using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stillpoint.Data;
using Stillpoint.Data.Sessions;

namespace Stillpoint.Web.Dashboard;

/// <summary>
/// Session counts and safety figures, grouped per patient in the database (a few thousand rows at most come back)
/// and then filtered by the patients' plans. A patient without a plan counts only when no plan filter is set.
/// </summary>
internal static class SessionFigures
{
    public const string AlertsCounted = "alerts raised during dosing sessions (session timeline alerts)";

    public static async Task<WeekSessionsDto> ThisWeekAsync(StillpointDbContext db, Guid clinicId, DateTimeOffset now, Func<Guid, bool> included, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var start = new DateTimeOffset(monday.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = start.AddDays(7);
        var rows = await Sessions(db, clinicId)
            .Where(s => s.ScheduledFor >= start && s.ScheduledFor < end)
            .GroupBy(s => new { s.PatientId, s.Phase })
            .Select(g => new { g.Key.PatientId, g.Key.Phase, Count = g.Count() })
            .ToListAsync(ct);
        var mine = rows.Where(r => included(r.PatientId)).ToList();
        return new WeekSessionsDto(
            monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            mine.Sum(r => r.Count),
            mine.Where(r => r.Phase is "Dosing" or "Integration" or "Discharged").Sum(r => r.Count),
            mine.Where(r => r.Phase is "Scheduled" or "CheckedIn" or "Preparation").Sum(r => r.Count),
            mine.Where(r => r.Phase == "Aborted").Sum(r => r.Count));
    }

    public static async Task<SafetyDto> SafetyAsync(StillpointDbContext db, Guid clinicId, OutcomeFilter filter, Func<Guid, bool> included, CancellationToken ct)
    {
        var sessions = Sessions(db, clinicId).Where(s => s.ScheduledFor < filter.EndUtc);
        var entries = db.Set<SessionEntry>().IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.ClinicId == clinicId && (e.Kind == EntryKinds.AdverseEvent || e.Kind == EntryKinds.Alert) && e.At < filter.EndUtc);
        if (filter.From is not null)
        {
            var from = filter.FromUtc;
            sessions = sessions.Where(s => s.ScheduledFor >= from);
            entries = entries.Where(e => e.At >= from);
        }

        var perPatient = await sessions
            .GroupBy(s => s.PatientId)
            .Select(g => new
            {
                PatientId = g.Key,
                Held = g.Count(s => s.DosingStartedAt != null),
                Checked = g.Count(s => s.GoNoGoVerdict != null),
                Refused = g.Count(s => s.GoNoGoVerdict == "no-go"),
            })
            .ToListAsync(ct);
        var events = await entries
            .GroupBy(e => new { e.PatientId, e.Kind })
            .Select(g => new { g.Key.PatientId, g.Key.Kind, Count = g.Count() })
            .ToListAsync(ct);

        var held = perPatient.Where(p => included(p.PatientId)).Sum(p => p.Held);
        var adverse = events.Where(e => e.Kind == EntryKinds.AdverseEvent && included(e.PatientId)).Sum(e => e.Count);
        var alerts = events.Where(e => e.Kind == EntryKinds.Alert && included(e.PatientId)).Sum(e => e.Count);
        var checks = perPatient.Where(p => included(p.PatientId)).Sum(p => p.Checked);
        var refusals = perPatient.Where(p => included(p.PatientId)).Sum(p => p.Refused);
        return new SafetyDto(held, adverse, Per100(adverse, held), alerts, Per100(alerts, held), AlertsCounted, checks, refusals, Per100(refusals, checks));
    }

    /// <summary>
    /// The clinic's sessions, the clinic named explicitly instead of through the caller filter (whose "system or this
    /// clinic" disjunction kept SQLite off the clinic-first indexes, IX_DosingSessions_Dashboard among them).
    /// </summary>
    private static IQueryable<DosingSession> Sessions(StillpointDbContext db, Guid clinicId) =>
        db.Set<DosingSession>().IgnoreQueryFilters().AsNoTracking().Where(s => s.ClinicId == clinicId);

    private static double? Per100(int count, int of) => of == 0 ? null : Math.Round(100.0 * count / of, 1);
}
