using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stillpoint.Core.Access;
using Stillpoint.Data;
using Stillpoint.Data.Sessions;
using Stillpoint.Web.FollowUp;
using Stillpoint.Web.Tests.Infrastructure;

namespace Stillpoint.Web.Tests.FollowUp;

/// <summary>Intent methods for follow-up tests: an active plan with booked sessions, schedules at a chosen moment.</summary>
internal static class FollowUpFlow
{
    /// <summary>Makes the portal patient ready to dose with an active plan (activated now) and books sessions at the given times.</summary>
    public static async Task<List<Guid>> ActivePlanWithSessionsAsync(StillpointTestApp app, TestClinic clinic, params DateTimeOffset[] sessions)
    {
        await ReadyToDose.PrepareAsync(app, clinic, clinic.PortalPatientId);
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        var ids = new List<Guid>();
        foreach (var at in sessions)
        {
            var created = await (await nurse.PostJsonAsync($"/api/v1/patients/{clinic.PortalPatientId}/sessions", new { scheduledFor = at }))
                .ReadAsync<JsonElement>(HttpStatusCode.Created);
            ids.Add(created.GetProperty("id").GetGuid());
        }

        return ids;
    }

    /// <summary>The schedule as the system computes it at <paramref name="now"/>.</summary>
    public static Task<PatientSchedule> ScheduleAtAsync(StillpointTestApp app, Guid patientId, DateTimeOffset now) =>
        app.AsSystemAsync(async services =>
            (await ActivatorUtilities.CreateInstance<ScheduleService>(services).ComputeAsync(patientId, now, CancellationToken.None))!);

    /// <summary>Moves a booked session (there is no reschedule endpoint yet: a direct update, as a future one would do).</summary>
    public static Task MoveSessionAsync(StillpointTestApp app, Guid sessionId, DateTimeOffset to) =>
        app.AsSystemAsync(async services =>
        {
            var db = services.GetRequiredService<StillpointDbContext>();
            var session = await db.Set<DosingSession>().FirstAsync(s => s.Id == sessionId);
            session.ScheduledFor = to;
            return await db.SaveChangesAsync();
        });

    public static async Task<ScheduleDto> GetScheduleAsync(HttpClient client, Guid patientId) =>
        await (await client.GetAsync($"/api/v1/patients/{patientId}/follow-up/schedule")).ReadAsync<ScheduleDto>(HttpStatusCode.OK);

    /// <summary>Answers for every item of a questionnaire as the portal form posts them.</summary>
    public static Dictionary<string, string> Answers(string item, params int[] values)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal) { ["Item"] = item };
        for (var i = 0; i < values.Length; i++)
        {
            fields[$"Form.Answers[{i + 1}]"] = values[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return fields;
    }
}
