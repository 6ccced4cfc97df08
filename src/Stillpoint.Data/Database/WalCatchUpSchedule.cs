namespace Stillpoint.Data.Database;

/// <summary>
/// When a busy writer should pause to checkpoint the WAL's last frames on its own connection (so its next commit
/// restarts the WAL). The pause stops every commit, so it is taken rarely (every <c>intervalMs</c>) and, when
/// possible, right after a background checkpoint has copied the WAL to its end: then only the frames committed since
/// are left to copy and the pause is a few milliseconds. If the background has not caught up for two intervals, the
/// writer pays the longer pause rather than let the WAL grow to the blocking RESTART bound.
/// </summary>
public sealed class WalCatchUpSchedule(int intervalMs, TimeProvider time)
{
    /// <summary>A background checkpoint this recent leaves few frames behind.</summary>
    public const int FreshMilliseconds = 50;

    private long _lastCatchUp = time.GetTimestamp();
    private long _backgroundCaughtUp;

    /// <summary>A background checkpoint has just copied the whole WAL (called from its thread).</summary>
    public void BackgroundCaughtUp() => Volatile.Write(ref _backgroundCaughtUp, time.GetTimestamp());

    /// <summary>Whether the writer should catch up now (called by the writer between its transactions).</summary>
    public bool IsDue()
    {
        var sinceLast = time.GetElapsedTime(_lastCatchUp).TotalMilliseconds;
        if (sinceLast < intervalMs)
        {
            return false;
        }

        var background = Volatile.Read(ref _backgroundCaughtUp);
        var justCaughtUp = background > _lastCatchUp && time.GetElapsedTime(background).TotalMilliseconds < FreshMilliseconds;
        return justCaughtUp || sinceLast >= 2.0 * intervalMs;
    }

    /// <summary>The writer has caught up (or tried): the interval starts again.</summary>
    public void WriterCaughtUp() => _lastCatchUp = time.GetTimestamp();
}
