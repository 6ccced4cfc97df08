using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.Access;
using Stillpoint.Core.FollowUp;
using Stillpoint.Core.Instruments;
using Stillpoint.Core.Plans;
using Stillpoint.Data;
using Stillpoint.Data.Access;
using Stillpoint.Data.Alerts;
using Stillpoint.Data.Assessment;
using Stillpoint.Data.Responses;
using Stillpoint.Data.Sessions;
using Stillpoint.Web.Boosters;
using Stillpoint.Web.FollowUp;
using Stillpoint.Web.Live;

namespace Stillpoint.Web.Alerts;

/// <summary>What one sweep did.</summary>
internal sealed record SweepResult(int Escalated, int MissedSessions, int OverdueMeasures, int Boosters);

/// <summary>
/// The follow-up background sweep (issue 6 §4–5), every <c>FollowUp:AlertSweepSeconds</c> (default 60; 0 = off,
/// tests call <see cref="SweepAsync"/> with their own clock): escalates unacknowledged high alerts past the clinic's
/// time to its prescribers, raises missed-session and overdue-measure alerts (schedules from <see cref="ScheduleService"/>), and re-runs the booster rule for recently active patients.
/// Bounded (at most <see cref="Batch"/> rows of each kind per pass, <c>FollowUp:AlertSweepBatch</c>; the patient-wide
/// overdue and booster passes continue where the last pass stopped, so a clinic larger than one batch is covered in
/// turn, not just its first patients) and idempotent: keys are unique per clinic, an
/// escalation is marked on the (versioned) alert, and outbox messages have dedup keys, so several nodes or repeated
/// passes change nothing twice.
/// </summary>
internal sealed partial class AlertSweep(IServiceScopeFactory scopes, ClinicEvents events, TimeProvider time, IConfiguration configuration, ILogger<AlertSweep> logger)
    : BackgroundService
{
    public const int Batch = 500;

    /// <summary>Missed sessions are looked for among those booked in the last 14 days.</summary>
    private static readonly TimeSpan MissedLookBack = TimeSpan.FromDays(14);

    /// <summary>Boosters are re-evaluated for patients who answered in the last 30 days.</summary>
    private static readonly TimeSpan BoosterLookBack = TimeSpan.FromDays(30);

    private readonly SweepCursor _overdueCursor = new();
    private readonly SweepCursor _boosterCursor = new();

    private int SweepSeconds => Math.Clamp(configuration.GetValue("FollowUp:AlertSweepSeconds", 60), 0, 3600);

    private int BatchSize => Math.Clamp(configuration.GetValue("FollowUp:AlertSweepBatch", Batch), 1, 10_000);

    public async Task<SweepResult> SweepAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = ActivatorUtilities.CreateInstance<StillpointDbContext>(scope.ServiceProvider, (ICallerContext)SystemCaller.Instance, time);
        var library = scope.ServiceProvider.GetRequiredService<InstrumentLibrary>();
        var settings = (await db.Set<ClinicAlertSettings>().AsNoTracking().ToListAsync(ct)).ToDictionary(s => s.ClinicId, AlertSettingsStore.ToRules);
        ClinicFollowUpRules RulesOf(Guid clinic) => settings.GetValueOrDefault(clinic, ClinicFollowUpRules.Default);
        var escalated = await EscalateAsync(db, RulesOf, ct);
        var missed = await MissedSessionsAsync(db, RulesOf, ct);
        var overdue = await OverdueMeasuresAsync(db, ActivatorUtilities.CreateInstance<ScheduleService>(scope.ServiceProvider, db, time), RulesOf, ct);
        var boosters = await BoostersAsync(db, library, RulesOf, ct);
        return new SweepResult(escalated, missed, overdue, boosters);
    }

    private async Task<int> EscalateAsync(StillpointDbContext db, Func<Guid, ClinicFollowUpRules> rulesOf, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var high = nameof(AlertSeverity.High);
        var candidates = await db.Set<CareAlert>().AsNoTracking()
            .Where(a => a.State == AlertStates.Open && a.Severity == high && a.EscalatedAt == null)
            .OrderBy(a => a.RaisedAt).Take(BatchSize).ToListAsync(ct);
        var count = 0;
        foreach (var alert in candidates)
        {
            var domain = new FollowUpAlert(alert.Key, Enum.Parse<AlertKind>(alert.Kind), AlertSeverity.High, alert.RaisedAt, alert.Explanation);
            if (Escalation.Evaluate(domain, alert.AcknowledgedAt, now, rulesOf(alert.ClinicId).Alerts).State != EscalationState.Escalated)
            {
                continue;
            }

            db.Attach(alert); // tracked from here, so a failed save (cleared) leaves the next candidates untouched
            var notified = await CareTeamOutbox.EscalationAsync(db, alert, ct);
            alert.EscalatedAt = now;
            alert.EscalatedTo = string.Create(CultureInfo.InvariantCulture, $"{Roles.Prescriber} ({notified} notified)");
            if (await TrySaveAsync(db, ct))
            {
                count++;
                events.Publish(alert.ClinicId, ClinicTopics.Alerts, alert.Id);
            }
        }

        return count;
    }

    private async Task<int> MissedSessionsAsync(StillpointDbContext db, Func<Guid, ClinicFollowUpRules> rulesOf, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var since = now - MissedLookBack;
        var scheduled = nameof(Core.Sessions.SessionPhase.Scheduled);
        var sessions = await db.Set<DosingSession>().AsNoTracking()
            .Where(s => s.Phase == scheduled && s.ScheduledFor <= now && s.ScheduledFor >= since)
            .OrderBy(s => s.ScheduledFor).Take(BatchSize)
            .Select(s => new { s.Id, s.ClinicId, s.PatientId, s.ScheduledFor })
            .ToListAsync(ct);
        var count = 0;
        foreach (var session in sessions)
        {
            var found = AlertRules.MissedSessions([new DoseSession(session.Id, session.ScheduledFor, DoseState.Scheduled)], now, rulesOf(session.ClinicId).Alerts);
            foreach (var alert in found)
            {
                var source = new AlertSource(AlertSource.Session, session.Id.ToString());
                if (await AlertRaiser.RaiseAsync(db, session.ClinicId, session.PatientId, alert, source, ct) is { } row && await TrySaveAsync(db, ct))
                {
                    count++;
                    events.Publish(row.ClinicId, ClinicTopics.Alerts, row.Id);
                }
            }
        }

        return count;
    }

    /// <summary>Questionnaires left unanswered past the clinic's threshold, for patients with an active or recently completed plan.</summary>
    private async Task<int> OverdueMeasuresAsync(StillpointDbContext db, ScheduleService schedules, Func<Guid, ClinicFollowUpRules> rulesOf, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var followedSince = now - ScheduleSources.FollowUpAfterCourse;
        var patients = await db.Set<TreatmentPlan>().AsNoTracking()
            .Where(p => p.Status == PlanStatus.Active || (p.Status == PlanStatus.Completed && p.EndedAt >= followedSince))
            .Select(p => p.PatientId).Distinct().OrderBy(id => id).Skip(_overdueCursor.Offset).Take(BatchSize).ToListAsync(ct);
        _overdueCursor.Advance(patients.Count, BatchSize);
        var count = 0;
        foreach (var patientId in patients)
        {
            if (await schedules.ComputeAsync(patientId, now, ct) is not { } schedule)
            {
                continue;
            }

            foreach (var alert in AlertRules.Overdue(schedule.States, now, rulesOf(schedule.ClinicId).Alerts))
            {
                // Item keys ("rule/occurrence:n") repeat across patients: the stored key names the patient.
                var keyed = alert with { Key = string.Create(CultureInfo.InvariantCulture, $"overdue/{patientId}/{alert.Key["overdue/".Length..]}") };
                var source = new AlertSource(AlertSource.DueItem, alert.Key["overdue/".Length..]);
                if (await AlertRaiser.RaiseAsync(db, schedule.ClinicId, patientId, keyed, source, ct) is { } row && await TrySaveAsync(db, ct))
                {
                    count++;
                    events.Publish(row.ClinicId, ClinicTopics.Alerts, row.Id);
                }
            }
        }

        return count;
    }

    private async Task<int> BoostersAsync(StillpointDbContext db, InstrumentLibrary library, Func<Guid, ClinicFollowUpRules> rulesOf, CancellationToken ct)
    {
        var since = db.Time.GetUtcNow() - BoosterLookBack;
        var instruments = BoosterEvaluator.Instruments.ToList();
        var recent = await db.Set<InstrumentResponse>().AsNoTracking()
            .Where(r => r.RecordedAt >= since && r.Status == ResponseValues.Complete && instruments.Contains(r.InstrumentId))
            .Select(r => new { r.ClinicId, r.PatientId, r.InstrumentId })
            .Distinct().OrderBy(r => r.PatientId).ThenBy(r => r.InstrumentId).Skip(_boosterCursor.Offset).Take(BatchSize).ToListAsync(ct);
        _boosterCursor.Advance(recent.Count, BatchSize);
        var count = 0;
        foreach (var item in recent)
        {
            if (!library.TryGet(item.InstrumentId, out var definition))
            {
                continue;
            }

            var history = await MeasureHistory.CompleteAsync(db, item.PatientId, item.InstrumentId, null, ct);
            if (await BoosterEvaluator.EvaluateAsync(db, item.ClinicId, item.PatientId, definition, history, rulesOf(item.ClinicId).Booster, ct) is not null
                && await TrySaveAsync(db, ct))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Saves; a lost race with another node (duplicate key, stale version) drops this change and goes on.</summary>
    private static async Task<bool> TrySaveAsync(StillpointDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => SweepSeconds == 0
        ? Task.CompletedTask
        : PeriodicSweep.RunAsync(TimeSpan.FromSeconds(SweepSeconds), time, SweepAndLogAsync, _ => { }, error => LogSweepFailed(logger, error), stoppingToken);

    private async Task<int> SweepAndLogAsync(CancellationToken ct)
    {
        var result = await SweepAsync(ct);
        LogSwept(logger, result.Escalated, result.MissedSessions, result.OverdueMeasures, result.Boosters);
        return result.Escalated + result.MissedSessions + result.OverdueMeasures + result.Boosters;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Follow-up sweep: {Escalated} escalated, {Missed} missed-session and {Overdue} overdue-measure alert(s), {Boosters} booster suggestion(s).")]
    private static partial void LogSwept(ILogger logger, int escalated, int missed, int overdue, int boosters);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Follow-up sweep failed ({Error}); retrying at the next tick.")]
    private static partial void LogSweepFailed(ILogger logger, string error);
}
