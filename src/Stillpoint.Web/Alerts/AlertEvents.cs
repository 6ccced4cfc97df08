using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Stillpoint.Web.Alerts;

/// <summary>
/// In-process hints that a clinic's alerts changed (raised, acknowledged, resolved, escalated); the inbox's
/// server-sent-events stream listens here. Same shape as the sessions' events; single node (other nodes' changes
/// show at the stream's heartbeat). Publish only after the change committed. Carries ids, never clinical values.
/// </summary>
internal sealed class AlertEvents
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Channel<Guid>, byte>> _subscribers = new();

    public void Publish(Guid clinicId, Guid alertId)
    {
        if (_subscribers.TryGetValue(clinicId, out var channels))
        {
            foreach (var channel in channels.Keys)
            {
                channel.Writer.TryWrite(alertId);
            }
        }
    }

    public Subscription Subscribe(Guid clinicId)
    {
        // Bounded, dropping the oldest: the inbox only needs "look again", never a backlog.
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
