namespace Stillpoint.Cli;

internal static class Program
{
    public static Task<int> Main(string[] args) => StillpointCli.RunAsync(args);
}
