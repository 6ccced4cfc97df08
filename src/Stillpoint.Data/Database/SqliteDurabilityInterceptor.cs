using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Stillpoint.Data.Database;

/// <summary>
/// Every SQLite connection runs in WAL mode with synchronous=FULL, so an acknowledged commit is on disk
/// and survives a power cut; foreign keys on; waits for a busy writer instead of failing at once.
/// No connection checkpoints the WAL as a side effect of its commit (wal_autocheckpoint=0): in the web host
/// <see cref="SqliteCheckpointer"/> does it in the background, so a committing request never pays for it; a
/// short-lived process (the CLI) checkpoints when its last connection closes, as SQLite always does.
/// journal_size_limit truncates a WAL that grew past 128 MiB back to that once it has been checkpointed and restarts
/// (a busy writer restarts it about every second, below that size, so the file is reused rather than regrown).
/// </summary>
internal sealed class SqliteDurabilityInterceptor : DbConnectionInterceptor
{
    public static readonly SqliteDurabilityInterceptor Instance = new();

    private const string Pragmas =
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=15000; " +
        "PRAGMA wal_autocheckpoint=0; PRAGMA journal_size_limit=134217728;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        var command = connection.CreateCommand();
        await using (command)
        {
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
