using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stillpoint.Data;
using Stillpoint.Data.Outbox;
using Stillpoint.Web.Tests.Infrastructure;

namespace Stillpoint.Web.Tests.Alerts;

/// <summary>Shared steps of the alert and booster tests.</summary>
internal static class AlertTestKit
{
    public static string Responses(Guid patientId) => $"/api/v1/patients/{patientId}/responses";

    public static object Phq9(int[] answers, DateTimeOffset? answeredAt = null, string status = "complete") =>
        new { instrumentId = "phq9", answers, context = "follow-up", status, answeredAt };

    /// <summary>Nine PHQ-9 answers adding up to <paramref name="total"/> with item 9 = 0 (items 1–8 at most 3 each).</summary>
    public static int[] Phq9Total(int total)
    {
        var answers = new int[9];
        for (var i = 0; i < 8 && total > 0; i++)
        {
            answers[i] = Math.Min(3, total);
            total -= answers[i];
        }

        return answers;
    }

    public static async Task<Guid> StoreAsync(HttpClient client, Guid patientId, object body) =>
        (await (await client.PostJsonAsync(Responses(patientId), body)).ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    public static async Task<List<JsonElement>> AlertsAsync(HttpClient client, string query = "") =>
        [.. (await (await client.GetAsync("/api/v1/alerts" + query)).ReadAsync<JsonElement>(HttpStatusCode.OK)).EnumerateArray()];

    public static async Task<List<OutboxMessage>> OutboxAsync(StillpointTestApp app, Guid clinicId) =>
        await app.AsSystemAsync(async services =>
            await services.GetRequiredService<StillpointDbContext>().Set<OutboxMessage>().AsNoTracking().Where(m => m.ClinicId == clinicId).ToListAsync());
}

/// <summary>A clock the test moves by hand.</summary>
internal sealed class SettableClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Set(DateTimeOffset at) => _now = at;
}
