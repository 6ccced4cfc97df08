namespace Stillpoint.Web.FollowUp;

/// <summary>
/// Where a bounded background pass continues: each pass takes the next window of a stable ordering, and a short
/// window (the end of the list) starts the next pass from the top again. So every candidate is reached within
/// (candidates / window) passes, however many there are. Each node keeps its own; passes are idempotent.
/// </summary>
internal sealed class SweepCursor
{
    private int _offset;

    public int Offset => Volatile.Read(ref _offset);

    /// <summary>The pass read <paramref name="taken"/> of at most <paramref name="window"/> from <see cref="Offset"/>.</summary>
    public void Advance(int taken, int window) => Volatile.Write(ref _offset, taken < window ? 0 : Offset + taken);
}
