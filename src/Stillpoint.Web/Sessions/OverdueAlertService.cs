using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stillpoint.Core.Sessions;
using Stillpoint.Data;
using Stillpoint.Data.Access;
using Stillpoint.Data.Sessions;
using Stillpoint.Web.Live;

using Stillpoint.Web.FollowUp;

namespace Stillpoint.Web.Sessions;

/// <summary>
/// Turns overdue scheduled vitals checks into real alerts (issue 5 §5: a missing scheduled check is an alert), so
/// they show on the monitor and block discharge until acknowledged. Every <see cref="SweepSeconds"/> it evaluates
/// each session being dosed or in integration, in every clinic.
/// Safe on several nodes: an alert's id is derived from (session, check kind, due time), so the same overdue check
/// can be inserted once only; a node that loses the race gets a key violation and moves on.
/// </summary>
internal sealed partial class OverdueAlertService(
    IServiceScopeFactory scopes, ClinicEvents events, IOptions<SessionRules> rules, TimeProvider time, IConfiguration configuration, ILogger<OverdueAlertService> logger)
    : BackgroundService
{
    private static readonly string[] MonitoredPhases = [nameof(SessionPhase.Dosing), nameof(SessionPhase.Integration)];

    /// <summary>Seconds between sweeps (Sessions:OverdueSweepSeconds, default 30); 0 turns the background sweep off (tests sweep by hand).</summary>
    private int SweepSeconds => Math.Clamp(configuration.GetValue("Sessions:OverdueSweepSeconds", 30), 0, 3600);

    /// <summary>One pass over every monitored session; returns how many alerts it wrote.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = ActivatorUtilities.CreateInstance<StillpointDbContext>(scope.ServiceProvider, (ICallerContext)SystemCaller.Instance);
        var sessions = await db.Set<DosingSession>().AsNoTracking()
            .Where(s => MonitoredPhases.Contains(s.Phase) && s.DosingStartedAt != null)
            .Select(s => new { s.Id, s.ClinicId, s.PatientId, s.Phase, Start = s.DosingStartedAt!.Value })
            .ToListAsync(ct);
        var written = 0;
        foreach (var s in sessions)
        {
            var now = time.GetUtcNow();
            var vitals = await db.Set<SessionEntry>().AsNoTracking()
                .Where(e => e.SessionId == s.Id && e.Kind == EntryKinds.Vitals)
                .Select(e => new VitalSigns(e.At, e.Systolic, e.Diastolic, e.HeartRate, e.SpO2, e.RespiratoryRate))
                .ToListAsync(ct);
            var overdue = VitalsSchedule.Evaluate(rules.Value, s.Start, vitals, null, time).Where(c => c.Status == CheckStatus.Overdue).ToList();
            if (overdue.Count == 0)
            {
                continue;
            }

            var ids = overdue.Select(c => AlertId(s.Id, c)).ToList();
            var existing = await db.Set<SessionEntry>().Where(e => ids.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct);
            var added = 0;
            foreach (var check in overdue.Where(c => !existing.Contains(AlertId(s.Id, c))))
            {
                var alert = SessionEntryFactory.Alert(s.Id, s.PatientId, s.Phase, SafetyRules.Overdue(check, now), null, now, now);
                alert.Id = AlertId(s.Id, check);
                alert.ClinicId = s.ClinicId;
                db.Set<SessionEntry>().Add(alert);
                added++;
            }

            if (added == 0)
            {
                continue;
            }

            try
            {
                await db.SaveChangesAsync(ct);
                written += added;
                events.Publish(s.ClinicId, ClinicTopics.Sessions, s.Id);
            }
            catch (DbUpdateException)
            {
                // Another node wrote the same alert first: it exists once, which is all that matters.
                db.ChangeTracker.Clear();
            }
        }

        return written;
    }

    /// <summary>The same (session, check, due time) always gives the same id, so the alert can exist only once.</summary>
    internal static Guid AlertId(Guid sessionId, ScheduledCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"overdue|{sessionId:N}|{check.Kind}|{check.DueAt.UtcTicks}"));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80); // version 8: custom, name-derived
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes);
    }

    /// <summary>Every tick; a failed pass is retried at the next (the monitor still shows the overdue check itself meanwhile).</summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => SweepSeconds == 0
        ? Task.CompletedTask
        : PeriodicSweep.RunAsync(TimeSpan.FromSeconds(SweepSeconds), time, SweepAsync, count => LogWritten(logger, count), error => LogSweepFailed(logger, error), stoppingToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Overdue vitals checks: {Count} alert(s) written.")]
    private static partial void LogWritten(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Overdue-check sweep failed ({Error}); retrying at the next tick.")]
    private static partial void LogSweepFailed(ILogger logger, string error);
}
