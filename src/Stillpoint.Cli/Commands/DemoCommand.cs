using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Stillpoint.Cli.Hosting;
using Stillpoint.Data;
using Stillpoint.Data.Database;
using Stillpoint.Data.Demo;

namespace Stillpoint.Cli.Commands;

internal static class DemoCommand
{
    private static readonly Option<int?> PatientsOption = new("--patients")
    {
        Description = "Seed the synthetic network clinic with this many patients instead (about 100 responses each; "
            + "10000 ≈ 1M responses). Re-running adds only the missing patients.",
    };

    public static Command Build()
    {
        var seed = new Command("seed", "Create the synthetic demo clinic (migrating first). Safe to run again.") { PatientsOption };
        seed.SetAction((parse, ct) => parse.GetValue(PatientsOption) is { } patients
            ? CliHost.RunAsync(parse, (services, output, token) => SeedNetworkAsync(services, patients, output, parse.InvocationConfiguration.Error, token), ct)
            : CliHost.RunAsync(parse, SeedAsync, ct));
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

    private static async Task<int> SeedNetworkAsync(IServiceProvider services, int patients, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (patients is < 1 or > NetworkSeeder.MaxPatients)
        {
            throw new CliException(string.Create(CultureInfo.InvariantCulture, $"--patients must be between 1 and {NetworkSeeder.MaxPatients:N0}."), 2);
        }

        if (!InstrumentLibraryLoading.TryLoad(error, out var library))
        {
            return 1;
        }

        var clock = Stopwatch.StartNew();
        await SchemaMigrator.MigrateAsync(services.GetRequiredService<StillpointDbContext>(), ct);
        var seeder = ActivatorUtilities.CreateInstance<NetworkSeeder>(services);
        var progress = new SeedProgress(output, patients);
        var result = await seeder.SeedAsync(patients, library, progress, ct);
        var summary = result.PatientsAdded == 0
            ? $"The network clinic already has {result.PatientsBefore:N0} patients: nothing added."
            : $"Added {result.PatientsAdded:N0} patients ({result.Rows:N0} audited rows) in {clock.Elapsed.TotalSeconds:N1} s.";
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Network clinic {result.ClinicId}. {summary}"));
        await output.WriteLineAsync($"Sign in as {NetworkSeeder.AdminEmail} or {NetworkSeeder.PrescriberEmail(0)} (password {DemoSeeder.Password}; demo mode must be on).");
        return 0;
    }

    /// <summary>Prints the patient count at every further tenth of the way (synchronously: the seeder reports in order).</summary>
    private sealed class SeedProgress(TextWriter output, int target) : IProgress<int>
    {
        private int _printedTenths;

        public void Report(int value)
        {
            var tenths = (int)(value * 10L / target);
            if (tenths > _printedTenths)
            {
                _printedTenths = tenths;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {value:N0} / {target:N0} patients"));
            }
        }
    }
}
