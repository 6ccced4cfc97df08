namespace Stillpoint.Web.Live;

internal static class LiveSetup
{
    /// <summary>The clinic event bus, and its PostgreSQL relay between nodes (idle on SQLite) — one line in WebSetup.</summary>
    public static IServiceCollection AddClinicEvents(this IServiceCollection services)
    {
        services.AddSingleton<ClinicEvents>();
        services.AddSingleton<PostgresEventRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<PostgresEventRelay>());
        return services;
    }
}
