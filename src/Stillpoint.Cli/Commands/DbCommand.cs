using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stillpoint.Cli.Hosting;
using Stillpoint.Data;
using Stillpoint.Data.Database;
using Stillpoint.Data.Outcomes;

namespace Stillpoint.Cli.Commands;

internal static class DbCommand
{
    public static Command Build()
    {
        var migrate = new Command("migrate", "Apply every pending schema migration, in order.");
        migrate.SetAction((parse, ct) => CliHost.RunAsync(parse, MigrateAsync, ct));

        var script = new Command("schema-script", "Print the SQL that creates the current model from scratch (an aid for writing the next migration).");
        script.SetAction((parse, ct) => CliHost.RunAsync(parse, PrintSchemaAsync, ct));

        var summaries = new Command("rebuild-outcome-summaries", "Recompute every clinic's outcome summaries (dashboard and durability) from its responses.");
        summaries.SetAction((parse, ct) => CliHost.RunAsync(parse, RebuildOutcomeSummariesAsync, ct));

        return new Command("db", "Database maintenance.") { migrate, script, summaries };
    }

    private static async Task<int> MigrateAsync(IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var db = services.GetRequiredService<StillpointDbContext>();
        var applied = await SchemaMigrator.MigrateAsync(db, ct);
        await output.WriteLineAsync(applied.Count == 0
            ? "The database is up to date."
            : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}.");
        return 0;
    }

    private static async Task<int> RebuildOutcomeSummariesAsync(IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var db = services.GetRequiredService<StillpointDbContext>();
        await SchemaMigrator.MigrateAsync(db, ct);
        var rebuild = new OutcomeSummaryRebuild(db);
        var clinics = await rebuild.ClinicsWithResponsesAsync(ct);
        var rows = 0;
        foreach (var clinicId in clinics)
        {
            rows += await rebuild.RebuildAsync(clinicId, ct);
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Rebuilt {rows:N0} outcome summaries in {clinics.Count} clinic(s)."));
        return 0;
    }

    private static async Task<int> PrintSchemaAsync(IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var db = services.GetRequiredService<StillpointDbContext>();
        await output.WriteLineAsync(db.Database.GenerateCreateScript());
        return 0;
    }
}
