using Stillpoint.Cli;

return await StillpointCli.RunAsync(args);
