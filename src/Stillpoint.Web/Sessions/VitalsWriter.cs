using System.Data.Common;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stillpoint.Core.Sessions;
using Stillpoint.Data;
using Stillpoint.Data.Access;
using Stillpoint.Data.Audit;
using Stillpoint.Data.Database;
using Stillpoint.Data.Sessions;
using Stillpoint.Web.Live;

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

/// <summary>
/// The writer's own database caller: no clinic, not system, so the context's query filters show it nothing. The
/// writer reads with IgnoreQueryFilters and checks every request's clinic explicitly; rows and audit entries carry
/// each request's own clinic, user, role and request id.
/// </summary>
internal sealed class WriterCaller : ICallerContext
{
    public static readonly WriterCaller Instance = new();

    public bool IsSystem => false;

    public Guid? ClinicId => null;

    public Guid? PatientId => null;

    public Guid? UserId => null;

    public string? Role => null;

    public string? RequestId => null;
}

/// <summary>
/// Group commit for vitals ingestion. Requests are queued on a channel; one background writer takes everything
/// queued (up to <see cref="MaxBatch"/>, whoever sent it), writes all of it in ONE transaction (one fsync with SQLite
/// synchronous=FULL) and only then completes each request: acknowledged means committed.
/// The batch bypasses EF change tracking: rows go in as multi-row INSERTs through <see cref="AuditedBatch"/>, which
/// appends one audit entry per stored row (naming that row's request: clinic, user, role, request id) to the hash
/// chain in the same transaction. Sessions, idempotency keys and pre-dose baselines are read once per batch, inside
/// the transaction, so a session's phase is never stale and a key is checked against everything committed before.
/// If a batch fails, its requests are retried one by one, so one bad request cannot fail its neighbours.
/// The writer keeps one connection open for its life with its statements prepared once (replaced after a failure);
/// the SQLite WAL is checkpointed in the background (<see cref="WalCheckpointService"/>), plus a short catch-up on the
/// writer's connection between batches so the WAL restarts instead of growing.
/// </summary>
internal sealed partial class VitalsWriter(
    IServiceScopeFactory scopes, ClinicEvents events, IOptions<SessionRules> rules, SqliteCheckpointer checkpointer, TimeProvider time, ILogger<VitalsWriter> logger)
    : BackgroundService
{
    public const int MaxBatch = 1024;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly string[] PreDosePhases = [nameof(SessionPhase.CheckedIn), nameof(SessionPhase.Preparation)];

    private readonly Channel<VitalsWrite> _queue = Channel.CreateUnbounded<VitalsWrite>(new UnboundedChannelOptions { SingleReader = true });

    // The writer's one connection, open for its life, with its statements prepared once (only the writer thread uses them).
    private readonly PreparedStatements _statements = new();
    private AsyncServiceScope? _scope;
    private StillpointDbContext? _db;

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

    /// <summary>
    /// The writer runs on its own thread, not on the thread pool: under load the pool's queue is full of request work,
    /// and the one thread every request waits for must not queue behind it. With SQLite every database call completes
    /// synchronously on this thread; with PostgreSQL the thread waits for each batch.
    /// </summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run()
    {
        var reader = _queue.Reader;
        var batch = new List<VitalsWrite>(MaxBatch);
        while (reader.WaitToReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult())
        {
            while (batch.Count < MaxBatch && reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            WriteBatchAsync(batch).GetAwaiter().GetResult();
            batch.Clear();
        }

        CloseAsync().AsTask().GetAwaiter().GetResult();
    }

    private async Task<StillpointDbContext> OpenAsync()
    {
        if (_db is null)
        {
            _scope = scopes.CreateAsyncScope();
            _db = ActivatorUtilities.CreateInstance<StillpointDbContext>(_scope.Value.ServiceProvider, WriterCaller.Instance);
            await _db.Database.OpenConnectionAsync();
        }

        return _db;
    }

    /// <summary>Drops the connection and its statements (after a failure: the next batch starts on a fresh one).</summary>
    private async ValueTask CloseAsync()
    {
        _statements.Dispose();
        if (_db is not null)
        {
            await _db.DisposeAsync();
            _db = null;
        }

        if (_scope is { } scope)
        {
            await scope.DisposeAsync();
            _scope = null;
        }
    }

    private async Task WriteBatchAsync(List<VitalsWrite> batch)
    {
        try
        {
            var answers = await CommitAsync(batch);
            Complete(answers);
            await CatchUpCheckpointAsync();
        }
        catch (Exception ex) when (batch.Count > 1 && ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            LogBatchRetry(logger, batch.Count, ex.GetType().Name);
            await CloseAsync();
            foreach (var write in batch)
            {
                await WriteBatchAsync([write]);
            }
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException or OperationCanceledException)
        {
            LogWriteFailed(logger, ex.GetType().Name);
            await CloseAsync();
            foreach (var write in batch)
            {
                write.Done.TrySetResult(new WriteAnswer(StatusCodes.Status503ServiceUnavailable, null, "The vitals could not be stored; nothing was written. Retry with the same Idempotency-Key.", Replayed: false));
            }
        }
    }

    /// <summary>
    /// SQLite: when <see cref="SqliteCheckpointer.CatchUps"/> says so (rarely, just after a background checkpoint), after a commit (its requests
    /// already answered), checkpoint on the writer's own connection so the WAL restarts (see
    /// <see cref="SqliteCheckpointer.CatchUpAsync"/>) instead of growing until a blocking RESTART checkpoint.
    /// </summary>
    private async Task CatchUpCheckpointAsync()
    {
        if (!checkpointer.Enabled || _db is null || !checkpointer.CatchUps.IsDue())
        {
            return;
        }

        checkpointer.CatchUps.WriterCaughtUp();
        try
        {
            var started = time.GetTimestamp();
            var result = await SqliteCheckpointer.CatchUpAsync(_db.Database.GetDbConnection(), CancellationToken.None);
            var elapsed = time.GetElapsedTime(started).TotalMilliseconds;
            LogCaughtUp(logger, elapsed, result.LogPages);
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            LogCheckpointFailed(logger, ex.SqliteErrorCode);
        }
    }

    private void Complete(List<(VitalsWrite Write, WriteAnswer Answer)> answers)
    {
        var changed = new HashSet<(Guid Clinic, Guid Session)>();
        foreach (var (write, answer) in answers)
        {
            write.Done.TrySetResult(answer);
            if (answer is { StatusCode: StatusCodes.Status201Created, Replayed: false })
            {
                changed.Add((write.ClinicId, write.SessionId));
            }
        }

        // One "changed" per session and batch: a monitor re-reads the session once however many readings arrived.
        foreach (var (clinic, session) in changed)
        {
            events.Publish(clinic, ClinicTopics.Sessions, session);
        }
    }

    private async Task<List<(VitalsWrite, WriteAnswer)>> CommitAsync(List<VitalsWrite> batch)
    {
        var db = await OpenAsync();
        var answers = new List<(VitalsWrite, WriteAnswer)>(batch.Count);
        await db.RunAuditedBatchAsync(
            async (rows, ct) =>
            {
                answers.Clear();
                await StageAsync(db, rows, batch, answers, ct);
            },
            CancellationToken.None,
            _statements);
        return answers;
    }

    private async Task StageAsync(StillpointDbContext db, AuditedBatch rows, List<VitalsWrite> writes, List<(VitalsWrite, WriteAnswer)> answers, CancellationToken ct)
    {
        var sessions = await SessionsAsync(rows, writes.Select(w => w.SessionId).Distinct().ToList(), ct);
        var stored = await StoredAnswersAsync(rows, writes, ct);
        // Clinic isolation: another clinic's session is "not found" for this request.
        SessionFacts? Find(VitalsWrite w) => sessions.TryGetValue(w.SessionId, out var s) && s.ClinicId == w.ClinicId ? s : null;
        var baselines = await PreDoseBaselinesAsync(db, writes.Select(Find).OfType<SessionFacts>()
            .Where(s => s.Phase is nameof(SessionPhase.Dosing) or nameof(SessionPhase.Integration)).Distinct(), ct);
        var inBatch = new Dictionary<(Guid, string), (string Hash, WriteAnswer Answer)>();
        var now = time.GetUtcNow();
        foreach (var write in writes)
        {
            var key = (write.ClinicId, write.Key);
            if (stored.TryGetValue(key, out var record))
            {
                answers.Add((write, Replay(record.RequestHash, record.StatusCode, record.ResponseJson, write)));
                continue;
            }

            if (inBatch.TryGetValue(key, out var earlier))
            {
                answers.Add((write, Replay(earlier.Hash, earlier.Answer.StatusCode, earlier.Answer.Json ?? string.Empty, write)));
                continue;
            }

            var answer = Stage(rows, write, Find(write), baselines, now);
            if (answer.StatusCode == StatusCodes.Status201Created)
            {
                rows.Insert(new IdempotencyRecord
                {
                    ClinicId = write.ClinicId, Key = write.Key, RequestHash = write.Hash, StatusCode = answer.StatusCode, ResponseJson = answer.Json!, CreatedAt = now,
                });
                inBatch[key] = (write.Hash, answer);
            }

            answers.Add((write, answer));
        }
    }

    private WriteAnswer Stage(AuditedBatch rows, VitalsWrite write, SessionFacts? session, Dictionary<Guid, VitalSigns> baselines, DateTimeOffset now)
    {
        if (session is null)
        {
            return new WriteAnswer(StatusCodes.Status404NotFound, null, $"No session {write.SessionId}.", Replayed: false);
        }

        var phase = Enum.Parse<SessionPhase>(session.Phase);
        if (!SessionStateMachine.IsInProgress(phase))
        {
            return new WriteAnswer(StatusCodes.Status409Conflict, null, $"The session is {phase}: vitals are recorded from check-in until discharge.", Replayed: false);
        }

        var actor = new AuditActor(write.UserId, write.Role, write.RequestId);
        var entries = new List<EntryRef>(write.Readings.Count);
        var alerts = new List<AlertDto>();
        var evaluate = phase is SessionPhase.Dosing or SessionPhase.Integration;
        baselines.TryGetValue(write.SessionId, out var baseline);
        foreach (var reading in write.Readings)
        {
            var entry = SessionEntryFactory.Vitals(write.SessionId, session.PatientId, session.Phase, reading, write.UserId, now, write.Source);
            entry.ClinicId = write.ClinicId;
            rows.InsertAudited(entry, actor);
            entries.Add(new EntryRef(entry.Id, entry.At));
            if (!evaluate)
            {
                continue;
            }

            // Issue 5 §5: every vitals entry is evaluated; pre-dose values are the go/no-go check's business.
            foreach (var alert in SafetyRules.EvaluateVitals(reading, rules.Value, baseline))
            {
                var row = SessionEntryFactory.Alert(write.SessionId, session.PatientId, session.Phase, alert, entry.Id, reading.TakenAt, now);
                row.ClinicId = write.ClinicId;
                rows.InsertAudited(row, actor);
                alerts.Add(new AlertDto(row.Id, alert.Code, alert.Severity.ToString(), alert.Explanation, row.At, Acknowledged: false));
            }
        }

        var json = JsonSerializer.Serialize(new VitalsResult(entries, alerts), Json);
        return new WriteAnswer(StatusCodes.Status201Created, json, null, Replayed: false);
    }

    /// <summary>Each session's clinic, patient and phase, read inside the batch's transaction (never stale).</summary>
    private static async Task<Dictionary<Guid, SessionFacts>> SessionsAsync(AuditedBatch rows, List<Guid> ids, CancellationToken ct)
    {
        var sessions = new Dictionary<Guid, SessionFacts>(ids.Count);
        const string Select = "SELECT \"Id\", \"ClinicId\", \"PatientId\", \"Phase\" FROM \"DosingSessions\" WHERE \"Id\" ";
        if (rows.IsNpgsql)
        {
            await using var all = rows.Command(Select + "= ANY(@ids)");
            AuditedBatch.AddParameter(all, "@ids", ids.ToArray());
            await ReadSessionsAsync(all, sessions, ct);
            return sessions;
        }

        var one = await rows.PreparedAsync(Select + "= @id", c => rows.Parameter<DosingSession>(c, "@id", nameof(DosingSession.Id), Guid.Empty), ct);
        var id = one.Parameters[0];
        foreach (var sessionId in ids)
        {
            id.Value = sessionId.ToString().ToUpperInvariant();
            await ReadSessionsAsync(one, sessions, ct);
        }

        return sessions;
    }

    private static async Task ReadSessionsAsync(DbCommand command, Dictionary<Guid, SessionFacts> sessions, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var facts = new SessionFacts(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetString(3));
            sessions[facts.Id] = facts;
        }
    }

    /// <summary>The stored answers for the batch's idempotency keys (per clinic: keys are scoped to a clinic).</summary>
    private static async Task<Dictionary<(Guid, string), IdempotencyRecord>> StoredAnswersAsync(AuditedBatch rows, List<VitalsWrite> writes, CancellationToken ct)
    {
        var stored = new Dictionary<(Guid, string), IdempotencyRecord>();
        const string Select = "SELECT \"ClinicId\", \"Key\", \"RequestHash\", \"StatusCode\", \"ResponseJson\" FROM \"IdempotencyRecords\" WHERE \"ClinicId\" = @c AND \"Key\" ";
        if (rows.IsNpgsql)
        {
            foreach (var group in writes.GroupBy(w => w.ClinicId))
            {
                await using var all = rows.Command(Select + "= ANY(@keys)");
                AuditedBatch.AddParameter(all, "@c", group.Key);
                AuditedBatch.AddParameter(all, "@keys", group.Select(w => w.Key).Distinct(StringComparer.Ordinal).ToArray());
                await ReadAnswersAsync(all, stored, ct);
            }

            return stored;
        }

        // SQLite: one prepared primary-key lookup per request, in-process.
        var one = await rows.PreparedAsync(Select + "= @k", c =>
        {
            rows.Parameter<IdempotencyRecord>(c, "@c", nameof(IdempotencyRecord.ClinicId), Guid.Empty);
            rows.Parameter<IdempotencyRecord>(c, "@k", nameof(IdempotencyRecord.Key), string.Empty);
        }, ct);
        var clinic = one.Parameters[0];
        var key = one.Parameters[1];
        foreach (var write in writes)
        {
            clinic.Value = write.ClinicId.ToString().ToUpperInvariant();
            key.Value = write.Key;
            await ReadAnswersAsync(one, stored, ct);
        }

        return stored;
    }

    private static async Task ReadAnswersAsync(DbCommand command, Dictionary<(Guid, string), IdempotencyRecord> stored, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var record = new IdempotencyRecord
            {
                ClinicId = reader.GetGuid(0), Key = reader.GetString(1), RequestHash = reader.GetString(2), StatusCode = reader.GetInt32(3), ResponseJson = reader.GetString(4),
            };
            stored[(record.ClinicId, record.Key)] = record;
        }
    }

    private static WriteAnswer Replay(string storedHash, int status, string json, VitalsWrite write) =>
        string.Equals(storedHash, write.Hash, StringComparison.Ordinal)
            ? new WriteAnswer(status, json, null, Replayed: true)
            : new WriteAnswer(StatusCodes.Status409Conflict, null, "This Idempotency-Key was already used for a different request.", Replayed: false);

    /// <summary>
    /// The last pre-dose vitals with a blood pressure for each session being dosed or in integration (the baseline
    /// for the §12.2 rise rules). One indexed lookup per such session; sessions before dosing need none.
    /// </summary>
    private static async Task<Dictionary<Guid, VitalSigns>> PreDoseBaselinesAsync(StillpointDbContext db, IEnumerable<SessionFacts> evaluatedSessions, CancellationToken ct)
    {
        var baselines = new Dictionary<Guid, VitalSigns>();
        foreach (var session in evaluatedSessions)
        {
            var row = await db.Set<SessionEntry>().IgnoreQueryFilters().AsNoTracking()
                .Where(e => e.ClinicId == session.ClinicId && e.SessionId == session.Id && e.Kind == EntryKinds.Vitals && PreDosePhases.Contains(e.Phase) && e.Systolic != null)
                .OrderByDescending(e => e.At).FirstOrDefaultAsync(ct);
            if (row is not null)
            {
                baselines[session.Id] = SessionEntryFactory.ToVitals(row);
            }
        }

        return baselines;
    }

    private sealed record SessionFacts(Guid Id, Guid ClinicId, Guid PatientId, string Phase);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Vitals batch of {Count} failed ({Error}); retrying one by one.")]
    private static partial void LogBatchRetry(ILogger logger, int count, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writer-side WAL checkpoint failed (SQLite error {Code}); the background checkpoint continues.")]
    private static partial void LogCheckpointFailed(ILogger logger, int code);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Writer caught the WAL up in {Milliseconds:F1} ms ({Pages} pages in the WAL).")]
    private static partial void LogCaughtUp(ILogger logger, double milliseconds, long pages);

    [LoggerMessage(Level = LogLevel.Error, Message = "Vitals write failed ({Error}); answered 503.")]
    private static partial void LogWriteFailed(ILogger logger, string error);
}
