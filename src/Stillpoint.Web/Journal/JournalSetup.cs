namespace Stillpoint.Web.Journal;

internal static class JournalSetup
{
    public static void AddStillpointJournal(this IServiceCollection services)
    {
        services.AddScoped<JournalPromptService>();
        services.AddScoped<JournalService>();
        services.AddScoped<CareTeamJournalService>();
        services.AddScoped<IntegrationNoteService>();
    }
}
