using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Stillpoint.Core.Audit;
using Stillpoint.Data.Entities;

namespace Stillpoint.Data;

/// <summary>Saving with the audit trail: every clinical write and recorded read lands in the chain atomically.</summary>
public sealed partial class StillpointDbContext
{
    // The database lock is what keeps the chain linear (SQLite: the IMMEDIATE write transaction; PostgreSQL:
    // the head row's FOR UPDATE). This in-process lock only queues our own writers instead of busy-polling.
    private static readonly SemaphoreSlim ChainLock = new(1, 1);

    private readonly List<AuditDraft> _pendingReads = [];

    /// <summary>Queues an audit entry for a read of clinical data; it is written by the next save.</summary>
    public void RecordRead(string entityType, string? entityId, Guid? patientId, Guid? clinicId, string? details = null) =>
        _pendingReads.Add(new AuditDraft("read", entityType, entityId, patientId, clinicId ?? Caller.ClinicId, details));

    /// <summary>Records a read and saves it at once (for pages and endpoints that only read).</summary>
    public async Task AuditReadAsync(string entityType, string? entityId, Guid? patientId, Guid? clinicId, CancellationToken ct, string? details = null)
    {
        RecordRead(entityType, entityId, patientId, clinicId, details);
        await SaveChangesAsync(ct);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampClinicalRows();
        var drafts = CollectWriteDrafts();
        drafts.AddRange(_pendingReads);
        _pendingReads.Clear();
        if (drafts.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // Inside a caller's transaction the database lock is already held (SQLite begins transactions IMMEDIATE),
        // so waiting for the in-process lock here could invert lock order with a writer that holds it and waits
        // for the database: skip it and let the database serialize.
        if (Database.CurrentTransaction is not null)
        {
            return await SaveWithAuditAsync(drafts, acceptAllChangesOnSuccess, cancellationToken);
        }

        await ChainLock.WaitAsync(cancellationToken);
        try
        {
            return await SaveWithAuditAsync(drafts, acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChainLock.Release();
        }
    }

    private async Task<int> SaveWithAuditAsync(List<AuditDraft> drafts, bool acceptAll, CancellationToken ct)
    {
        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;
        var added = new List<AuditEntry>(drafts.Count);
        try
        {
            var head = await ReadHeadForUpdateAsync(ct);
            var previous = head.Hash;
            var sequence = head.Sequence;
            var now = AuditTimestamp();
            foreach (var draft in drafts)
            {
                var entry = draft.ToEntry(++sequence, now, new Audit.AuditActor(Caller.UserId, Caller.Role, Caller.RequestId), previous);
                previous = entry.Hash;
                added.Add(entry);
            }

            var summarised = Outcomes.OutcomeSummaryMaintenance.AffectedPatients(ChangeTracker);
            AuditEntries.AddRange(added);
            await Database.ExecuteSqlAsync(
                $"UPDATE \"AuditHeads\" SET \"Sequence\" = {sequence}, \"Hash\" = {previous} WHERE \"Id\" = 1", ct);
            var written = await base.SaveChangesAsync(acceptAll, ct);
            await Outcomes.OutcomeSummaryMaintenance.RefreshAsync(this, summarised, ct);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(ct);
            }

            return written;
        }
        catch
        {
            // Leave nothing half-done in the change tracker: a retry must not write these entries twice.
            foreach (var entry in added)
            {
                Entry(entry).State = EntityState.Detached;
            }

            throw;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    private async Task<AuditHead> ReadHeadForUpdateAsync(CancellationToken ct)
    {
        var sql = Database.IsNpgsql()
            ? "SELECT * FROM \"AuditHeads\" WHERE \"Id\" = 1 FOR UPDATE"
            : "SELECT * FROM \"AuditHeads\" WHERE \"Id\" = 1";
        var rows = await AuditHeads.FromSqlRaw(sql).AsNoTracking().ToListAsync(ct);
        return rows.Count == 1
            ? rows[0]
            : throw new InvalidOperationException("The audit head row is missing: run the database migrations.");
    }

    /// <summary>Sets the clinic on new clinical rows, refuses cross-clinic writes, bumps versions and timestamps.</summary>
    private void StampClinicalRows()
    {
        var now = Time.GetUtcNow();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is IClinicScoped scoped && entry.State == EntityState.Added)
            {
                StampNewRow(scoped);
            }

            if (entry.State == EntityState.Modified && entry.Entity is IVersioned)
            {
                var version = entry.Property(nameof(IVersioned.Version));
                version.CurrentValue = (int)version.OriginalValue! + 1;
            }

            StampTimes(entry, now);
        }
    }

    private void StampNewRow(IClinicScoped scoped)
    {
        if (scoped.ClinicId == Guid.Empty && Caller.ClinicId is { } clinic)
        {
            scoped.ClinicId = clinic;
        }

        if (scoped.ClinicId == Guid.Empty || (!Caller.IsSystem && scoped.ClinicId != Caller.ClinicId))
        {
            throw new InvalidOperationException("A clinical row must belong to the caller's clinic.");
        }
    }

    private static void StampTimes(EntityEntry entry, DateTimeOffset now)
    {
        if (entry.Entity is not Patient patient)
        {
            return;
        }

        if (entry.State == EntityState.Added)
        {
            patient.CreatedAt = now;
            patient.UpdatedAt = now;
        }
        else if (entry.State == EntityState.Modified)
        {
            patient.UpdatedAt = now;
        }
    }

    private List<AuditDraft> CollectWriteDrafts()
    {
        var drafts = new List<AuditDraft>();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is not IClinicScoped scoped || entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            var action = entry.State switch
            {
                EntityState.Added => "create",
                EntityState.Modified => "update",
                _ => "delete",
            };
            var changed = entry.State == EntityState.Modified
                ? "fields: " + string.Join(',', entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name))
                : null;
            drafts.Add(DraftFor(entry.Metadata, p => entry.Property(p.Name).CurrentValue, scoped, action, changed));
        }

        return drafts;
    }

    /// <summary>The audit draft of one write: entity type and primary key as <c>SaveChanges</c> records them.</summary>
    private static AuditDraft DraftFor(IEntityType type, Func<IProperty, object?> value, IClinicScoped scoped, string action, string? details)
    {
        var key = type.FindPrimaryKey()!.Properties.Select(p => value(p)?.ToString());
        return new AuditDraft(action, type.ClrType.Name, string.Join('/', key), (scoped as IPatientOwned)?.PatientId, scoped.ClinicId, details);
    }

    /// <summary>The audit time: now, truncated to microseconds (PostgreSQL keeps microseconds, so the hash still matches after a round trip).</summary>
    internal DateTimeOffset AuditTimestamp()
    {
        var ticks = Time.GetUtcNow().UtcTicks;
        return new DateTimeOffset(ticks - (ticks % 10), TimeSpan.Zero);
    }

    /// <summary>The "create" entry for a row inserted by an <see cref="Audit.AuditedBatch"/>, chained to <paramref name="previousHash"/>.</summary>
    internal AuditEntry CreateAuditEntry(IClinicScoped row, long sequence, DateTimeOffset at, Audit.AuditActor actor, string previousHash) =>
        DraftFor(Model.FindEntityType(row.GetType())!, p => p.PropertyInfo!.GetValue(row), row, "create", details: null).ToEntry(sequence, at, actor, previousHash);

    /// <summary>The chain head (locked for update on PostgreSQL; SQLite's write transaction already excludes other writers).</summary>
    internal async Task<(long Sequence, string Hash)> ReadAuditHeadAsync(CancellationToken ct)
    {
        var head = await ReadHeadForUpdateAsync(ct);
        return (head.Sequence, head.Hash);
    }

    /// <summary>
    /// Runs <paramref name="write"/> in one transaction (one commit, one fsync) under the audit chain's lock, taken
    /// before the database lock as <c>SaveChanges</c> does; then appends the audit entries of every row it inserted
    /// and the new head, and commits. On any exception nothing is written. For bulk ingestion only: the batch
    /// bypasses the change tracker, query filters and clinic stamping, so <paramref name="write"/> checks clinics itself.
    /// </summary>
    /// <param name="statements">A long-lived caller's prepared commands for this context's connection (null: prepare per batch).</param>
    public async Task RunAuditedBatchAsync(Func<Audit.AuditedBatch, CancellationToken, Task> write, CancellationToken ct, Audit.PreparedStatements? statements = null)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException("An audited batch runs in its own transaction.");
        }

        await ChainLock.WaitAsync(ct);
        try
        {
            await using var transaction = await Database.BeginTransactionAsync(ct);
            var batch = new Audit.AuditedBatch(this, Database.GetDbConnection(), transaction.GetDbTransaction(), statements);
            try
            {
                await write(batch, ct);
                await batch.FlushAsync(ct);
                await transaction.CommitAsync(ct);
            }
            finally
            {
                await batch.DisposeOwnedAsync();
            }
        }
        finally
        {
            ChainLock.Release();
        }
    }

    private sealed record AuditDraft(string Action, string EntityType, string? EntityId, Guid? PatientId, Guid? ClinicId, string? Details)
    {
        public AuditEntry ToEntry(long sequence, DateTimeOffset at, Audit.AuditActor caller, string previousHash)
        {
            var record = new AuditRecord(sequence, at, ClinicId, caller.UserId, caller.Role, Action, EntityType, EntityId, PatientId, caller.RequestId, Details);
            return new AuditEntry
            {
                Sequence = sequence,
                At = at,
                ClinicId = ClinicId,
                UserId = caller.UserId,
                Role = caller.Role,
                Action = Action,
                EntityType = EntityType,
                EntityId = EntityId,
                PatientId = PatientId,
                RequestId = caller.RequestId,
                Details = Details,
                PreviousHash = previousHash,
                Hash = AuditChain.ComputeHash(record, previousHash),
            };
        }
    }
}
