using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;

namespace Stillpoint.Web.Auth;

/// <summary>
/// Unprotected bearer tickets, kept for their remaining lifetime so a device posting many times a second pays the
/// Data Protection decryption and ticket deserialisation once per token, not per request. Keyed by a SHA-256 of the
/// token (the token itself is never kept). Only tickets that unprotected and validated go in, so unknown tokens
/// cannot fill it; it holds at most <see cref="Capacity"/> entries: when full, expired ones are swept, and if it is
/// still full a new token is simply not cached (it still works, at the uncached cost).
/// </summary>
internal sealed class BearerTicketCache(TimeProvider time, int capacity = BearerTicketCache.DefaultCapacity)
{
    public const int DefaultCapacity = 10_000;

    private readonly ConcurrentDictionary<UInt128, Entry> _entries = new();

    public int Capacity => capacity;

    public int Count => _entries.Count;

    public static UInt128 KeyOf(string token)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(token), hash);
        return BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }

    /// <summary>The cached entry for a token, unless it has expired (then it is dropped).</summary>
    public bool TryGet(UInt128 key, out Entry entry)
    {
        if (_entries.TryGetValue(key, out entry!) && time.GetUtcNow() < entry.Expires)
        {
            return true;
        }

        _entries.TryRemove(key, out _);
        return false;
    }

    public void Add(UInt128 key, Entry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (_entries.Count >= capacity)
        {
            SweepExpired();
            if (_entries.Count >= capacity)
            {
                return;
            }
        }

        _entries[key] = entry;
    }

    public void Remove(UInt128 key) => _entries.TryRemove(key, out _);

    private void SweepExpired()
    {
        var now = time.GetUtcNow();
        foreach (var (key, entry) in _entries)
        {
            if (now >= entry.Expires)
            {
                _entries.TryRemove(key, out _);
            }
        }
    }

    /// <summary>A validated ticket, when it expires, and when its account was last checked against the database.</summary>
    internal sealed class Entry(AuthenticationTicket ticket, DateTimeOffset expires, DateTimeOffset checkedAt)
    {
        private long _checkedAtTicks = checkedAt.UtcTicks;

        public AuthenticationTicket Ticket => ticket;

        public DateTimeOffset Expires => expires;

        public DateTimeOffset CheckedAt
        {
            get => new(Interlocked.Read(ref _checkedAtTicks), TimeSpan.Zero);
            set => Interlocked.Exchange(ref _checkedAtTicks, value.UtcTicks);
        }
    }
}
