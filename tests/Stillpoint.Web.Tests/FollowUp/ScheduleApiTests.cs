using System.Net;
using Stillpoint.Core.Access;
using Stillpoint.Core.FollowUp;
using Stillpoint.Web.FollowUp;
using Stillpoint.Web.Tests.Infrastructure;

namespace Stillpoint.Web.Tests.FollowUp;

/// <summary>
/// Schedules computed from the active plan, its sessions and responses (issue 6 §1): a moved session moves its items,
/// an aborted one drops them, statuses follow the clock, and a patient reads only its own schedule.
/// </summary>
[Collection(WebAppsDefinition.Name)]
public sealed class ScheduleApiTests(AppsFixture apps)
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Schedule_FollowsSessions_MovedSessionMovesItsItems_AbortedSessionDropsThem(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        var first = DateTimeOffset.UtcNow.AddDays(2);
        var ids = await FollowUpFlow.ActivePlanWithSessionsAsync(app, clinic, first, first.AddDays(3));
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);

        var schedule = await FollowUpFlow.GetScheduleAsync(nurse, clinic.PortalPatientId);
        var pre = schedule.Items.Single(i => i.Key == $"bsri-pre/session:{ids[0]}");
        Assert.Equal(first.AddMinutes(-15).UtcTicks / 10_000, pre.Due.UtcTicks / 10_000); // due 15 min before the dose
        Assert.Equal("pre-dose", pre.Context);
        Assert.Equal(ids[0], pre.SessionId);
        Assert.Contains(schedule.Items, i => i.Key == $"bsri-post/session:{ids[1]}");
        Assert.Contains(schedule.Items, i => i.Key == $"rrs22-baseline/session:{ids[0]}" && i.Context == "baseline");
        Assert.Contains(schedule.Items, i => i.Key == "phq9-weekly/occurrence:0" && i.Status == DueStatus.Due);

        // Moved a day later: the same items (same keys) move with it.
        await FollowUpFlow.MoveSessionAsync(app, ids[0], first.AddDays(1));
        schedule = await FollowUpFlow.GetScheduleAsync(nurse, clinic.PortalPatientId);
        pre = schedule.Items.Single(i => i.Key == $"bsri-pre/session:{ids[0]}");
        Assert.Equal(first.AddDays(1).AddMinutes(-15).UtcTicks / 10_000, pre.Due.UtcTicks / 10_000);

        // Aborted: its unanswered items are gone; the other session's stay.
        (await nurse.PostJsonAsync($"/api/v1/sessions/{ids[1]}/transitions", new { to = "Aborted", reason = "patient unwell" })).EnsureSuccessStatusCode();
        schedule = await FollowUpFlow.GetScheduleAsync(nurse, clinic.PortalPatientId);
        Assert.DoesNotContain(schedule.Items, i => i.SessionId == ids[1]);
        Assert.Contains(schedule.Items, i => i.SessionId == ids[0]);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Status_MovesWithTheClock_AndAnAnswerInTheWindowCompletesTheItem(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        await FollowUpFlow.ActivePlanWithSessionsAsync(app, clinic);
        var start = DateTimeOffset.UtcNow;

        // PHQ-9 weekly from the plan start: due (opens −1 d, overdue +2 d, closes +6 d), then overdue, then missed.
        static DueStatus Phq9(PatientSchedule s, int n) => s.States.Single(x => x.Item.Key == $"phq9-weekly/occurrence:{n}").Status;
        Assert.Equal(DueStatus.Due, Phq9(await FollowUpFlow.ScheduleAtAsync(app, clinic.PortalPatientId, start.AddHours(1)), 0));
        Assert.Equal(DueStatus.Overdue, Phq9(await FollowUpFlow.ScheduleAtAsync(app, clinic.PortalPatientId, start.AddDays(3)), 0));
        var week = await FollowUpFlow.ScheduleAtAsync(app, clinic.PortalPatientId, start.AddDays(7));
        Assert.Equal(DueStatus.Missed, Phq9(week, 0));
        Assert.Equal(DueStatus.Due, Phq9(week, 1));

        using var patient = await app.ClientAsAsync(clinic, Roles.Patient);
        (await patient.PostJsonAsync($"/api/v1/patients/{clinic.PortalPatientId}/responses", new
        {
            instrumentId = "phq9", answers = new[] { 1, 1, 1, 1, 1, 1, 1, 1, 0 }, context = "baseline",
        })).EnsureSuccessStatusCode();
        var later = await FollowUpFlow.ScheduleAtAsync(app, clinic.PortalPatientId, start.AddDays(7));
        Assert.Equal(DueStatus.Completed, Phq9(later, 0));
        Assert.Equal(DueStatus.Due, Phq9(later, 1)); // one answer completes one item
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Schedule_PatientReadsOwnOnly_AnotherPatientsIs404(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        await FollowUpFlow.ActivePlanWithSessionsAsync(app, clinic);
        using var patient = await app.ClientAsAsync(clinic, Roles.Patient);

        var own = await FollowUpFlow.GetScheduleAsync(patient, clinic.PortalPatientId);
        Assert.NotEmpty(own.Items);
        Assert.Equal(HttpStatusCode.NotFound, (await patient.GetAsync($"/api/v1/patients/{clinic.OtherPatientId}/follow-up/schedule")).StatusCode);

        // Another clinic's staff cannot see it either.
        var other = await app.NewClinicAsync();
        using var stranger = await app.ClientAsAsync(other, Roles.Nurse);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/patients/{clinic.PortalPatientId}/follow-up/schedule")).StatusCode);

        // No plan: an empty schedule, not an error.
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        var none = await FollowUpFlow.GetScheduleAsync(nurse, clinic.OtherPatientId);
        Assert.Null(none.PlanId);
        Assert.Empty(none.Items);
    }
}
