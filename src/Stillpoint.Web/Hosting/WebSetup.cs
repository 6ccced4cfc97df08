using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Stillpoint.Data;
using Stillpoint.Data.Database;
using Stillpoint.Web.Api;
using Stillpoint.Web.Assessment;
using Stillpoint.Web.Audit;
using Stillpoint.Web.Auth;
using Stillpoint.Web.Components;
using Stillpoint.Web.Connectivity;
using Stillpoint.Web.FollowUp;
using Stillpoint.Web.Health;
using Stillpoint.Web.Instruments;
using Stillpoint.Web.Patients;
using Stillpoint.Web.Sessions;

namespace Stillpoint.Web.Hosting;

internal static class WebSetup
{
    /// <summary>
    /// Removes the <c>--no-demo</c> switch (the configuration parser would want a value after it) and
    /// says whether it was given.
    /// </summary>
    public static (string[] Args, bool NoDemo) StripNoDemoSwitch(string[] args) =>
        ([.. args.Where(a => !IsNoDemo(a))], args.Any(IsNoDemo));

    public static void DisableDemo(this WebApplicationBuilder builder) =>
        builder.Configuration.AddInMemoryCollection([new("Demo:Enabled", "false")]);

    private static bool IsNoDemo(string arg) => string.Equals(arg, "--no-demo", StringComparison.Ordinal);

    public static void AddStillpointWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddStillpointData();
        services.AddStillpointAuth();
        services.AddDataProtection().SetApplicationName("Stillpoint");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IServiceScopeFactory>((options, scopes) => options.XmlRepository = new DbXmlRepository(scopes));
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        services.AddOpenApi();
        services.AddRazorComponents();
        services.AddAntiforgery();
        services.AddScoped<PatientService>();
        services.AddScoped<AuditLogService>();
        services.AddScoped<AssessmentService>();
        services.AddScoped<ConnectivityService>();
        builder.AddInstruments();
        Live.LiveSetup.AddClinicEvents(services);
        services.AddStillpointSessions(builder.Configuration);
        Journal.JournalSetup.AddStillpointJournal(services);
        services.AddStillpointFollowUp();
        Alerts.AlertEndpoints.AddStillpointAlerts(services);
        services.AddScoped<Outcomes.PatientOutcomeService>();
        services.AddScoped<Interop.ExportService>();
        Dashboard.DashboardSetup.AddStillpointDashboard(services, builder.Configuration);
    }

    public static void MapStillpoint(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapOpenApi().RequireAuthorization();
        app.MapHealthEndpoints();
        app.MapAuthEndpoints();
        app.MapPatientEndpoints();
        app.MapAuditEndpoints();
        app.MapAssessmentEndpoints();
        app.MapConnectivityEndpoints();
        app.MapInstrumentEndpoints();
        app.MapSessionEndpoints();
        Journal.JournalEndpoints.MapJournalEndpoints(app);
        app.MapFollowUpEndpoints();
        Alerts.AlertEndpoints.MapAlertEndpoints(app);
        Outcomes.OutcomeEndpoints.MapPatientOutcomeEndpoints(app);
        Interop.ExportEndpoints.MapExportEndpoints(app);
        Dashboard.DashboardEndpoints.MapDashboardEndpoints(app);
        app.MapRazorComponents<App>();
    }
}
