using Stillpoint.Data;
using Stillpoint.Data.Database;
using Stillpoint.Data.Demo;
using Stillpoint.Data.Outcomes;
using Stillpoint.Web.Auth;

namespace Stillpoint.Web.Hosting;

/// <summary>Before the server takes requests: apply migrations, then seed or lock the demo clinic.</summary>
internal static class StartupTasks
{
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CallerContext>().UseSystem();
        var db = scope.ServiceProvider.GetRequiredService<StillpointDbContext>();
        await SchemaMigrator.MigrateAsync(db, app.Lifetime.ApplicationStopping);
        await RebuildMissingOutcomeSummariesAsync(db, app.Lifetime.ApplicationStopping);
        var demo = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        if (DemoMode.IsEnabled(app.Configuration))
        {
            await demo.SeedAsync(app.Lifetime.ApplicationStopping);
        }
        else
        {
            await demo.SetAccountsEnabledAsync(false, app.Lifetime.ApplicationStopping);
        }

        app.Lifetime.ApplicationStarted.Register(() => PrintBanner(app));
    }

    /// <summary>Clinics whose responses predate migration 0012 (or were bulk-loaded) get their summaries before the first request.</summary>
    private static async Task RebuildMissingOutcomeSummariesAsync(StillpointDbContext db, CancellationToken ct)
    {
        var rebuild = new OutcomeSummaryRebuild(db);
        foreach (var clinicId in await rebuild.ClinicsWithoutSummariesAsync(ct))
        {
            await rebuild.RebuildAsync(clinicId, ct);
        }
    }

    private static void PrintBanner(WebApplication app)
    {
        var address = app.Urls.FirstOrDefault() ?? "http://localhost:5000";
        Console.WriteLine();
        Console.WriteLine($"Stillpoint is running. Open {address} in a browser.");
        if (DemoMode.IsEnabled(app.Configuration))
        {
            Console.WriteLine($"Demo clinic: sign in with any of these (password {DemoSeeder.Password}):");
            foreach (var account in DemoSeeder.Accounts)
            {
                Console.WriteLine($"  {account.Role,-12} {account.Email}");
            }
        }
        else
        {
            Console.WriteLine("Demo mode is off. Create a clinic and accounts with the stillpoint CLI (see README).");
        }

        Console.WriteLine();
    }
}

/// <summary>Demo mode: on by default in Development, off elsewhere; Demo:Enabled or --no-demo decide.</summary>
internal static class DemoMode
{
    public static bool IsEnabled(IConfiguration configuration) =>
        configuration.GetValue<bool?>("Demo:Enabled") ?? false;
}
