using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Stillpoint.Data.Accounts;
using Stillpoint.Data.Database;
using Stillpoint.Data.Demo;
using Stillpoint.Data.Entities;

namespace Stillpoint.Data;

public static class DependencyInjection
{
    /// <summary>The database, chosen by the registered configuration when the context is created, plus the services both hosts share.</summary>
    public static IServiceCollection AddStillpointData(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddDbContext<StillpointDbContext>((sp, options) =>
            DatabaseSettings.From(sp.GetRequiredService<IConfiguration>()).Apply(options));
        services.AddScoped<AccountService>();
        services.AddScoped<DemoSeeder>();
        return services;
    }

    /// <summary>Identity without sign-in (for the CLI); the web host adds cookies and tokens on top.</summary>
    public static IdentityBuilder AddStillpointIdentityCore(this IServiceCollection services) =>
        services.AddIdentityCore<StillpointUser>(IdentitySetup.Configure)
            .AddEntityFrameworkStores<StillpointDbContext>();
}
