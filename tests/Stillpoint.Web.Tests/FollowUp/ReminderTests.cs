using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stillpoint.Core.Access;
using Stillpoint.Data;
using Stillpoint.Data.FollowUp;
using Stillpoint.Data.Outbox;
using Stillpoint.Web.FollowUp;
using Stillpoint.Web.Tests.Infrastructure;

namespace Stillpoint.Web.Tests.FollowUp;

/// <summary>Reminders (issue 6 §6): in-app notifications plus the same neutral outbox message, written once however often the sweep runs.</summary>
[Collection(WebAppsDefinition.Name)]
public sealed class ReminderTests(AppsFixture apps)
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Sweep_WritesEachReminderOnce_WithANeutralOutboxMessage_AndThePatientMarksItRead(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        var tomorrow = DateTimeOffset.UtcNow.AddHours(20);
        await FollowUpFlow.ActivePlanWithSessionsAsync(app, clinic, tomorrow);
        var sweep = ActivatorUtilities.CreateInstance<ReminderSweep>(app.Services);

        await Task.WhenAll(sweep.SweepPatientAsync(clinic.PortalPatientId, CancellationToken.None), sweep.SweepClinicAsync(clinic.Id, CancellationToken.None));
        await sweep.SweepClinicAsync(clinic.Id, CancellationToken.None);

        var (notifications, outbox) = await app.AsSystemAsync(async services =>
        {
            var db = services.GetRequiredService<StillpointDbContext>();
            return (await db.Set<PatientNotification>().Where(n => n.ClinicId == clinic.Id).ToListAsync(),
                await db.Set<OutboxMessage>().Where(m => m.ClinicId == clinic.Id).ToListAsync());
        });

        // Open now: PHQ-9 weekly (occurrence 0), GAD-7, the baseline RRS-22 and PTQ (due the day before the dose), BSRI pre-dose not yet.
        var keys = notifications.Select(n => n.DedupKey).ToList();
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(keys, k => k.EndsWith("/phq9-weekly/occurrence:0", StringComparison.Ordinal));
        Assert.Single(notifications, n => n.Kind == NotificationKinds.SessionPreparation);
        Assert.All(notifications, n => Assert.Equal(clinic.PortalPatientId, n.PatientId));
        Assert.Equal(notifications.Count, outbox.Count);
        Assert.All(outbox, m =>
        {
            Assert.Equal(OutboxChannels.Email, m.Channel);
            Assert.Equal(clinic.Emails[Roles.Patient], m.RecipientAddress);
            foreach (var clinical in new[] { "PHQ", "phq9", "GAD", "RRS", "PTQ", "BSRI", "score", "ketamine", "dose" })
            {
                Assert.DoesNotContain(clinical, m.Payload, StringComparison.OrdinalIgnoreCase);
            }
        });

        using var patient = await app.ClientAsAsync(clinic, Roles.Patient);
        var listed = await (await patient.GetAsync("/api/v1/portal/notifications")).ReadAsync<List<NotificationDto>>(HttpStatusCode.OK);
        Assert.Equal(notifications.Count, listed.Count);
        var read = await (await patient.PostJsonAsync($"/api/v1/portal/notifications/{listed[0].Id}/read", new { })).ReadAsync<NotificationDto>(HttpStatusCode.OK);
        Assert.NotNull(read.ReadAt);
        var again = await (await patient.PostJsonAsync($"/api/v1/portal/notifications/{listed[0].Id}/read", new { })).ReadAsync<NotificationDto>(HttpStatusCode.OK);
        Assert.Equal(read.ReadAt, again.ReadAt);

        // Another patient (other clinic's portal patient) cannot mark it.
        var other = await app.NewClinicAsync();
        using var stranger = await app.ClientAsAsync(other, Roles.Patient);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostJsonAsync($"/api/v1/portal/notifications/{listed[1].Id}/read", new { })).StatusCode);
    }
}
