using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Stillpoint.Cli.Hosting;
using Stillpoint.Data;
using Stillpoint.Data.Database;
using Stillpoint.Data.Demo;

namespace Stillpoint.Cli.Commands;

internal static class DemoCommand
{
    public static Command Build()
    {
        var seed = new Command("seed", "Create the synthetic demo clinic (migrating first). Safe to run again.");
        seed.SetAction((parse, ct) => CliHost.RunAsync(parse, SeedAsync, ct));
        return new Command("demo", "Synthetic demo data.") { seed };
    }

    private static async Task<int> SeedAsync(IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        await SchemaMigrator.MigrateAsync(services.GetRequiredService<StillpointDbContext>(), ct);
        var clinicId = await services.GetRequiredService<DemoSeeder>().SeedAsync(ct);
        await output.WriteLineAsync($"Demo clinic {clinicId}. Accounts (password {DemoSeeder.Password}):");
        foreach (var account in DemoSeeder.Accounts)
        {
            await output.WriteLineAsync($"  {account.Role,-12} {account.Email}");
        }

        return 0;
    }
}
