using Stillpoint.Web.Hosting;

var (hostArgs, noDemo) = WebSetup.StripNoDemoSwitch(args);
var builder = WebApplication.CreateBuilder(hostArgs);
if (noDemo)
{
    builder.DisableDemo();
}

builder.AddStillpointWeb();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.MapStillpoint();
await app.RunAsync();
