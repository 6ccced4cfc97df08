using Stillpoint.Web.Live;

namespace Stillpoint.Web.Tests.Live;

public sealed class ClinicEventsTests
{
    [Fact]
    public void Publish_ReachesOnlyTheClinicAndTopicSubscribedTo_AndOnlyUntilDisposed()
    {
        var bus = new ClinicEvents();
        var clinic = Guid.NewGuid();
        var id = Guid.NewGuid();
        using var alerts = bus.Subscribe(clinic, ClinicTopics.Alerts);
        using var sessions = bus.Subscribe(clinic, ClinicTopics.Sessions);
        using var otherClinic = bus.Subscribe(Guid.NewGuid(), ClinicTopics.Alerts);
        var gone = bus.Subscribe(clinic, ClinicTopics.Alerts);
        gone.Dispose();

        bus.Publish(clinic, ClinicTopics.Alerts, id);

        Assert.True(alerts.Reader.TryRead(out var received));
        Assert.Equal(id, received);
        Assert.False(sessions.Reader.TryRead(out _));
        Assert.False(otherClinic.Reader.TryRead(out _));
        Assert.False(gone.Reader.TryRead(out _));
    }

    [Fact]
    public void Publish_RefusesATopicThatCouldNotTravelInAPayload() =>
        Assert.Throws<ArgumentException>(() => new ClinicEvents().Publish(Guid.NewGuid(), "sessions|187", Guid.NewGuid()));

    [Fact]
    public void Payload_RoundTripsIdsAndTopic_AndRejectsAnythingElse()
    {
        var node = Guid.NewGuid();
        var change = new ClinicEvent(Guid.NewGuid(), ClinicTopics.Sessions, Guid.NewGuid());

        Assert.True(EventPayload.TryParse(EventPayload.Format(node, change), out var parsedNode, out var parsed));
        Assert.Equal(node, parsedNode);
        Assert.Equal(change, parsed);
        Assert.False(EventPayload.TryParse($"{node:N}|{change.ClinicId:N}|sessions", out _, out _));
        Assert.False(EventPayload.TryParse($"{node:N}|{change.ClinicId:N}|Sessions 120/80|{change.Id:N}", out _, out _));
        Assert.False(EventPayload.TryParse(null, out _, out _));
    }
}
