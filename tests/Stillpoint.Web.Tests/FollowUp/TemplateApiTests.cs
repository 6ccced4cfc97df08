using System.Net;
using Stillpoint.Core.Access;
using Stillpoint.Web.FollowUp;
using Stillpoint.Web.Tests.Infrastructure;

namespace Stillpoint.Web.Tests.FollowUp;

/// <summary>Clinic-editable schedule templates (issue 6 §1): validation with field names, stale versions refused, schedules follow the edit.</summary>
[Collection(WebAppsDefinition.Name)]
public sealed class TemplateApiTests(AppsFixture apps)
{
    private static readonly WindowDto Weekly = new("-1d", "0", "2d", "6d");

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Put_BadTemplate_Is400PerField_AndChangesNothing(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var admin = await app.ClientAsAsync(clinic, Roles.ClinicAdmin);

        var response = await admin.PutJsonAsync("/api/v1/follow-up/templates/all", new TemplateRequest(0, "Ours",
        [
            new RuleDto("a", "phq9", "recurring", 0, null, Weekly, null),
            new RuleDto("b", "nope", "eachDose", null, null, new WindowDto("abc", "0", "1h", "2h"), null),
            new RuleDto("c", "gad7", "eachDose", null, "martian", new WindowDto("2h", "0", "1h", "3h"), null),
            new RuleDto("d", "moaas", "whenever", null, null, Weekly, null),
        ], []));

        var errors = await response.FieldErrorsAsync();
        Assert.Contains("rules[1].instrumentId", errors.Keys);
        Assert.Contains("rules[1].window.opens", errors.Keys);
        Assert.Contains("rules[2].onlyFor", errors.Keys);
        Assert.Contains("rules[3].anchor", errors.Keys);
        Assert.Contains("clinician-rated", errors["rules[3].instrumentId"][0], StringComparison.Ordinal);

        // Parsed but inconsistent: a window out of order, a recurring rule without a period.
        response = await admin.PutJsonAsync("/api/v1/follow-up/templates/all", new TemplateRequest(0, "Ours",
            [new RuleDto("a", "phq9", "recurring", 0, null, Weekly, null), new RuleDto("b", "gad7", "eachDose", null, null, new WindowDto("2h", "0", "1h", "3h"), null)], []));
        errors = await response.FieldErrorsAsync();
        Assert.Contains("rules[0].periodDays", errors.Keys);
        Assert.Contains("rules[1].window", errors.Keys);

        var current = await (await admin.GetAsync("/api/v1/follow-up/templates/all")).ReadAsync<TemplateDto>(HttpStatusCode.OK);
        Assert.True(current.IsDefault);
        Assert.Equal(0, current.Version);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Put_SavesAndSchedulesFollow_StaleVersionIs409(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        await FollowUpFlow.ActivePlanWithSessionsAsync(app, clinic, DateTimeOffset.UtcNow.AddDays(2));
        using var admin = await app.ClientAsAsync(clinic, Roles.ClinicAdmin);
        var body = new TemplateRequest(0, "Weekly PHQ-9 only", [new RuleDto("phq9-weekly", "phq9", "recurring", 7, null, Weekly, "PHQ-9 weekly")], []);

        var saved = await (await admin.PutJsonAsync("/api/v1/follow-up/templates/all", body)).ReadAsync<TemplateDto>(HttpStatusCode.OK);
        Assert.False(saved.IsDefault);
        Assert.Equal(1, saved.Version);
        Assert.Equal("-1d", saved.Rules[0].Window!.Opens);

        // Someone else saved in between: the second save from version 0 is refused and changes nothing.
        var stale = await admin.PutJsonAsync("/api/v1/follow-up/templates/all", body with { Name = "Stale" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var current = await (await admin.GetAsync("/api/v1/follow-up/templates/all")).ReadAsync<TemplateDto>(HttpStatusCode.OK);
        Assert.Equal("Weekly PHQ-9 only", current.Name);

        // The plan (treatment-resistant depression) inherits the "all" template: only PHQ-9 items remain.
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        var schedule = await FollowUpFlow.GetScheduleAsync(nurse, clinic.PortalPatientId);
        Assert.All(schedule.Items, i => Assert.Equal("phq9", i.InstrumentId));
        Assert.Equal("Weekly PHQ-9 only", schedule.TemplateName);

        // Only admins edit; staff read.
        Assert.Equal(HttpStatusCode.Forbidden, (await nurse.PutJsonAsync("/api/v1/follow-up/templates/all", body with { Version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/follow-up/templates/martian")).StatusCode);
    }
}
