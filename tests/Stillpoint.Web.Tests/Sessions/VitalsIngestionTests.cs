using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stillpoint.Core.Access;
using Stillpoint.Data;
using Stillpoint.Data.Audit;
using Stillpoint.Data.Entities;
using Stillpoint.Data.Sessions;
using Stillpoint.Web.Tests.Infrastructure;

namespace Stillpoint.Web.Tests.Sessions;

/// <summary>
/// The group-commit vitals writer batches requests of different clinics and users into one transaction. Whatever
/// the mix: each request is stored once (concurrent duplicates too), each stored row has exactly one audit entry
/// naming its own clinic, user and request, the hash chain stays intact, and another clinic's session is 404.
/// </summary>
[Collection(WebAppsDefinition.Name)]
public sealed class VitalsIngestionTests(AppsFixture apps)
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ConcurrentBurstFromTwoClinics_StoresEachRequestOnce_AuditsEveryRow_AndKeepsTheChainIntact(string provider)
    {
        var app = apps[provider];
        var clinicA = await app.NewClinicAsync();
        var clinicB = await app.NewClinicAsync();
        using var nurseA = await app.ClientAsAsync(clinicA, Roles.Nurse);
        using var prescriberA = await app.ClientAsAsync(clinicA, Roles.Prescriber);
        using var nurseB = await app.ClientAsAsync(clinicB, Roles.Nurse);
        var sessionA = await SessionFlow.ScheduleAsync(app, clinicA, nurseA, clinicA.OtherPatientId);
        await SessionFlow.MoveAsync(nurseA, sessionA, "CheckedIn");
        var sessionB = await SessionFlow.ScheduleAsync(app, clinicB, nurseB, clinicB.OtherPatientId);
        await SessionFlow.MoveAsync(nurseB, sessionB, "CheckedIn");
        var takenAt = DateTimeOffset.UtcNow.AddMinutes(-1);
        object Body(int heartRate) => new { takenAt, systolic = 120, diastolic = 80, heartRate, spO2 = 98, respiratoryRate = 14 };

        var sends = new List<Task<(HttpStatusCode Status, string Body, bool Replayed)>>();
        for (var i = 0; i < 40; i++)
        {
            sends.Add(SendAsync(nurseA, sessionA, Body(60 + (i % 40)), $"a-nurse-{i}"));
            sends.Add(SendAsync(prescriberA, sessionA, Body(60 + (i % 40)), $"a-prescriber-{i}"));
            sends.Add(SendAsync(nurseB, sessionB, Body(60 + (i % 40)), $"b-nurse-{i}"));
        }

        // The same key sent 10 times at once (one stored, all answered alike), and the same key in the other clinic
        // (keys are per clinic: stored separately). Clinic B's nurse posting to clinic A's session: 404.
        var duplicates = Enumerable.Range(0, 10).Select(_ => SendAsync(nurseA, sessionA, Body(77), "shared-key")).ToList();
        var otherClinic = SendAsync(nurseB, sessionB, Body(78), "shared-key");
        var crossClinic = Enumerable.Range(0, 5).Select(i => SendAsync(nurseB, sessionA, Body(79), $"cross-{i}")).ToList();
        var results = await Task.WhenAll(sends);
        var duplicateResults = await Task.WhenAll(duplicates);

        Assert.All(results, r => Assert.Equal(HttpStatusCode.Created, r.Status));
        Assert.All(duplicateResults, r => Assert.Equal(HttpStatusCode.Created, r.Status));
        Assert.Single(duplicateResults.Select(r => r.Body).Distinct(StringComparer.Ordinal));
        Assert.Equal(9, duplicateResults.Count(r => r.Replayed));
        Assert.Equal(HttpStatusCode.Created, (await otherClinic).Status);
        Assert.All(await Task.WhenAll(crossClinic), r => Assert.Equal(HttpStatusCode.NotFound, r.Status));

        // A retry after the batch committed: the original answer, nothing stored.
        var retry = await SendAsync(nurseA, sessionA, Body(77), "shared-key");
        Assert.True(retry.Replayed);
        Assert.Equal(duplicateResults[0].Body, retry.Body);

        var nurseAId = await UserIdAsync(app, clinicA, Roles.Nurse);
        var prescriberAId = await UserIdAsync(app, clinicA, Roles.Prescriber);
        var nurseBId = await UserIdAsync(app, clinicB, Roles.Nurse);
        await app.AsSystemAsync(async services =>
        {
            var db = services.GetRequiredService<StillpointDbContext>();
            var entries = await db.Set<SessionEntry>().Where(e => e.SessionId == sessionA || e.SessionId == sessionB).Where(e => e.Kind == EntryKinds.Vitals).ToListAsync();
            Assert.Equal(81, entries.Count(e => e.SessionId == sessionA));
            Assert.Equal(41, entries.Count(e => e.SessionId == sessionB));
            Assert.All(entries, e => Assert.Equal(e.SessionId == sessionA ? clinicA.Id : clinicB.Id, e.ClinicId));
            Assert.All(entries, e => Assert.Equal(e.SessionId == sessionA ? clinicA.OtherPatientId : clinicB.OtherPatientId, e.PatientId));

            var ids = entries.Select(e => e.Id.ToString()).ToList();
            var audit = await db.AuditEntries.Where(a => a.EntityType == nameof(SessionEntry) && ids.Contains(a.EntityId!)).ToListAsync();
            Assert.Equal(entries.Count, audit.Count);
            var byId = audit.ToDictionary(a => a.EntityId!);
            foreach (var entry in entries)
            {
                var a = byId[entry.Id.ToString()];
                Assert.Equal("create", a.Action);
                Assert.Equal(entry.ClinicId, a.ClinicId);
                Assert.Equal(entry.PatientId, a.PatientId);
                Assert.Equal(entry.RecordedBy, a.UserId);
                Assert.False(string.IsNullOrEmpty(a.RequestId));
            }

            Assert.Equal(41, audit.Count(a => a.UserId == nurseAId && a.Role == Roles.Nurse));
            Assert.Equal(40, audit.Count(a => a.UserId == prescriberAId && a.Role == Roles.Prescriber));
            Assert.Equal(41, audit.Count(a => a.UserId == nurseBId && a.ClinicId == clinicB.Id));
            Assert.Equal(audit.Count, audit.Select(a => a.RequestId).Distinct(StringComparer.Ordinal).Count());

            var verification = await AuditVerifier.VerifyAsync(db, CancellationToken.None);
            Assert.True(verification.Intact, verification.Problem);
            return 0;
        });
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task BadInputAndClosedSessions_WriteNothing(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        var scheduled = await SessionFlow.ScheduleAsync(app, clinic, nurse, clinic.OtherPatientId);
        var body = new { takenAt = DateTimeOffset.UtcNow.AddMinutes(-1), systolic = 120, diastolic = 80, heartRate = 70, spO2 = 98, respiratoryRate = 14 };

        // Before check-in: 409, and the key is not spent (a retry after check-in stores the reading).
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(nurse, scheduled, body, "k1")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(nurse, scheduled, body with { spO2 = 140 }, "k2")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(nurse, Guid.NewGuid(), body, "k3")).Status);
        Assert.Equal(0, await VitalsCountAsync(app, scheduled));
        await SessionFlow.MoveAsync(nurse, scheduled, "CheckedIn");
        var stored = await SendAsync(nurse, scheduled, body, "k1");
        Assert.Equal(HttpStatusCode.Created, stored.Status);
        Assert.False(stored.Replayed);
        Assert.Equal(1, await VitalsCountAsync(app, scheduled));
    }

    private static Task<int> VitalsCountAsync(StillpointTestApp app, Guid sessionId) => app.AsSystemAsync(services =>
        services.GetRequiredService<StillpointDbContext>().Set<SessionEntry>().CountAsync(e => e.SessionId == sessionId && e.Kind == EntryKinds.Vitals));

    private static async Task<(HttpStatusCode Status, string Body, bool Replayed)> SendAsync(HttpClient client, Guid sessionId, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/sessions/{sessionId}/vitals") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Contains("Idempotency-Replayed"));
    }

    private static Task<Guid> UserIdAsync(StillpointTestApp app, TestClinic clinic, string role) => app.AsSystemAsync(async services =>
        (await services.GetRequiredService<UserManager<StillpointUser>>().FindByEmailAsync(clinic.Emails[role]))!.Id);
}
