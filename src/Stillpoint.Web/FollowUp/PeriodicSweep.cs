using Microsoft.EntityFrameworkCore;

namespace Stillpoint.Web.FollowUp;

/// <summary>
/// Runs a sweep every period on the injected clock until shutdown. A failed pass (database busy or unreachable) is
/// reported and retried at the next tick; the work itself is idempotent, so a repeated pass is harmless.
/// </summary>
internal static class PeriodicSweep
{
    public static async Task RunAsync(TimeSpan period, TimeProvider time, Func<CancellationToken, Task<int>> sweep, Action<int> written, Action<string> failed, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(period, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var count = await sweep(stoppingToken);
                    if (count > 0)
                    {
                        written(count);
                    }
                }
                catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
                {
                    failed(ex.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
