using Stillpoint.Cli;

namespace Stillpoint.Cli.Tests;

/// <summary>Runs the stillpoint CLI in-process and captures what it printed.</summary>
internal static class CliRunner
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await StillpointCli.RunAsync(args, output, error);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}

internal sealed record CliResult(int ExitCode, string StdOut, string StdErr);
