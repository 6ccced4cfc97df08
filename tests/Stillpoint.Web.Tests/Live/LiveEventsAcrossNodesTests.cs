using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Stillpoint.Core.Access;
using Stillpoint.Web.Live;
using Stillpoint.Web.Tests.Infrastructure;

namespace Stillpoint.Web.Tests.Live;

/// <summary>Two web nodes on one PostgreSQL database: a change committed through one reaches live views on the other.</summary>
public sealed partial class LiveEventsAcrossNodesTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [PostgresFact]
    public async Task AVitalPostedToNodeA_ReachesTheMonitorStreamOnNodeB_AndTheNotificationCarriesNoValues()
    {
        await using var database = await TestDatabase.PostgresAsync();
        await using var nodeA = StillpointTestApp.Over(database, demo: false);
        await using var nodeB = StillpointTestApp.Over(database, demo: false);
        await nodeB.Services.GetRequiredService<PostgresEventRelay>().Listening.WaitAsync(Bound);
        await using var wire = await ListenAsync(database.ConnectionString);

        var clinic = await nodeA.NewClinicAsync();
        using var nurseOnA = await nodeA.ClientAsAsync(clinic, Roles.Nurse);
        using var nurseOnB = await nodeB.ClientAsAsync(clinic, Roles.Nurse);
        var session = await SessionFlow.ScheduleAsync(nodeA, clinic, nurseOnA, clinic.OtherPatientId);
        await SessionFlow.MoveAsync(nurseOnA, session, "CheckedIn");

        using var stream = await nurseOnB.GetAsync("/live/sessions", HttpCompletionOption.ResponseHeadersRead);
        using var monitor = new StreamReader(await stream.Content.ReadAsStreamAsync());
        Assert.Equal("retry: 2000", await monitor.ReadLineAsync());

        // A barrier: node A's notifications arrive in order, so once this marker is on B's stream, nothing from the
        // scheduling above is still on its way, and the next event can only come from the vitals below.
        var marker = Guid.NewGuid();
        nodeA.Services.GetRequiredService<ClinicEvents>().Publish(clinic.Id, ClinicTopics.Sessions, marker);
        using var bounded = new CancellationTokenSource(Bound);
        while (await NextDataAsync(monitor, bounded.Token) != marker.ToString())
        {
        }

        using var vitals = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/sessions/{session}/vitals")
        {
            Content = JsonContent.Create(new { systolic = 187, diastolic = 109, heartRate = 143, spO2 = 91, respiratoryRate = 23 }),
        };
        vitals.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Created, (await nurseOnA.SendAsync(vitals)).StatusCode);

        Assert.Equal(session.ToString(), await NextDataAsync(monitor, bounded.Token));

        // What crossed the database: node, clinic, topic and ids only — never a vital sign.
        while (!wire.Payloads.Any(p => p.Contains(session.ToString("N"), StringComparison.Ordinal)))
        {
            await wire.Connection.WaitAsync(bounded.Token);
        }

        Assert.All(wire.Payloads, p => Assert.Matches(PayloadShape(), p));
    }

    [PostgresFact]
    public async Task ANode_DoesNotDeliverItsOwnEventsTwice_AndOtherClinicsOrTopicsSeeNothing()
    {
        await using var database = await TestDatabase.PostgresAsync();
        await using var nodeA = StillpointTestApp.Over(database, demo: false);
        await using var nodeB = StillpointTestApp.Over(database, demo: false);
        await nodeA.Services.GetRequiredService<PostgresEventRelay>().Listening.WaitAsync(Bound);
        await nodeB.Services.GetRequiredService<PostgresEventRelay>().Listening.WaitAsync(Bound);
        var busA = nodeA.Services.GetRequiredService<ClinicEvents>();
        var busB = nodeB.Services.GetRequiredService<ClinicEvents>();
        var clinic = Guid.NewGuid();
        using var onA = busA.Subscribe(clinic, ClinicTopics.Alerts);
        using var onB = busB.Subscribe(clinic, ClinicTopics.Alerts);
        using var otherTopicOnB = busB.Subscribe(clinic, ClinicTopics.Sessions);
        using var otherClinicOnB = busB.Subscribe(Guid.NewGuid(), ClinicTopics.Alerts);

        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        busA.Publish(clinic, ClinicTopics.Alerts, first);
        busA.Publish(clinic, ClinicTopics.Alerts, second);
        using var bounded = new CancellationTokenSource(Bound);
        Assert.Equal(first, await onB.Reader.ReadAsync(bounded.Token));
        Assert.Equal(second, await onB.Reader.ReadAsync(bounded.Token));

        // Node A delivered its own events locally, at once; its LISTEN got the echoes (sent before B's second
        // event arrived) and skipped them: exactly two, no duplicates.
        busB.Publish(clinic, ClinicTopics.Alerts, Guid.Empty);
        Assert.Equal(first, await onA.Reader.ReadAsync(bounded.Token));
        Assert.Equal(second, await onA.Reader.ReadAsync(bounded.Token));
        Assert.Equal(Guid.Empty, await onA.Reader.ReadAsync(bounded.Token));
        Assert.Equal(Guid.Empty, await onB.Reader.ReadAsync(bounded.Token));
        Assert.False(otherTopicOnB.Reader.TryRead(out _));
        Assert.False(otherClinicOnB.Reader.TryRead(out _));
    }

    private static async Task<string?> NextDataAsync(StreamReader reader, CancellationToken ct)
    {
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal) && line.Length > "data: ".Length)
            {
                return line["data: ".Length..];
            }
        }

        return null;
    }

    private static async Task<Wire> ListenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        var wire = new Wire(connection);
        connection.Notification += (_, e) => wire.Payloads.Add(e.Payload);
        await connection.OpenAsync();
        await using var listen = new NpgsqlCommand($"LISTEN {PostgresEventRelay.ChannelName}", connection);
        await listen.ExecuteNonQueryAsync();
        return wire;
    }

    [GeneratedRegex("^[0-9a-f]{32}\\|[0-9a-f]{32}\\|[a-z-]+\\|[0-9a-f]{32}$", RegexOptions.None, 1000)]
    private static partial Regex PayloadShape();

    private sealed class Wire(NpgsqlConnection connection) : IAsyncDisposable
    {
        public NpgsqlConnection Connection => connection;

        public List<string> Payloads { get; } = [];

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}
