using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Stillpoint.Web.Sessions;

/// <summary>
/// In-process notifications that a clinic's sessions changed (a committed entry or transition). The nurse-station
/// monitor's server-sent-events stream listens here. One process only: several web nodes would need a shared bus
/// (e.g. PostgreSQL LISTEN/NOTIFY); documented in bench/README and the report.
/// </summary>
internal sealed class SessionEvents
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Channel<Guid>, byte>> _subscribers = new();

    public void Publish(Guid clinicId, Guid sessionId)
    {
        if (!_subscribers.TryGetValue(clinicId, out var channels))
        {
            return;
        }

        foreach (var channel in channels.Keys)
        {
            channel.Writer.TryWrite(sessionId);
        }
    }

    public Subscription Subscribe(Guid clinicId)
    {
        // Bounded, dropping the oldest: a slow viewer only needs "something changed", never a backlog.
        var channel = Channel.CreateBounded<Guid>(new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest });
        _subscribers.GetOrAdd(clinicId, _ => new()).TryAdd(channel, 0);
        return new Subscription(channel.Reader, () => _subscribers.GetOrAdd(clinicId, _ => new()).TryRemove(channel, out _));
    }

    internal sealed class Subscription(ChannelReader<Guid> reader, Action unsubscribe) : IDisposable
    {
        public ChannelReader<Guid> Reader => reader;

        public void Dispose() => unsubscribe();
    }
}
