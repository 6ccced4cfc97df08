using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.Common;
using Stillpoint.Core.Ledger;
using Stillpoint.Data;
using Stillpoint.Data.Ledger;

namespace Stillpoint.Web.Ledger;

internal sealed record LedgerEntryDto(
    Guid Id, string LotNumber, int LotSequence, string Kind, decimal ChangeMg, decimal BalanceAfterMg, DateOnly? Expiry, decimal? ConcentrationMgPerMl,
    Guid? SessionId, Guid? WitnessId, string? Reason, Guid? RecordedBy, DateTimeOffset RecordedAt)
{
    public static LedgerEntryDto From(LedgerEntry e) => new(
        e.Id, e.LotNumber, e.LotSequence, e.Kind, e.ChangeMg, e.BalanceAfterMg, e.Expiry, e.ConcentrationMgPerMl, e.SessionId, e.WitnessId, e.Reason, e.RecordedBy, e.RecordedAt);
}

internal sealed record LedgerRequest(LedgerEntryKind? Kind, string? LotNumber, decimal? AmountMg, DateOnly? Expiry, decimal? ConcentrationMgPerMl, Guid? SessionId, Guid? WitnessId, string? Reason);

internal sealed record LotSummary(string LotNumber, DateOnly? Expiry, decimal ReceivedMg, decimal DispensedMg, decimal WastedMg, decimal AdjustedMg, decimal BalanceMg);

/// <summary>Reconciliation for a date range: per lot, the balance at the start, each kind's movements, and the balance at the end.</summary>
internal sealed record ReconciliationLot(string LotNumber, decimal OpeningMg, decimal ReceivedMg, decimal DispensedMg, decimal WastedMg, decimal AdjustedMg, decimal ClosingMg);

internal sealed record Reconciliation(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<ReconciliationLot> Lots, IReadOnlyList<LedgerEntryDto> Entries);

/// <summary>
/// The controlled-substance ledger (issue 5 §9). Entries are immutable; each lot's entries are numbered and the
/// number is unique, so a movement computed from a stale balance cannot land (never negative, even concurrently).
/// </summary>
internal sealed class LedgerService(StillpointDbContext db)
{
    private const int Attempts = 50;

    public async Task<Outcome<LedgerEntryDto>> RecordAsync(LedgerRequest r, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(r);
        var movement = new LedgerMovement(r.Kind, r.LotNumber?.Trim(), r.AmountMg, r.Expiry, r.ConcentrationMgPerMl, r.SessionId, r.WitnessId, r.Reason?.Trim());
        for (var attempt = 1; ; attempt++)
        {
            var staged = await StageAsync(movement, ct);
            if (!staged.Succeeded)
            {
                return staged;
            }

            try
            {
                await db.SaveChangesAsync(ct);
                return staged;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Another movement on this lot landed first (unique lot sequence): recompute from the new balance.
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(1, 10 * attempt), ct);
            }
        }
    }

    /// <summary>Validates a movement against the lot's current balance and adds its entry (the caller saves).</summary>
    public async Task<Outcome<LedgerEntryDto>> StageAsync(LedgerMovement movement, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(movement);
        var lot = movement.LotNumber ?? string.Empty;
        var last = await db.Set<LedgerEntry>().AsNoTracking().Where(e => e.LotNumber == lot).OrderByDescending(e => e.LotSequence).FirstOrDefaultAsync(ct);
        if (last is null && movement.Kind is not (null or LedgerEntryKind.Received))
        {
            return Outcome<LedgerEntryDto>.Invalid("lotNumber", $"Lot {lot} is not in this clinic's stock: receive it first.");
        }

        if (last is not null && movement.Kind == LedgerEntryKind.Received)
        {
            return Outcome<LedgerEntryDto>.Invalid("lotNumber", $"Lot {lot} was already received; book more stock as an adjustment with a reason.");
        }

        if (movement.WitnessId is { } witness && !await db.Users.AnyAsync(u => u.Id == witness && u.ClinicId == db.Caller.ClinicId, ct))
        {
            return Outcome<LedgerEntryDto>.Invalid("witnessId", "The witness must be a staff member of this clinic.");
        }

        var current = last is null ? LotBalance.Empty(lot) : new LotBalance(lot, last.BalanceAfterMg, 0m, 0m, 0m);
        var outcome = StockLedger.Apply(current, movement, db.Caller.UserId ?? Guid.Empty, DateOnly.FromDateTime(db.Time.GetUtcNow().UtcDateTime));
        if (!outcome.Succeeded)
        {
            return outcome.Failure == FailureKind.Invalid ? Outcome<LedgerEntryDto>.Invalid(outcome.Errors!) : Outcome<LedgerEntryDto>.Conflict(outcome.Message!);
        }

        var first = await db.Set<LedgerEntry>().AsNoTracking().Where(e => e.LotNumber == lot && e.LotSequence == 1).FirstOrDefaultAsync(ct);
        var entry = new LedgerEntry
        {
            LotNumber = lot,
            LotSequence = (last?.LotSequence ?? 0) + 1,
            Kind = outcome.Value!.Kind.ToString(),
            ChangeMg = outcome.Value.ChangeMg,
            BalanceAfterMg = outcome.Value.BalanceAfterMg,
            Expiry = movement.Expiry ?? first?.Expiry,
            ConcentrationMgPerMl = movement.ConcentrationMgPerMl ?? first?.ConcentrationMgPerMl,
            SessionId = movement.SessionId,
            WitnessId = movement.WitnessId,
            Reason = movement.Reason,
            RecordedBy = db.Caller.UserId,
            RecordedAt = db.Time.GetUtcNow(),
        };
        db.Set<LedgerEntry>().Add(entry);
        return Outcome<LedgerEntryDto>.Ok(LedgerEntryDto.From(entry));
    }

    public async Task<IReadOnlyList<LotSummary>> BalancesAsync(CancellationToken ct)
    {
        var entries = await db.Set<LedgerEntry>().AsNoTracking().ToListAsync(ct);
        await db.AuditReadAsync(nameof(LedgerEntry), null, null, db.Caller.ClinicId, ct, "balances");
        return [.. entries.GroupBy(e => e.LotNumber, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var b = Fold(g);
            return new LotSummary(g.Key, g.First(e => e.LotSequence == 1).Expiry, b.ReceivedMg, b.DispensedMg, b.WastedMg, b.AdjustedMg, b.BalanceMg);
        })];
    }

    public async Task<Outcome<Reconciliation>> ReconcileAsync(DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct)
    {
        var end = to ?? db.Time.GetUtcNow();
        var start = from ?? end.AddDays(-30);
        if (start > end)
        {
            return Outcome<Reconciliation>.Invalid("from", "The range starts after it ends.");
        }

        var entries = await db.Set<LedgerEntry>().AsNoTracking().Where(e => e.RecordedAt < end).ToListAsync(ct);
        await db.AuditReadAsync(nameof(LedgerEntry), null, null, db.Caller.ClinicId, ct, "reconciliation");
        var lots = entries.GroupBy(e => e.LotNumber, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var opening = Fold(g.Where(e => e.RecordedAt < start)).BalanceMg;
            var inRange = Fold(g.Where(e => e.RecordedAt >= start));
            return new ReconciliationLot(g.Key, opening, inRange.ReceivedMg, inRange.DispensedMg, inRange.WastedMg, inRange.AdjustedMg, opening + inRange.BalanceMg);
        }).ToList();
        var listed = entries.Where(e => e.RecordedAt >= start).OrderBy(e => e.RecordedAt).ThenBy(e => e.LotNumber, StringComparer.Ordinal).ThenBy(e => e.LotSequence).Select(LedgerEntryDto.From).ToList();
        return Outcome<Reconciliation>.Ok(new Reconciliation(start, end, lots, listed));
    }

    private static LotBalance Fold(IEnumerable<LedgerEntry> entries) =>
        entries.Aggregate(LotBalance.Empty(string.Empty), (b, e) => b.With(Enum.Parse<LedgerEntryKind>(e.Kind), e.ChangeMg));
}
