using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Stillpoint.Web.Live;

/// <summary>What changed: a clinic, a topic (e.g. <see cref="ClinicTopics.Sessions"/>) and the changed record's id. Never clinical values.</summary>
internal readonly record struct ClinicEvent(Guid ClinicId, string Topic, Guid Id);

/// <summary>The topics live views listen to. A topic is a short lowercase word (it travels in a NOTIFY payload).</summary>
internal static class ClinicTopics
{
    /// <summary>A dosing session changed (an entry, a transition, an alert): the nurse-station monitor.</summary>
    public const string Sessions = "sessions";

    /// <summary>A clinic alert changed (raised, acknowledged): alert views.</summary>
    public const string Alerts = "alerts";

    public static bool IsValid(string topic) =>
        topic is { Length: > 0 and <= 32 } && topic.All(c => c is (>= 'a' and <= 'z') or '-');
}

/// <summary>
/// The clinic event bus behind live views (server-sent events): "something of this clinic changed, look again".
/// Publish only after the change has committed. Subscribers in this process get it at once; when the database is
/// PostgreSQL, <see cref="PostgresEventRelay"/> also sends it to the other web nodes (NOTIFY) and feeds theirs to
/// <see cref="Deliver"/>, so a monitor on node B sees a vital posted to node A. SQLite is one node: local only.
/// A notification is a hint, not a message log: a slow subscriber loses the oldest hints, and views re-read
/// the database on every hint and on their own heartbeat.
/// </summary>
internal sealed class ClinicEvents
{
    private const int SubscriberBuffer = 64;

    private readonly ConcurrentDictionary<(Guid Clinic, string Topic), ConcurrentDictionary<Channel<Guid>, byte>> _subscribers = new();

    /// <summary>Sends every event published in this process on to the other nodes (set by <see cref="PostgresEventRelay"/>; none on SQLite).</summary>
    public Action<ClinicEvent>? Relay { get; set; }

    /// <summary>Tells every subscriber of the clinic and topic, on every node, that the record <paramref name="id"/> changed.</summary>
    public void Publish(Guid clinicId, string topic, Guid id)
    {
        if (!ClinicTopics.IsValid(topic))
        {
            throw new ArgumentException("A topic is a short lowercase word.", nameof(topic));
        }

        var change = new ClinicEvent(clinicId, topic, id);
        Deliver(change);
        Relay?.Invoke(change);
    }

    /// <summary>Hands an event to this process's subscribers only (the relay calls this for other nodes' events).</summary>
    public void Deliver(ClinicEvent change)
    {
        if (!_subscribers.TryGetValue((change.ClinicId, change.Topic), out var channels))
        {
            return;
        }

        foreach (var channel in channels.Keys)
        {
            channel.Writer.TryWrite(change.Id);
        }
    }

    /// <summary>The changed ids of one clinic's topic, from now on, until disposed.</summary>
    public Subscription Subscribe(Guid clinicId, string topic)
    {
        // Bounded, dropping the oldest: a slow viewer only needs "something changed", never a backlog.
        var channel = Channel.CreateBounded<Guid>(new BoundedChannelOptions(SubscriberBuffer) { FullMode = BoundedChannelFullMode.DropOldest });
        var key = (clinicId, topic);
        _subscribers.GetOrAdd(key, _ => new()).TryAdd(channel, 0);
        return new Subscription(channel.Reader, () =>
        {
            if (_subscribers.TryGetValue(key, out var channels))
            {
                channels.TryRemove(channel, out _);
            }
        });
    }

    internal sealed class Subscription(ChannelReader<Guid> reader, Action unsubscribe) : IDisposable
    {
        public ChannelReader<Guid> Reader => reader;

        public void Dispose() => unsubscribe();
    }
}
