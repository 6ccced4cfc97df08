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
}
