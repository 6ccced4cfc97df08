using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stillpoint.Core.Access;
using Stillpoint.Core.Common;
using Stillpoint.Data.Access;
using Stillpoint.Web.Alerts;
using Stillpoint.Data;
using Stillpoint.Data.Alerts;
using Stillpoint.Data.Responses;
using Stillpoint.Web.Responses;
using Stillpoint.Web.Tests.Infrastructure;
using static Stillpoint.Web.Tests.Alerts.AlertTestKit;

namespace Stillpoint.Web.Tests.Alerts;

/// <summary>
/// Care-team alerts raised in the transaction that stores a response (issue 6 §4): suicide-risk answers at once and at
/// the top, reliable deterioration, raised once, open → acknowledged → resolved with 409 on a stale version, neutral
/// outbox messages for the care team, filters, and nothing for patients.
/// </summary>
[Collection(WebAppsDefinition.Name)]
public sealed class AlertApiTests(AppsFixture apps)
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PatientAnswersPhq9Item9_HighAlertIsInTheInboxRightAway_AtTheTop(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var patient = await app.ClientAsAsync(clinic, Roles.Patient);
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);

        // A medium alert first (reliable deterioration 2 → 20 on the other patient), then the suicide-risk answer.
        await StoreAsync(nurse, clinic.OtherPatientId, Phq9(Phq9Total(2), DateTimeOffset.UtcNow.AddDays(-14)));
        await StoreAsync(nurse, clinic.OtherPatientId, Phq9(Phq9Total(20)));
        var responseId = await StoreAsync(patient, clinic.PortalPatientId, Phq9([0, 0, 0, 0, 0, 0, 0, 0, 1]));

        var inbox = await AlertsAsync(nurse);
        Assert.Equal(2, inbox.Count);
        var top = inbox[0];
        Assert.Equal("SuicideRisk", top.GetProperty("kind").GetString());
        Assert.Equal("High", top.GetProperty("severity").GetString());
        Assert.Equal("open", top.GetProperty("state").GetString());
        Assert.Equal(clinic.PortalPatientId, top.GetProperty("patientId").GetGuid());
        Assert.Equal(responseId.ToString(), top.GetProperty("sourceRef").GetString());
        Assert.Contains("item 9", top.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        Assert.Equal("ReliableDeterioration", inbox[1].GetProperty("kind").GetString());
        Assert.Equal("Medium", inbox[1].GetProperty("severity").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task OutboxMessages_GoToTheClinicalTeam_WithNeutralText(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var patient = await app.ClientAsAsync(clinic, Roles.Patient);
        await StoreAsync(patient, clinic.PortalPatientId, Phq9([2, 2, 2, 2, 2, 2, 2, 2, 3]));

        var messages = await OutboxAsync(app, clinic.Id);
        var recipients = messages.Select(m => m.RecipientAddress).Order(StringComparer.Ordinal).ToList();
        Assert.Equal([clinic.Emails[Roles.Nurse], clinic.Emails[Roles.Prescriber], clinic.Emails[Roles.Therapist]], recipients);
        foreach (var message in messages)
        {
            Assert.Equal("alert", message.Kind);
            Assert.Equal("email", message.Channel);
            Assert.Equal(clinic.PortalPatientId, message.PatientId);
            using var payload = JsonDocument.Parse(message.Payload);
            Assert.StartsWith("/alerts?focus=", payload.RootElement.GetProperty("Link").GetString(), StringComparison.Ordinal);

            // Neutral: no score, answer, instrument, kind or name.
            Assert.DoesNotMatch("[0-9]", payload.RootElement.GetProperty("Text").GetString()!);
            foreach (var word in new[] { "PHQ", "phq", "item", "suicid", "Alex", "19", "risk" })
            {
                Assert.DoesNotContain(word, payload.RootElement.GetProperty("Subject").GetString() + payload.RootElement.GetProperty("Text").GetString(), StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task FailedResponseWrite_LeavesNoAlert(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var patient = await app.ClientAsAsync(clinic, Roles.Patient);
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);

        // Refused input: nothing stored, nothing raised.
        var bad = await patient.PostJsonAsync(AlertTestKit.Responses(clinic.PortalPatientId), new { instrumentId = "phq9", answers = new[] { 0, 0, 0, 0, 0, 0, 0, 9, 1 }, context = "follow-up" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        // The handler ran but the transaction did not commit: its alert and outbox rows go with it.
        await app.AsSystemAsync(async services =>
        {
            var db = services.GetRequiredService<StillpointDbContext>();
            var handler = services.GetServices<IResponseStoredHandler>().Single(h => h.GetType().Name == "ResponseAlertHandler");
            await using var tx = await db.Database.BeginTransactionAsync();
            var row = NewPhq9Row(clinic, [0, 0, 0, 0, 0, 0, 0, 0, 2]);
            db.Add(row);
            await handler.OnStoredAsync(row, CancellationToken.None);
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
            return 0;
        });

        Assert.Empty(await AlertsAsync(nurse, "?state="));
        Assert.Empty(await OutboxAsync(app, clinic.Id));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SameResponseHandledTwice_RaisesOneAlert(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        var row = NewPhq9Row(clinic, [0, 0, 0, 0, 0, 0, 0, 0, 1]);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            await app.AsSystemAsync(async services =>
            {
                var db = services.GetRequiredService<StillpointDbContext>();
                var handler = services.GetServices<IResponseStoredHandler>().Single(h => h.GetType().Name == "ResponseAlertHandler");
                if (!await db.Set<InstrumentResponse>().AnyAsync(r => r.Id == row.Id))
                {
                    db.Add(row);
                }

                await handler.OnStoredAsync(row, CancellationToken.None);
                return await db.SaveChangesAsync();
            });
        }

        Assert.Single(await AlertsAsync(nurse, "?state="));
        Assert.Equal(3, (await OutboxAsync(app, clinic.Id)).Count);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Acknowledge_Resolve_WithWhoAndWhen_StaleVersionIs409(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        using var therapist = await app.ClientAsAsync(clinic, Roles.Therapist);
        await StoreAsync(nurse, clinic.OtherPatientId, Phq9([0, 0, 0, 0, 0, 0, 0, 0, 1]));
        var alert = (await AlertsAsync(nurse)).Single();
        var id = alert.GetProperty("id").GetGuid();
        var version = alert.GetProperty("version").GetInt32();

        var acked = await (await nurse.PostJsonAsync($"/api/v1/alerts/{id}/acknowledge", new { note = "Calling the patient now", version })).ReadAsync<JsonElement>(HttpStatusCode.OK);
        Assert.Equal("acknowledged", acked.GetProperty("state").GetString());
        Assert.Equal($"{Roles.Nurse} {clinic.Tag}", acked.GetProperty("acknowledgedByName").GetString());
        Assert.NotEqual(JsonValueKind.Null, acked.GetProperty("acknowledgedAt").ValueKind);

        // The therapist still holds the old version: 409, nothing changed.
        var stale = await therapist.PostJsonAsync($"/api/v1/alerts/{id}/resolve", new { note = "Seen", version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var newVersion = acked.GetProperty("version").GetInt32();
        var noNote = await therapist.PostJsonAsync($"/api/v1/alerts/{id}/resolve", new { note = " ", version = newVersion });
        Assert.Contains("note", (await noNote.FieldErrorsAsync()).Keys);

        var resolved = await (await therapist.PostJsonAsync($"/api/v1/alerts/{id}/resolve", new { note = "Safety plan agreed", version = newVersion })).ReadAsync<JsonElement>(HttpStatusCode.OK);
        Assert.Equal("resolved", resolved.GetProperty("state").GetString());
        Assert.Equal("Safety plan agreed", resolved.GetProperty("resolutionNote").GetString());
        Assert.Equal($"{Roles.Therapist} {clinic.Tag}", resolved.GetProperty("resolvedByName").GetString());
        Assert.Equal($"{Roles.Nurse} {clinic.Tag}", resolved.GetProperty("acknowledgedByName").GetString());

        var again = await therapist.PostJsonAsync($"/api/v1/alerts/{id}/resolve", new { note = "again", version = resolved.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Empty(await AlertsAsync(nurse, "?state=active")); // open or acknowledged
        Assert.Single(await AlertsAsync(nurse, "?state=resolved"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Filters_SelectByStateSeverityKindAndPatient_BadValuesAre400(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        await StoreAsync(nurse, clinic.PortalPatientId, Phq9([0, 0, 0, 0, 0, 0, 0, 0, 1]));
        await StoreAsync(nurse, clinic.OtherPatientId, new { instrumentId = "cssrs-screen", answers = new int?[] { 1, 1, 1, 0, 0, 0, null }, context = "follow-up" });
        await StoreAsync(nurse, clinic.OtherPatientId, Phq9(Phq9Total(1), DateTimeOffset.UtcNow.AddDays(-7)));
        await StoreAsync(nurse, clinic.OtherPatientId, Phq9(Phq9Total(18)));

        Assert.Equal(3, (await AlertsAsync(nurse)).Count);
        Assert.Equal(2, (await AlertsAsync(nurse, "?kind=SuicideRisk")).Count);
        Assert.Equal("C-SSRS", (await AlertsAsync(nurse, $"?kind=SuicideRisk&patientId={clinic.OtherPatientId}")).Single().GetProperty("explanation").GetString()![..6]);
        Assert.Single(await AlertsAsync(nurse, "?severity=medium"));
        Assert.Equal(3, (await AlertsAsync(nurse, "?state=open")).Count);
        Assert.Empty(await AlertsAsync(nurse, "?state=acknowledged"));
        var bad = await nurse.GetAsync("/api/v1/alerts?severity=urgent&kind=x&state=closed");
        Assert.Equal(["kind", "severity", "state"], (await bad.FieldErrorsAsync()).Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Patient_CannotReachAnyAlertOrBoosterEndpoint(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var patient = await app.ClientAsAsync(clinic, Roles.Patient);
        await StoreAsync(patient, clinic.PortalPatientId, Phq9([0, 0, 0, 0, 0, 0, 0, 0, 1]));
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        var id = (await AlertsAsync(nurse)).Single().GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.Forbidden, (await patient.GetAsync("/api/v1/alerts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await patient.GetAsync($"/api/v1/alerts?patientId={clinic.PortalPatientId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await patient.PostJsonAsync($"/api/v1/alerts/{id}/acknowledge", new { version = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await patient.PostJsonAsync($"/api/v1/alerts/{id}/resolve", new { note = "x", version = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await patient.GetAsync("/api/v1/alerts/settings")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await patient.GetAsync("/api/v1/boosters")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await patient.GetAsync("/live/alerts")).StatusCode);

        // Behind the policy the service refuses a patient caller too, although the patient filter alone would show it its own alert.
        var (visibleToFilter, listed, acknowledged) = await app.AsSystemAsync(async services =>
        {
            var caller = new PatientCaller(clinic.Id, clinic.PortalPatientId);
            await using var db = ActivatorUtilities.CreateInstance<StillpointDbContext>(services, (ICallerContext)caller, TimeProvider.System);
            var alerts = ActivatorUtilities.CreateInstance<AlertService>(services, db);
            return (await db.Set<CareAlert>().CountAsync(),
                (await alerts.ListAsync(new AlertFilter(), CancellationToken.None)).Failure,
                (await alerts.AcknowledgeAsync(id, new AlertActionRequest(null, 0), CancellationToken.None)).Failure);
        });
        Assert.Equal(1, visibleToFilter);
        Assert.Equal(FailureKind.NotFound, listed);
        Assert.Equal(FailureKind.NotFound, acknowledged);

        // Another clinic's staff: 404.
        var other = await app.NewClinicAsync();
        using var otherNurse = await app.ClientAsAsync(other, Roles.Nurse);
        Assert.Equal(HttpStatusCode.NotFound, (await otherNurse.PostJsonAsync($"/api/v1/alerts/{id}/acknowledge", new { version = 0 })).StatusCode);
        Assert.Empty(await AlertsAsync(otherNurse, "?state="));
    }

    private static InstrumentResponse NewPhq9Row(TestClinic clinic, int[] answers) => new()
    {
        ClinicId = clinic.Id,
        PatientId = clinic.OtherPatientId,
        InstrumentId = "phq9",
        InstrumentVersion = "1",
        Answers = JsonSerializer.Serialize(answers),
        AnsweredAt = DateTimeOffset.UtcNow,
        RecordedAt = DateTimeOffset.UtcNow,
        EnteredBy = ResponseValues.EnteredByStaff,
        Context = "follow-up",
        Status = ResponseValues.Complete,
        Total = answers.Sum(),
        Flags = "[]",
        Subscales = "{}",
        IsComplete = true,
        Explanation = "[]",
    };

    private sealed class PatientCaller(Guid clinicId, Guid patientId) : ICallerContext
    {
        public bool IsSystem => false;

        public Guid? ClinicId => clinicId;

        public Guid? PatientId => patientId;

        public Guid? UserId => null;

        public string? Role => Roles.Patient;

        public string? RequestId => null;
    }
}
