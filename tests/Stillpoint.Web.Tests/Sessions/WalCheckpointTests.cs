using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stillpoint.Data;
using Stillpoint.Data.Database;
using Stillpoint.Web.Tests.Infrastructure;

namespace Stillpoint.Web.Tests.Sessions;

[Collection(WebAppsDefinition.Name)]
public sealed class WalCheckpointTests(AppsFixture apps)
{
    [Fact]
    public async Task CommittingConnectionsNeverCheckpoint_TheCheckpointerCopiesTheWholeWalIntoTheDatabase()
    {
        var app = apps["sqlite"];
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StillpointDbContext>();
        // An open connection keeps the WAL file (the tests' SQLite connections are unpooled: the last one to close would checkpoint).
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA wal_autocheckpoint;";
        Assert.Equal(0L, Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));

        await app.NewClinicAsync(); // commits: pages in the WAL
        var result = await app.Services.GetRequiredService<SqliteCheckpointer>().CheckpointAsync(CancellationToken.None);

        Assert.NotNull(result);
        Assert.Equal("PASSIVE", result.Mode);
        Assert.True(result.LogPages > 0);
        Assert.Equal(result.LogPages, result.CheckpointedPages);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TheCheckpointer_DoesNothingWithoutASqliteFile(string provider)
    {
        var checkpointer = apps[provider].Services.GetRequiredService<SqliteCheckpointer>();
        Assert.Equal(provider == "sqlite", checkpointer.Enabled);
        Assert.Equal(provider == "sqlite", await checkpointer.CheckpointAsync(CancellationToken.None) is not null);
    }

    [Fact]
    public async Task AWritersCatchUpCheckpoint_CopiesTheWholeWal_SoItsNextCommitRestartsTheWal()
    {
        var path = Path.Combine(Path.GetTempPath(), $"stillpoint-wal-{Guid.NewGuid():N}.db");
        try
        {
            await using var writer = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
            await writer.OpenAsync();
            await ExecuteAsync(writer, "PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0; CREATE TABLE t (v TEXT);");
            for (var i = 0; i < 50; i++)
            {
                await ExecuteAsync(writer, $"INSERT INTO t VALUES ('{new string('x', 2000)}');");
            }

            var caughtUp = await SqliteCheckpointer.CatchUpAsync(writer, CancellationToken.None);
            Assert.True(caughtUp.LogPages >= 50);
            Assert.Equal(caughtUp.LogPages, caughtUp.CheckpointedPages);

            // The next commit starts the WAL from the beginning: a handful of frames, not 50 more on top.
            await ExecuteAsync(writer, "INSERT INTO t VALUES ('after');");
            var next = await SqliteCheckpointer.CatchUpAsync(writer, CancellationToken.None);
            Assert.InRange(next.LogPages, 1, 5);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    private static async Task ExecuteAsync(Microsoft.Data.Sqlite.SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
