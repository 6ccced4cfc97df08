using System.CommandLine;
using Microsoft.Data.Sqlite;
using Stillpoint.Cli.Hosting;
using Stillpoint.Data.Database;

namespace Stillpoint.Cli.Commands;

internal static class BackupCommand
{
    public static Command Build()
    {
        var to = new Option<FileInfo>("--to") { Description = "The backup file to write (must not exist).", Required = true };
        var backup = new Command("backup", "Write a consistent copy of the SQLite database while the server runs. For PostgreSQL use pg_dump.") { to };
        backup.SetAction((parse, ct) => RunAsync(parse, parse.GetValue(to)!, ct));
        return backup;
    }

    private static async Task<int> RunAsync(ParseResult parse, FileInfo target, CancellationToken ct)
    {
        var error = parse.InvocationConfiguration.Error;
        var settings = CliHost.Settings(parse);
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            await error.WriteLineAsync("error: this database is PostgreSQL: back it up with pg_dump (e.g. pg_dump -Fc -f stillpoint.dump DBNAME).");
            return 2;
        }

        if (settings.SqliteFilePath is not { } source || !File.Exists(source))
        {
            await error.WriteLineAsync($"error: no SQLite database at {settings.SqliteFilePath ?? "(in-memory)"}.");
            return 1;
        }

        if (target.Exists)
        {
            await error.WriteLineAsync($"error: {target.FullName} already exists; choose a new file.");
            return 1;
        }

        target.Directory?.Create();
        // SQLite's online backup API copies a consistent snapshot page by page while writers continue.
        await using (var from = new SqliteConnection($"Data Source={source};Mode=ReadOnly;Pooling=False"))
        await using (var into = new SqliteConnection($"Data Source={target.FullName};Pooling=False"))
        {
            await from.OpenAsync(ct);
            await into.OpenAsync(ct);
            from.BackupDatabase(into);
        }

        await parse.InvocationConfiguration.Output.WriteLineAsync($"Backed up {source} to {target.FullName}.");
        return 0;
    }
}
