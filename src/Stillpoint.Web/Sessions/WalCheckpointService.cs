using Microsoft.Data.Sqlite;
using Stillpoint.Data.Database;

namespace Stillpoint.Web.Sessions;

/// <summary>Runs <see cref="SqliteCheckpointer"/> on its interval (SQLite only), so committing requests never checkpoint.</summary>
internal sealed partial class WalCheckpointService(SqliteCheckpointer checkpointer, ILogger<WalCheckpointService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!checkpointer.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(checkpointer.IntervalMs));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await checkpointer.CheckpointAsync(stoppingToken);
                }
                catch (SqliteException ex)
                {
                    LogFailed(logger, ex.SqliteErrorCode);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the last connection to close checkpoints anyway.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQLite WAL checkpoint failed (error {Code}); retrying on the next tick.")]
    private static partial void LogFailed(ILogger logger, int code);
}
