using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Stillpoint.Cli.Hosting;
using Stillpoint.Data;
using Stillpoint.Data.Entities;

namespace Stillpoint.Cli.Commands;

internal static class ClinicCommand
{
    public static Command Build()
    {
        var name = new Option<string>("--name") { Description = "The clinic's name.", Required = true };
        var add = new Command("add", "Create a clinic and print its id.") { name };
        add.SetAction((parse, ct) => CliHost.RunAsync(parse, (services, output, token) => AddAsync(services, output, parse.GetValue(name)!, token), ct));
        return new Command("clinic", "Clinics.") { add };
    }

    private static async Task<int> AddAsync(IServiceProvider services, TextWriter output, string name, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 200)
        {
            throw new CliException("--name must be 1 to 200 characters.");
        }

        var db = services.GetRequiredService<StillpointDbContext>();
        var clinic = new Clinic { Name = name.Trim(), CreatedAt = db.Time.GetUtcNow() };
        db.Clinics.Add(clinic);
        await db.SaveChangesAsync(ct);
        await output.WriteLineAsync(clinic.Id.ToString());
        return 0;
    }
}
