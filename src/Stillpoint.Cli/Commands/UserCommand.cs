using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Stillpoint.Cli.Hosting;
using Stillpoint.Core.Access;
using Stillpoint.Data.Accounts;

namespace Stillpoint.Cli.Commands;

internal static class UserCommand
{
    public static Command Build()
    {
        var clinic = new Option<Guid>("--clinic") { Description = "The clinic's id (from 'clinic add').", Required = true };
        var role = new Option<string>("--role") { Description = $"One of: {string.Join(", ", Roles.Staff)}.", Required = true };
        var email = new Option<string>("--email") { Description = "Sign-in email.", Required = true };
        var password = new Option<string>("--password") { Description = "First password (at least 10 characters with upper, lower, digit and symbol).", Required = true };
        var name = new Option<string?>("--name") { Description = "Display name (defaults to the email)." };
        var add = new Command("add", "Create a staff account in a clinic.") { clinic, role, email, password, name };
        add.SetAction((parse, ct) => CliHost.RunAsync(
            parse,
            (services, output, token) => AddAsync(services, output, new NewAccount(
                parse.GetValue(clinic), parse.GetValue(role)!, parse.GetValue(email)!, parse.GetValue(password)!, parse.GetValue(name) ?? parse.GetValue(email)!), token),
            ct));
        return new Command("user", "Accounts.") { add };
    }

    private static async Task<int> AddAsync(IServiceProvider services, TextWriter output, NewAccount account, CancellationToken ct)
    {
        if (Roles.Normalize(account.Role) == Roles.Patient)
        {
            throw new CliException("Patient logins are created from the patient's page (they must be linked to a patient record).");
        }

        var created = await services.GetRequiredService<AccountService>().CreateAsync(account, ct);
        if (!created.Succeeded)
        {
            throw new CliException(string.Join("; ", created.Errors!.Messages));
        }

        await output.WriteLineAsync(created.Value!.Id.ToString());
        return 0;
    }
}
