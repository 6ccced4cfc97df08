using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Stillpoint.Data;
using Stillpoint.Data.Sessions;
using Stillpoint.Web.Journal;
using Stillpoint.Web.Tests.Infrastructure;

namespace Stillpoint.Web.Tests.Journal;

/// <summary>Journal test data: sessions stored directly (the journal only needs one to exist), entries through the API.</summary>
internal static class JournalTestData
{
    public static Task<Guid> SessionAsync(StillpointTestApp app, Guid clinicId, Guid patientId) => app.AsSystemAsync(async services =>
    {
        var db = services.GetRequiredService<StillpointDbContext>();
        var at = DateTimeOffset.UtcNow.AddDays(-2);
        var session = new DosingSession { ClinicId = clinicId, PatientId = patientId, Phase = "Discharged", ScheduledFor = at, CreatedAt = at };
        db.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    });

    public static async Task<JournalEntryDto> WriteAsync(HttpClient patient, string text, bool shared, Guid? sessionId = null, string kind = "evening-after")
    {
        var response = await patient.PostJsonAsync("/api/v1/portal/journal", new { kind, text, mood = 5, tags = new[] { "Sleep" }, sessionId, sharedWithCareTeam = shared });
        return await response.ReadAsync<JournalEntryDto>(HttpStatusCode.Created);
    }
}
