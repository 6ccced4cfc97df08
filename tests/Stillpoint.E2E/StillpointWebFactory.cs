using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Stillpoint.E2E;

/// <summary>
/// The real web host on real Kestrel (a free loopback port), so a browser can reach it, with the demo clinic
/// seeded into a fresh SQLite file in a temp folder that is deleted afterwards.
/// </summary>
public sealed class StillpointWebFactory : WebApplicationFactory<Program>
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("stillpoint-e2e-");
    private Uri? _baseUrl;

    public StillpointWebFactory()
    {
        UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>The address Kestrel listens on, e.g. http://127.0.0.1:41234/. Starts the server on first use.</summary>
    public Uri BaseUrl => _baseUrl ??= Start();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Database:Provider", "sqlite");
        // Pooling=False: the file is not held open after the host stops, so the folder can be deleted.
        builder.UseSetting("ConnectionStrings:Stillpoint", $"Data Source={Path.Combine(_dir.FullName, "test.db")};Pooling=False");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _dir.Delete(recursive: true);
    }

    private Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        return new Uri(addresses.First());
    }
}
