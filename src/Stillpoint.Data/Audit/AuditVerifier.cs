using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.Audit;

namespace Stillpoint.Data.Audit;

/// <summary>The outcome of walking the audit chain.</summary>
public sealed record AuditVerification(bool Intact, long EntriesChecked, long? FirstBrokenSequence, string? Problem);

/// <summary>Walks the whole audit chain in order and reports the first entry that does not hold.</summary>
public static class AuditVerifier
{
    public static async Task<AuditVerification> VerifyAsync(StillpointDbContext db, CancellationToken ct, IProgress<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var expectedPrevious = AuditChain.GenesisHash;
        long expected = 1;
        var entries = db.AuditEntries.IgnoreQueryFilters().AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable();
        await foreach (var entry in entries.WithCancellation(ct))
        {
            var problem = AuditChain.CheckLink(entry.ToRecord(), entry.PreviousHash, entry.Hash, expected, expectedPrevious);
            if (problem is not null)
            {
                return new AuditVerification(false, expected - 1, entry.Sequence, problem);
            }

            expectedPrevious = entry.Hash;
            expected++;
            if (expected % 10_000 == 0)
            {
                progress?.Report(expected - 1);
            }
        }

        var head = await db.AuditHeads.AsNoTracking().SingleOrDefaultAsync(h => h.Id == 1, ct);
        if (head is null || head.Sequence != expected - 1 || !string.Equals(head.Hash, expectedPrevious, StringComparison.Ordinal))
        {
            return new AuditVerification(false, expected - 1, expected, "the chain's recorded head does not match its last entry: entries were removed from the end");
        }

        return new AuditVerification(true, expected - 1, null, null);
    }
}
