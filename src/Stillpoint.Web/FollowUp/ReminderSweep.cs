using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.Plans;
using Stillpoint.Core.Sessions;
using Stillpoint.Data;
using Stillpoint.Data.Access;
using Stillpoint.Data.Assessment;
using Stillpoint.Data.Sessions;

namespace Stillpoint.Web.FollowUp;

/// <summary>
/// The reminder sweep: every <c>FollowUp:ReminderSweepSeconds</c> (default 300; 0 = off) it writes the reminders of
/// patients with an active or recently completed plan, or a session within the next day (<see cref="ReminderWriter"/>).
/// Bounded: at most <see cref="MaxPatientsPerPass"/> patients per pass, the next pass continuing where it stopped.
/// Tests call <see cref="SweepPatientAsync"/> or <see cref="SweepClinicAsync"/> directly with their own clock.
/// </summary>
internal sealed partial class ReminderSweep(IServiceScopeFactory scopes, TimeProvider time, IConfiguration configuration, ILogger<ReminderSweep> logger)
    : BackgroundService
{
    public const int MaxPatientsPerPass = 500;

    private readonly SweepCursor _cursor = new();

    private int SweepSeconds => Math.Clamp(configuration.GetValue("FollowUp:ReminderSweepSeconds", 300), 0, 86_400);

    /// <summary>One bounded pass over every clinic; returns how many reminders were written.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var (ids, written) = await RunAsync(null, MaxPatientsPerPass, _cursor.Offset, ct);
        _cursor.Advance(ids, MaxPatientsPerPass);
        return written;
    }

    public async Task<int> SweepClinicAsync(Guid clinicId, CancellationToken ct) => (await RunAsync(clinicId, int.MaxValue, 0, ct)).Written;

    public async Task<int> SweepPatientAsync(Guid patientId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (db, schedules) = SystemServices(scope);
        await using (db)
        {
            return await ReminderWriter.WriteAsync(db, schedules, patientId, time.GetUtcNow(), ct);
        }
    }

    private async Task<(int Patients, int Written)> RunAsync(Guid? clinicId, int take, int skip, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (db, schedules) = SystemServices(scope);
        await using (db)
        {
            var now = time.GetUtcNow();
            var ids = await Candidates(db, clinicId, now).Skip(skip).Take(take).ToListAsync(ct);
            var written = 0;
            foreach (var id in ids)
            {
                written += await ReminderWriter.WriteAsync(db, schedules, id, time.GetUtcNow(), ct);
            }

            return (ids.Count, written);
        }
    }

    /// <summary>Patients who may have something to be reminded of, in a stable order.</summary>
    private static IQueryable<Guid> Candidates(StillpointDbContext db, Guid? clinicId, DateTimeOffset now)
    {
        var since = now - ScheduleSources.FollowUpAfterCourse;
        var until = now + ReminderWriter.SessionLead;
        var planned = db.Set<TreatmentPlan>()
            .Where(p => clinicId == null || p.ClinicId == clinicId)
            .Where(p => p.Status == PlanStatus.Active || (p.Status == PlanStatus.Completed && p.EndedAt > since))
            .Select(p => p.PatientId);
        var booked = db.Set<DosingSession>()
            .Where(s => clinicId == null || s.ClinicId == clinicId)
            .Where(s => s.Phase == nameof(SessionPhase.Scheduled) && s.ScheduledFor > now && s.ScheduledFor <= until)
            .Select(s => s.PatientId);
        return planned.Union(booked).OrderBy(id => id);
    }

    /// <summary>A system-caller context (no clinic filter: the sweep stamps each row's clinic itself) and a schedule service over it.</summary>
    private (StillpointDbContext Db, ScheduleService Schedules) SystemServices(AsyncServiceScope scope)
    {
        var db = ActivatorUtilities.CreateInstance<StillpointDbContext>(scope.ServiceProvider, (ICallerContext)SystemCaller.Instance);
        return (db, new ScheduleService(db, time));
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => SweepSeconds == 0
        ? Task.CompletedTask
        : PeriodicSweep.RunAsync(TimeSpan.FromSeconds(SweepSeconds), time, SweepAsync, count => LogWritten(logger, count), error => LogSweepFailed(logger, error), stoppingToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder sweep: {Count} reminder(s) written.")]
    private static partial void LogWritten(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder sweep failed ({Error}); retrying at the next tick.")]
    private static partial void LogSweepFailed(ILogger logger, string error);
}
