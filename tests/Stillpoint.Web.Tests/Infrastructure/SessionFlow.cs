using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Stillpoint.Core.Access;
using Stillpoint.Data.Entities;

namespace Stillpoint.Web.Tests.Infrastructure;

/// <summary>Drives a session through the API to a phase, for tests about what happens there.</summary>
internal static class SessionFlow
{
    /// <summary>A patient ready to dose, a received lot, and a scheduled session.</summary>
    public static async Task<Guid> ScheduleAsync(StillpointTestApp app, TestClinic clinic, HttpClient nurse, Guid patientId)
    {
        await ReadyToDose.PrepareAsync(app, clinic, patientId);
        var created = await (await nurse.PostJsonAsync($"/api/v1/patients/{patientId}/sessions", new { scheduledFor = DateTimeOffset.UtcNow }))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);
        return created.GetProperty("id").GetGuid();
    }

    /// <summary>Scheduled → Dosing with normal pre-dose vitals and a go, and one administration started at <paramref name="doseAt"/>.</summary>
    public static async Task<(Guid SessionId, Guid AdministrationId)> StartDosingAsync(StillpointTestApp app, TestClinic clinic, HttpClient nurse, Guid patientId, DateTimeOffset doseAt)
    {
        var lot = $"LOT-{Guid.NewGuid():N}"[..20];
        (await nurse.PostJsonAsync("/api/v1/ledger/entries", new
        {
            kind = "received", lotNumber = lot, amountMg = 500m, expiry = DateOnly.FromDateTime(DateTime.UtcNow.AddYears(1)), concentrationMgPerMl = 50m,
        })).EnsureSuccessStatusCode();
        var id = await ScheduleAsync(app, clinic, nurse, patientId);
        await MoveAsync(nurse, id, "CheckedIn");
        await MoveAsync(nurse, id, "Preparation");
        var version = (await (await nurse.GetAsync($"/api/v1/sessions/{id}")).ReadAsync<JsonElement>(HttpStatusCode.OK)).GetProperty("session").GetProperty("version").GetInt32();
        (await nurse.PutJsonAsync($"/api/v1/sessions/{id}/preparation", new
        {
            version, intention = "rest", fastingConfirmed = true, escortConfirmed = true, pregnancy = "notApplicable", medicationsReviewed = true,
        })).EnsureSuccessStatusCode();
        using var vitals = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/sessions/{id}/vitals")
        {
            Content = JsonContent.Create(new { takenAt = doseAt.AddMinutes(-5), systolic = 122, diastolic = 78, heartRate = 70, spO2 = 98, respiratoryRate = 14 }),
        };
        vitals.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        (await nurse.SendAsync(vitals)).EnsureSuccessStatusCode();
        (await nurse.PostJsonAsync($"/api/v1/sessions/{id}/go-no-go", new { })).EnsureSuccessStatusCode();
        await MoveAsync(nurse, id, "Dosing");
        var witness = await app.AsSystemAsync(async services =>
            (await services.GetRequiredService<UserManager<StillpointUser>>().FindByEmailAsync(clinic.Emails[Roles.Prescriber]))!.Id);
        var admin = await (await nurse.PostJsonAsync($"/api/v1/sessions/{id}/administrations", new
        {
            drug = "ketamine", route = "intravenous", doseMg = ReadyToDose.DoseMg, lotNumber = lot, lotExpiry = DateOnly.FromDateTime(DateTime.UtcNow.AddYears(1)),
            startedAt = doseAt, witnessId = witness,
        })).ReadAsync<JsonElement>(HttpStatusCode.Created);
        return (id, admin.GetProperty("id").GetGuid());
    }

    public static async Task MoveAsync(HttpClient client, Guid id, string to)
    {
        var response = await client.PostJsonAsync($"/api/v1/sessions/{id}/transitions", new { to });
        Assert.True(response.IsSuccessStatusCode, $"{to}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
