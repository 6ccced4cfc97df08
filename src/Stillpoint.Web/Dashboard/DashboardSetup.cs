namespace Stillpoint.Web.Dashboard;

internal static class DashboardSetup
{
    public static IServiceCollection AddStillpointDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new OutcomeSourceSettings { UseSummaries = configuration.GetValue("Outcomes:Summaries", true) });
        services.AddSingleton<OutcomeCohortCache>();
        services.AddScoped<OutcomeSource>();
        services.AddScoped<DashboardService>();
        services.AddScoped<DurabilityService>();
        return services;
    }
}
