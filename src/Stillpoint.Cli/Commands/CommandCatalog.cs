using System.CommandLine;

namespace Stillpoint.Cli.Commands;

/// <summary>Every top-level command group, one line each; each group lives in its own file.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All() =>
    [
        DbCommand.Build(),
        ClinicCommand.Build(),
        UserCommand.Build(),
        DemoCommand.Build(),
        AuditCommand.Build(),
        BackupCommand.Build(),
        ScoreCommand.Build(),
        InstrumentsCommand.Build(),
        ConnectivityCommand.Build(),
        ExportCommand.Build(),
        ImportCommand.Build(),
    ];
}
