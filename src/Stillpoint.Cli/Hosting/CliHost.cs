using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Stillpoint.Data;
using Stillpoint.Data.Access;
using Stillpoint.Data.Database;

namespace Stillpoint.Cli.Hosting;

/// <summary>
/// The CLI reads the same configuration as the server (appsettings.json in the current folder, then
/// environment variables such as Database__Provider and ConnectionStrings__Stillpoint), and lets
/// --provider / --connection override them for one call.
/// </summary>
internal static class CliHost
{
    public static readonly Option<string?> ProviderOption = new("--provider")
    {
        Description = "Database provider: sqlite (default) or postgres. Overrides Database:Provider.",
        Recursive = true,
    };

    public static readonly Option<string?> ConnectionOption = new("--connection")
    {
        Description = "Connection string. Overrides ConnectionStrings:Stillpoint.",
        Recursive = true,
    };

    public static IConfiguration Configuration(ParseResult parse)
    {
        var overrides = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (parse.GetValue(ProviderOption) is { } provider)
        {
            overrides["Database:Provider"] = provider;
        }

        if (parse.GetValue(ConnectionOption) is { } connection)
        {
            overrides["ConnectionStrings:Stillpoint"] = connection;
        }

        return new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();
    }

    /// <summary>Services for one command, acting as the trusted system caller.</summary>
    public static ServiceProvider Services(ParseResult parse)
    {
        var configuration = Configuration(parse);
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging();
        services.AddSingleton<ICallerContext>(SystemCaller.Instance);
        services.AddStillpointData();
        services.AddStillpointIdentityCore();
        return services.BuildServiceProvider();
    }

    public static DatabaseSettings Settings(ParseResult parse) => DatabaseSettings.From(Configuration(parse));

    /// <summary>Runs a command body; an expected failure prints its message on stderr and exits non-zero.</summary>
    public static async Task<int> RunAsync(ParseResult parse, Func<IServiceProvider, TextWriter, CancellationToken, Task<int>> body, CancellationToken ct)
    {
        var error = parse.InvocationConfiguration.Error;
        try
        {
            await using var services = Services(parse);
            await using var scope = services.CreateAsyncScope();
            return await body(scope.ServiceProvider, parse.InvocationConfiguration.Output, ct);
        }
        catch (CliException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return ex.ExitCode;
        }
        catch (InvalidOperationException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return 1;
        }
        catch (System.Data.Common.DbException ex)
        {
            await error.WriteLineAsync($"error: database: {ex.Message}");
            return 1;
        }
    }
}

/// <summary>An expected CLI failure: its message is for the operator.</summary>
internal sealed class CliException(string message, int exitCode = 1) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
