using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Stillpoint.Data.Outbox;

/// <summary>Adds outbox messages to the caller's unit of work; they commit (or roll back) with it.</summary>
public static class OutboxWriter
{
    /// <summary>The neutral body of a message: never scores, answers or diagnoses.</summary>
    public sealed record Body(string Subject, string Text, string Link);

    /// <summary>
    /// Queues a message unless one with the same dedup key is already stored or queued in this unit of work.
    /// Returns whether a message was added. Does not save: the caller's SaveChanges writes it with its change.
    /// </summary>
    public static async Task<bool> EnqueueAsync(StillpointDbContext db, OutboxMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(message);
        var set = db.Set<OutboxMessage>();
        if (set.Local.Any(m => m.DedupKey == message.DedupKey && m.ClinicId == message.ClinicId)
            || await set.AnyAsync(m => m.DedupKey == message.DedupKey && m.ClinicId == message.ClinicId, ct))
        {
            return false;
        }

        message.CreatedAt = db.Time.GetUtcNow();
        set.Add(message);
        return true;
    }

    public static string Payload(Body body) => JsonSerializer.Serialize(body);
}
