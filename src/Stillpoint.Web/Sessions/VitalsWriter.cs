using System.Text.Json;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stillpoint.Core.Sessions;
using Stillpoint.Data;
using Stillpoint.Data.Access;
using Stillpoint.Data.Sessions;

namespace Stillpoint.Web.Sessions;

/// <summary>One request's vitals waiting to be written, and how to answer it once committed.</summary>
internal sealed class VitalsWrite(Guid clinicId, Guid? userId, string? role, string? requestId, Guid sessionId, IReadOnlyList<VitalSigns> readings, string key, string hash, string source)
{
    public Guid ClinicId => clinicId;

    public Guid? UserId => userId;

    public string? Role => role;

    public string? RequestId => requestId;

    public Guid SessionId => sessionId;

    public IReadOnlyList<VitalSigns> Readings => readings;

    public string Key => key;

    public string Hash => hash;

    public string Source => source;

    public TaskCompletionSource<WriteAnswer> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>The answer: HTTP status, the JSON body (201) or a problem detail, and whether it is a replay.</summary>
internal sealed record WriteAnswer(int StatusCode, string? Json, string? Problem, bool Replayed);

/// <summary>The caller the writer impersonates for one group of requests (same clinic, user and role).</summary>
internal sealed class WriterCaller : ICallerContext
{
    public bool IsSystem => false;

    public Guid? ClinicId { get; set; }

    public Guid? PatientId => null;

    public Guid? UserId { get; set; }

    public string? Role { get; set; }

    public string? RequestId { get; set; }
}

/// <summary>
/// Group commit for vitals ingestion. Requests are queued on a channel; one background writer takes everything
/// queued (up to <see cref="MaxBatch"/>), writes all of it in ONE transaction (one fsync with SQLite
/// synchronous=FULL), and only then completes each request: acknowledged means committed.
/// A batch holds one caller's requests (clinic, user, role) and is saved with one StillpointDbContext.SaveChangesAsync,
/// so every row gets its own audit entry naming that clinic, user and role; the audit RequestId of grouped rows is
/// the first request's id plus the group size (documented).
/// If a batch fails, its requests are retried one by one, so one bad request cannot fail its neighbours.
/// </summary>
internal sealed partial class VitalsWriter(
    IServiceScopeFactory scopes, SessionEvents events, IOptions<SessionRules> rules, TimeProvider time, ILogger<VitalsWriter> logger)
    : BackgroundService
{
    public const int MaxBatch = 1024;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Channel<VitalsWrite> _queue = Channel.CreateUnbounded<VitalsWrite>(new UnboundedChannelOptions { SingleReader = true });

    public Task<WriteAnswer> SubmitAsync(VitalsWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (!_queue.Writer.TryWrite(write))
        {
            return Task.FromResult(new WriteAnswer(StatusCodes.Status503ServiceUnavailable, null, "The server is shutting down; retry with the same Idempotency-Key.", Replayed: false));
        }

        return write.Done.Task;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Requests of other callers drained with this round wait here for the next one (FIFO per caller).
        var pending = new List<VitalsWrite>();
        var reader = _queue.Reader;
        while (pending.Count > 0 || await reader.WaitToReadAsync(CancellationToken.None))
        {
            while (pending.Count < MaxBatch && reader.TryRead(out var write))
            {
                pending.Add(write);
            }

            // One batch = one caller (clinic, user, role) = one SaveChanges = one transaction and one fsync, with
            // every row's audit entry naming that caller. The audit chain's lock is taken inside SaveChanges only,
            // never while this writer holds a database transaction (no lock-order deadlock with other writers).
            var key = (pending[0].ClinicId, pending[0].UserId, pending[0].Role);
            var batch = pending.Where(w => (w.ClinicId, w.UserId, w.Role) == key).ToList();
            pending.RemoveAll(w => (w.ClinicId, w.UserId, w.Role) == key);
            await WriteBatchAsync(batch);
        }
    }

    private async Task WriteBatchAsync(List<VitalsWrite> batch)
    {
        try
        {
            var answers = await CommitAsync(batch);
            Complete(answers);
        }
        catch (Exception ex) when (batch.Count > 1 && ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            LogBatchRetry(logger, batch.Count, ex.GetType().Name);
            foreach (var write in batch)
            {
                await WriteBatchAsync([write]);
            }
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException or OperationCanceledException)
        {
            LogWriteFailed(logger, ex.GetType().Name);
            foreach (var write in batch)
            {
                write.Done.TrySetResult(new WriteAnswer(StatusCodes.Status503ServiceUnavailable, null, "The vitals could not be stored; nothing was written. Retry with the same Idempotency-Key.", Replayed: false));
            }
        }
    }

    private void Complete(List<(VitalsWrite Write, WriteAnswer Answer)> answers)
    {
        foreach (var (write, answer) in answers)
        {
            write.Done.TrySetResult(answer);
            if (answer is { StatusCode: StatusCodes.Status201Created })
            {
                events.Publish(write.ClinicId, write.SessionId);
            }
        }
    }

    private async Task<List<(VitalsWrite, WriteAnswer)>> CommitAsync(List<VitalsWrite> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var first = batch[0];
        var caller = new WriterCaller
        {
            ClinicId = first.ClinicId,
            UserId = first.UserId,
            Role = first.Role,
            RequestId = batch.Count == 1 ? first.RequestId : $"{first.RequestId} (+{batch.Count - 1} grouped)",
        };
        await using var db = ActivatorUtilities.CreateInstance<StillpointDbContext>(scope.ServiceProvider, caller);
        var answers = new List<(VitalsWrite, WriteAnswer)>(batch.Count);
        await StageGroupAsync(db, first.ClinicId, batch, answers);
        await db.SaveChangesAsync();
        return answers;
    }

    private async Task StageGroupAsync(StillpointDbContext db, Guid clinicId, List<VitalsWrite> writes, List<(VitalsWrite, WriteAnswer)> answers)
    {
        var sessionIds = writes.Select(w => w.SessionId).Distinct().ToList();
        var keys = writes.Select(w => w.Key).Distinct(StringComparer.Ordinal).ToList();
        var sessions = await db.Set<DosingSession>().AsNoTracking()
            .Where(s => sessionIds.Contains(s.Id))
            .Select(s => new { s.Id, s.PatientId, s.Phase })
            .ToDictionaryAsync(s => s.Id);
        var stored = await db.Set<IdempotencyRecord>().AsNoTracking()
            .Where(r => r.ClinicId == clinicId && keys.Contains(r.Key))
            .ToDictionaryAsync(r => r.Key, StringComparer.Ordinal);
        var baselines = await PreDoseBaselinesAsync(db, sessions.Values
            .Where(s => s.Phase is nameof(SessionPhase.Dosing) or nameof(SessionPhase.Integration)).Select(s => s.Id));
        var inBatch = new Dictionary<string, (string Hash, WriteAnswer Answer)>(StringComparer.Ordinal);
        var now = time.GetUtcNow();
        foreach (var write in writes)
        {
            if (stored.TryGetValue(write.Key, out var record))
            {
                answers.Add((write, Replay(record.RequestHash, record.StatusCode, record.ResponseJson, write)));
                continue;
            }

            if (inBatch.TryGetValue(write.Key, out var earlier))
            {
                answers.Add((write, Replay(earlier.Hash, earlier.Answer.StatusCode, earlier.Answer.Json ?? string.Empty, write)));
                continue;
            }

            var answer = Stage(db, write, sessions.TryGetValue(write.SessionId, out var s) ? (s.PatientId, s.Phase) : null, baselines, now);
            if (answer.StatusCode == StatusCodes.Status201Created)
            {
                db.Set<IdempotencyRecord>().Add(new IdempotencyRecord
                {
                    ClinicId = clinicId, Key = write.Key, RequestHash = write.Hash, StatusCode = answer.StatusCode, ResponseJson = answer.Json!, CreatedAt = now,
                });
                inBatch[write.Key] = (write.Hash, answer);
            }

            answers.Add((write, answer));
        }
    }

    private WriteAnswer Stage(StillpointDbContext db, VitalsWrite write, (Guid PatientId, string Phase)? session, Dictionary<Guid, VitalSigns> baselines, DateTimeOffset now)
    {
        if (session is not { } found)
        {
            return new WriteAnswer(StatusCodes.Status404NotFound, null, $"No session {write.SessionId}.", Replayed: false);
        }

        var phase = Enum.Parse<SessionPhase>(found.Phase);
        if (!SessionStateMachine.IsInProgress(phase))
        {
            return new WriteAnswer(StatusCodes.Status409Conflict, null, $"The session is {phase}: vitals are recorded from check-in until discharge.", Replayed: false);
        }

        var entries = new List<EntryRef>(write.Readings.Count);
        var alerts = new List<AlertDto>();
        var evaluate = phase is SessionPhase.Dosing or SessionPhase.Integration;
        baselines.TryGetValue(write.SessionId, out var baseline);
        foreach (var reading in write.Readings)
        {
            var entry = SessionEntryFactory.Vitals(write.SessionId, found.PatientId, found.Phase, reading, write.UserId, now, write.Source);
            db.Set<SessionEntry>().Add(entry);
            entries.Add(new EntryRef(entry.Id, entry.At));
            if (!evaluate)
            {
                continue;
            }

            // Issue 5 §5: every vitals entry is evaluated; pre-dose values are the go/no-go check's business.
            foreach (var alert in SafetyRules.EvaluateVitals(reading, rules.Value, baseline))
            {
                var row = SessionEntryFactory.Alert(write.SessionId, found.PatientId, found.Phase, alert, entry.Id, reading.TakenAt, now);
                db.Set<SessionEntry>().Add(row);
                alerts.Add(new AlertDto(row.Id, alert.Code, alert.Severity.ToString(), alert.Explanation, row.At, Acknowledged: false));
            }
        }

        var json = JsonSerializer.Serialize(new VitalsResult(entries, alerts), Json);
        return new WriteAnswer(StatusCodes.Status201Created, json, null, Replayed: false);
    }

    private static WriteAnswer Replay(string storedHash, int status, string json, VitalsWrite write) =>
        string.Equals(storedHash, write.Hash, StringComparison.Ordinal)
            ? new WriteAnswer(status, json, null, Replayed: true)
            : new WriteAnswer(StatusCodes.Status409Conflict, null, "This Idempotency-Key was already used for a different request.", Replayed: false);

    /// <summary>
    /// The last pre-dose vitals with a blood pressure for each session being dosed or in integration (the baseline
    /// for the §12.2 rise rules). One indexed lookup per such session; sessions before dosing need none.
    /// </summary>
    private static async Task<Dictionary<Guid, VitalSigns>> PreDoseBaselinesAsync(StillpointDbContext db, IEnumerable<Guid> evaluatedSessions)
    {
        var preDosePhases = new[] { nameof(SessionPhase.CheckedIn), nameof(SessionPhase.Preparation) };
        var baselines = new Dictionary<Guid, VitalSigns>();
        foreach (var id in evaluatedSessions)
        {
            var row = await db.Set<SessionEntry>().AsNoTracking()
                .Where(e => e.SessionId == id && e.Kind == EntryKinds.Vitals && preDosePhases.Contains(e.Phase) && e.Systolic != null)
                .OrderByDescending(e => e.At).FirstOrDefaultAsync();
            if (row is not null)
            {
                baselines[id] = SessionEntryFactory.ToVitals(row);
            }
        }

        return baselines;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Vitals batch of {Count} failed ({Error}); retrying one by one.")]
    private static partial void LogBatchRetry(ILogger logger, int count, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Vitals write failed ({Error}); answered 503.")]
    private static partial void LogWriteFailed(ILogger logger, string error);
}
