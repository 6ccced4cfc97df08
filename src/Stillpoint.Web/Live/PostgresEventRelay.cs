using System.Threading.Channels;
using Npgsql;
using Stillpoint.Data.Database;

namespace Stillpoint.Web.Live;

/// <summary>
/// Carries <see cref="ClinicEvents"/> between web nodes that share one PostgreSQL database. Outgoing: every event
/// published here is queued and sent with <c>pg_notify</c> on a pooled connection (duplicates within a round are sent
/// once; events are published after their commit, so a receiver that re-reads sees the change). Incoming: one
/// dedicated connection per process LISTENs, and other nodes' events are delivered to this node's subscribers; its
/// own echoes are skipped by node id. The listener reconnects with backoff; notifications sent while it was down are
/// lost, which live views tolerate (they re-read on their heartbeat). With SQLite (one node) it does nothing.
/// </summary>
internal sealed partial class PostgresEventRelay : BackgroundService
{
    public const string ChannelName = "stillpoint_events";

    private const int MaxPerRound = 512;
    private static readonly TimeSpan IdleProbe = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private readonly ClinicEvents _events;
    private readonly ILogger<PostgresEventRelay> _logger;
    private readonly string? _connectionString;
    private readonly Channel<ClinicEvent> _outgoing = Channel.CreateBounded<ClinicEvent>(
        new BoundedChannelOptions(8192) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PostgresEventRelay(ClinicEvents events, IConfiguration configuration, ILogger<PostgresEventRelay> logger)
    {
        _events = events;
        _logger = logger;
        var settings = DatabaseSettings.From(configuration);
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            _connectionString = settings.ConnectionString;
            _events.Relay = Enqueue;
        }
    }

    /// <summary>This process's id in payloads.</summary>
    public Guid NodeId { get; } = Guid.NewGuid();

    /// <summary>Completes once the first LISTEN is in place (tests wait for it before publishing on another node).</summary>
    public Task Listening => _listening.Task;

    public override void Dispose()
    {
        _events.Relay = null;
        base.Dispose();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        _connectionString is null ? Task.CompletedTask : Task.WhenAll(SendLoopAsync(_connectionString, stoppingToken), ListenLoopAsync(_connectionString, stoppingToken));

    private void Enqueue(ClinicEvent change) => _outgoing.Writer.TryWrite(change);

    private async Task SendLoopAsync(string connectionString, CancellationToken ct)
    {
        var round = new HashSet<ClinicEvent>();
        try
        {
            while (await _outgoing.Reader.WaitToReadAsync(ct))
            {
                while (round.Count < MaxPerRound && _outgoing.Reader.TryRead(out var change))
                {
                    round.Add(change);
                }

                await SendAsync(connectionString, round, ct);
                round.Clear();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: unsent hints are dropped; other nodes' views re-read on their heartbeat.
        }
    }

    private async Task SendAsync(string connectionString, HashSet<ClinicEvent> round, CancellationToken ct)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, p) FROM unnest(@payloads) AS p", connection);
            notify.Parameters.AddWithValue("channel", ChannelName);
            notify.Parameters.AddWithValue("payloads", round.Select(e => EventPayload.Format(NodeId, e)).ToArray());
            await notify.ExecuteNonQueryAsync(ct);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            // A hint that could not be sent is not retried: the change is committed, and views re-read on their heartbeat.
            LogSendFailed(_logger, round.Count, ex.GetType().Name);
        }
    }

    private async Task ListenLoopAsync(string connectionString, CancellationToken ct)
    {
        // Its own unpooled connection: it holds LISTEN for the life of the process and must not go back to a pool.
        var listen = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = "stillpoint-events" }.ConnectionString;
        var backoff = TimeSpan.FromSeconds(1);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(listen, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException or IOException)
            {
                LogListenFailed(_logger, ex.GetType().Name, backoff.TotalSeconds);
                try
                {
                    await Task.Delay(backoff, ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
                continue;
            }

            backoff = TimeSpan.FromSeconds(1);
        }
    }

    /// <summary>One LISTEN connection's life: until it fails (thrown) or the host stops (cancelled).</summary>
    private async Task ListenAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        connection.Notification += OnNotification;
        await connection.OpenAsync(ct);
        await using (var command = new NpgsqlCommand($"LISTEN {ChannelName}", connection))
        {
            await command.ExecuteNonQueryAsync(ct);
        }

        _listening.TrySetResult();
        while (!ct.IsCancellationRequested)
        {
            if (!await connection.WaitAsync(IdleProbe, ct))
            {
                // Quiet for a while: prove the connection is alive (a dead one throws here and is replaced).
                await using var probe = new NpgsqlCommand("SELECT 1", connection);
                await probe.ExecuteScalarAsync(ct);
            }
        }
    }

    private void OnNotification(object? sender, NpgsqlNotificationEventArgs e)
    {
        if (EventPayload.TryParse(e.Payload, out var node, out var change) && node != NodeId)
        {
            _events.Deliver(change);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send {Count} live-event notifications ({Error}); other nodes catch up on their heartbeat.")]
    private static partial void LogSendFailed(ILogger logger, int count, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live-event listener lost its connection ({Error}); reconnecting in {Seconds} s.")]
    private static partial void LogListenFailed(ILogger logger, string error, double seconds);
}
