namespace Stillpoint.Web.Dashboard;

internal static class DashboardSetup
{
    public static IServiceCollection AddStillpointDashboard(this IServiceCollection services)
    {
        services.AddScoped<DashboardService>();
        services.AddScoped<DurabilityService>();
        return services;
    }
}
