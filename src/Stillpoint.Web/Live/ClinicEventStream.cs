namespace Stillpoint.Web.Live;

/// <summary>
/// A server-sent-events stream of one clinic topic for a live page: "changed" with the record id whenever the
/// topic changes (on any node), and a "tick" every 15 s. It ends when the client disconnects or the server stops,
/// so a graceful shutdown is not held up by open pages. The caller has already checked the policy and the clinic.
/// </summary>
internal static class ClinicEventStream
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static async Task RunAsync(HttpContext http, ClinicEvents events, Guid clinicId, string topic, IHostApplicationLifetime lifetime)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(lifetime);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        var ct = stop.Token;
        http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()?.DisableBuffering();
        http.Response.Headers.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-store";
        using var subscription = events.Subscribe(clinicId, topic);
        try
        {
            await http.Response.WriteAsync("retry: 2000\n\n", ct);
            await http.Response.Body.FlushAsync(ct);
            while (!ct.IsCancellationRequested)
            {
                using var beat = CancellationTokenSource.CreateLinkedTokenSource(ct);
                beat.CancelAfter(Heartbeat);
                try
                {
                    var id = await subscription.Reader.ReadAsync(beat.Token);
                    await http.Response.WriteAsync($"event: changed\ndata: {id}\n\n", ct);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    // Heartbeat: keeps proxies from closing an idle stream, and lets the page re-render clocks and overdue checks.
                    await http.Response.WriteAsync("event: tick\ndata: \n\n", ct);
                }

                await http.Response.Body.FlushAsync(ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away or the server is stopping: end the stream quietly.
        }
    }
}
