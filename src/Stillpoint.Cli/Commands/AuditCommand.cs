using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Stillpoint.Cli.Hosting;
using Stillpoint.Data;
using Stillpoint.Data.Audit;

namespace Stillpoint.Cli.Commands;

internal static class AuditCommand
{
    public static Command Build()
    {
        var verify = new Command("verify", "Check the audit trail's hash chain. Exit 0 when intact; otherwise name the first broken entry and exit 3.");
        verify.SetAction((parse, ct) => CliHost.RunAsync(parse, (services, output, token) => VerifyAsync(services, output, parse.InvocationConfiguration.Error, token), ct));
        return new Command("audit", "The audit trail.") { verify };
    }

    private static async Task<int> VerifyAsync(IServiceProvider services, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var db = services.GetRequiredService<StillpointDbContext>();
        var progress = new Progress<long>(n => error.Write($"\rchecked {n} entries…"));
        var result = await AuditVerifier.VerifyAsync(db, ct, progress);
        if (result.Intact)
        {
            await output.WriteLineAsync($"Audit trail intact: {result.EntriesChecked} entries.");
            return 0;
        }

        await error.WriteLineAsync($"Audit trail BROKEN at entry {result.FirstBrokenSequence}: {result.Problem}. ({result.EntriesChecked} entries before it are intact.)");
        return 3;
    }
}
