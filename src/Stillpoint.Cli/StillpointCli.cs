using System.CommandLine;
using Stillpoint.Cli.Commands;

namespace Stillpoint.Cli;

/// <summary>
/// Entry point that tests can call in-process. Commands write through
/// <c>parseResult.InvocationConfiguration.Output</c> / <c>.Error</c>, never <see cref="Console"/> directly.
/// </summary>
public static class StillpointCli
{
    public static Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var root = new RootCommand("stillpoint — command-line tool for a Stillpoint clinic server");
        foreach (var command in CommandCatalog.All())
        {
            root.Subcommands.Add(command);
        }

        root.Options.Add(Hosting.CliHost.ProviderOption);
        root.Options.Add(Hosting.CliHost.ConnectionOption);
        var invocation = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
        };
        return root.Parse(args).InvokeAsync(invocation);
    }
}
