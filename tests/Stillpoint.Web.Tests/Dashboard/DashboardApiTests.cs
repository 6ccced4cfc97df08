using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stillpoint.Core.Access;
using Stillpoint.Data;
using Stillpoint.Web.Dashboard;
using Stillpoint.Web.Tests.Infrastructure;

namespace Stillpoint.Web.Tests.Dashboard;

[Collection(WebAppsDefinition.Name)]
public sealed class DashboardApiTests(AppsFixture apps)
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Dashboard_SmallClinic_FiguresExactly_OtherClinicNeverCounted(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        var other = await app.NewClinicAsync();
        await OutcomeTestClinic.SeedAsync(app, clinic);
        await OutcomeTestClinic.SeedAsync(app, other); // the same data in another clinic must not double anything
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);

        var d = await (await nurse.GetAsync("/api/v1/outcomes/dashboard")).ReadAsync<DashboardDto>(HttpStatusCode.OK);

        Assert.Equal(2, d.ActivePatients);
        Assert.Equal((1, 1), (d.SessionsThisWeek.Total, d.SessionsThisWeek.Aborted));
        Assert.Equal(new RateRowDto("All", 2, 2, 100.0, 1, 50.0), d.Outcomes.Overall);
        Assert.Equal([new RateRowDto("IV", 1, 1, 100.0, 0, 0.0), new RateRowDto("Intranasal", 1, 1, 100.0, 1, 100.0)], d.Outcomes.ByRoute); // ordinal order
        Assert.Equal(["Depression", "TreatmentResistantDepression"], d.Outcomes.ByIndication.Select(r => r.Group));
        var phq9 = d.MeasureChanges.Single(m => m.Instrument == "phq9");
        Assert.Equal((2, 18.0m, 9.0m, -9.0m), (phq9.Patients, phq9.MeanBaseline, phq9.MeanLatest, phq9.MeanChange));
        Assert.Equal((1, -6.0m), d.MeasureChanges.Single(m => m.Instrument == "gad7") is var gad ? (gad.Patients, gad.MeanChange) : default);
        Assert.Equal(new SafetyDto(2, 1, 50.0, 1, 50.0, d.Safety.AlertsCounted, 3, 1, 33.3), d.Safety);
        Assert.Contains(d.Definitions, definition => definition.Term == "Response" && definition.Meaning.Contains("50", StringComparison.Ordinal));
        Assert.Single(d.Clinicians);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Dashboard_Filters_RouteAndDateRange(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        await OutcomeTestClinic.SeedAsync(app, clinic);
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);

        var iv = await (await nurse.GetAsync("/api/v1/outcomes/dashboard?route=IV")).ReadAsync<DashboardDto>(HttpStatusCode.OK);
        var future = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var later = await (await nurse.GetAsync($"/api/v1/outcomes/dashboard?from={future}&to={future}")).ReadAsync<DashboardDto>(HttpStatusCode.OK);

        Assert.Equal(1, iv.ActivePatients);
        Assert.Equal(new RateRowDto("All", 1, 1, 100.0, 0, 0.0), iv.Outcomes.Overall);
        Assert.Equal((2, 2, 0), (iv.Safety.SessionsHeld, iv.Safety.GoNoGoChecks, iv.Safety.GoNoGoRefusals));
        Assert.Equal(0, later.Outcomes.Overall.Evaluable); // nobody started treatment tomorrow
        Assert.Equal((0, null), (later.Safety.SessionsHeld, later.Safety.AdverseEventsPer100Sessions));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Durability_OverallAndByRoute_KaplanMeier(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        await OutcomeTestClinic.SeedAsync(app, clinic);
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);

        var d = await (await nurse.GetAsync("/api/v1/outcomes/durability?groupBy=route")).ReadAsync<DurabilityDto>(HttpStatusCode.OK);

        // A relapses 7 days after responding (event); B is censored 14 days after. Ŝ(7) = 1/2 → median 7.
        Assert.Equal((2, 1, 1, 7.0), (d.Overall.Patients, d.Overall.Relapses, d.Overall.Censored, d.Overall.MedianDays));
        Assert.Equal([(7.0, 2, 1, 0.5), (14.0, 1, 0, 0.5)], d.Overall.Steps.Select(s => (s.Day, s.AtRisk, s.Relapses, s.Survival)));
        Assert.Equal([2, 0, 0, 0, 0, 0], d.Overall.AtRisk.Select(a => a.AtRisk)); // days 0, 30, 60, …: both are out by day 14
        Assert.Equal(["IV", "Intranasal"], d.Groups.Select(g => g.Group)); // ordinal order
        Assert.Equal((1, 1, 7.0), (d.Groups[0].Patients, d.Groups[0].Relapses, d.Groups[0].MedianDays));
        Assert.Equal((1, 0, null), (d.Groups[1].Patients, d.Groups[1].Relapses, d.Groups[1].MedianDays));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Dashboard_BadFilters_400WithFields_PatientForbidden_ReadAuditedOnce(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        using var patient = await app.ClientAsAsync(clinic, Roles.Patient);

        var bad = await nurse.GetAsync("/api/v1/outcomes/dashboard?route=Teleport&from=2026-13-01&instrument=nope");
        var errors = await bad.FieldErrorsAsync();
        var badGroup = await nurse.GetAsync("/api/v1/outcomes/durability?groupBy=colour");
        var before = await AuditCountAsync(app, clinic.Id);
        var ok = await nurse.GetAsync("/api/v1/outcomes/dashboard");
        var after = await AuditCountAsync(app, clinic.Id);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["from", "instrument", "route"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, badGroup.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await patient.GetAsync("/api/v1/outcomes/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(1, after - before); // one aggregate entry per dashboard read, not one per patient
    }

    private static Task<int> AuditCountAsync(StillpointTestApp app, Guid clinicId) => app.AsSystemAsync(services =>
        services.GetRequiredService<StillpointDbContext>().AuditEntries.CountAsync(a => a.ClinicId == clinicId && a.EntityType == "OutcomeDashboard"));
}
