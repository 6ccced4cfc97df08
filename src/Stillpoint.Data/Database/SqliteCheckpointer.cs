using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Stillpoint.Data.Database;

/// <summary>What one checkpoint saw: the WAL's length in pages and how many of them are now in the database file.</summary>
public sealed record CheckpointResult(string Mode, bool Busy, long LogPages, long CheckpointedPages);

/// <summary>
/// Moves SQLite WAL checkpoints off the committing connections (they run with wal_autocheckpoint=0): the web host
/// calls <see cref="CheckpointAsync"/> every <see cref="IntervalMs"/> (Database:CheckpointMilliseconds, default 200);
/// a PASSIVE checkpoint on its own connection copies committed pages into the database file without blocking anyone.
/// The WAL cannot grow without bound: once it is longer than <see cref="RestartPages"/> (a reader that never lets go,
/// or a checkpoint that keeps losing the race), a RESTART checkpoint waits (busy_timeout) for readers and makes the
/// next commit start the WAL from the beginning again.
/// Does nothing on PostgreSQL or an in-memory database.
/// </summary>
public sealed class SqliteCheckpointer(IConfiguration configuration, TimeProvider time)
{
    /// <summary>65,536 pages of 4 KiB = 256 MiB of WAL before a checkpoint insists.</summary>
    public const long RestartPages = 65_536;

    private readonly DatabaseSettings _settings = DatabaseSettings.From(configuration);

    public bool Enabled => _settings.SqliteFilePath is not null;

    public int IntervalMs => Milliseconds(configuration, "Database:CheckpointMilliseconds", 200);

    /// <summary>When the writer pauses to catch the WAL's end: every Database:CatchUpMilliseconds (default 1000).</summary>
    public WalCatchUpSchedule CatchUps { get; } = new(Milliseconds(configuration, "Database:CatchUpMilliseconds", 1000), time);

    /// <summary>One checkpoint now (PASSIVE, or RESTART when the WAL is past its bound); null without a SQLite file.</summary>
    public async Task<CheckpointResult?> CheckpointAsync(CancellationToken ct)
    {
        if (_settings.SqliteFilePath is null)
        {
            return null;
        }

        await using var connection = new SqliteConnection(_settings.ConnectionString);
        await connection.OpenAsync(ct);
        var result = await RunAsync(connection, "PASSIVE", ct);
        if (!result.Busy && result.CheckpointedPages == result.LogPages)
        {
            CatchUps.BackgroundCaughtUp();
        }

        if (result.LogPages > RestartPages)
        {
            await using var wait = connection.CreateCommand();
            wait.CommandText = "PRAGMA busy_timeout=15000;";
            await wait.ExecuteNonQueryAsync(ct);
            result = await RunAsync(connection, "RESTART", ct);
        }

        return result;
    }

    /// <summary>
    /// A PASSIVE checkpoint on a writer's own connection, between its transactions. A background checkpoint races a
    /// busy writer and never catches the WAL's end, so the WAL would only ever restart through a RESTART checkpoint
    /// that stops the writer; run here, with nothing committing meanwhile, it copies the last frames too, and the
    /// writer's next transaction starts the WAL from the beginning. Cheap when the background checkpoints have
    /// already copied most pages.
    /// </summary>
    public static async Task<CheckpointResult> CatchUpAsync(System.Data.Common.DbConnection connection, CancellationToken ct) =>
        await RunAsync((SqliteConnection)connection, "PASSIVE", ct);

    private static int Milliseconds(IConfiguration configuration, string key, int fallback) =>
        Math.Clamp(int.TryParse(configuration[key], System.Globalization.CultureInfo.InvariantCulture, out var ms) ? ms : fallback, 50, 60_000);

    private static async Task<CheckpointResult> RunAsync(SqliteConnection connection, string mode, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA wal_checkpoint({mode});";
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new CheckpointResult(mode, reader.GetInt64(0) != 0, reader.GetInt64(1), reader.GetInt64(2));
    }
}
