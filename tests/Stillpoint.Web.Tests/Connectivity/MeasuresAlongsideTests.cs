using System.Net;
using Stillpoint.Core.Access;
using Stillpoint.Web.Tests.Infrastructure;

namespace Stillpoint.Web.Tests.Connectivity;

/// <summary>The connectivity page shows rumination and depression scores on the same timeline.</summary>
[Collection(WebAppsDefinition.Name)]
public sealed class MeasuresAlongsideTests(AppsFixture apps)
{
    [Fact]
    public async Task ConnectivityPage_ListsTheCurrentDepressionScore_AndLeavesOutOtherPatients()
    {
        var app = apps["sqlite"];
        var clinic = await app.NewClinicAsync();
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        // PHQ-9 answers summing to 14 ("moderate", clinical-reference PHQ-9 bands 10–14).
        var answers = new[] { 2, 2, 2, 2, 2, 2, 1, 1, 0 };
        var stored = await nurse.PostJsonAsync($"/api/v1/patients/{clinic.OtherPatientId}/responses", new { instrumentId = "phq9", answers, context = "baseline" });
        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        var elsewhere = await nurse.PostJsonAsync($"/api/v1/patients/{clinic.PortalPatientId}/responses", new { instrumentId = "phq9", answers = new[] { 3, 3, 3, 3, 3, 3, 3, 3, 0 }, context = "baseline" });
        Assert.Equal(HttpStatusCode.Created, elsewhere.StatusCode);

        using var session = await BrowserSession.SignInAsync(app, clinic.Emails[Roles.Nurse]);
        var html = await session.GetHtmlAsync($"/patients/{clinic.OtherPatientId}/connectivity");

        Assert.Contains("Rumination and depression alongside", html, StringComparison.Ordinal);
        Assert.Contains("<td>14</td>", html, StringComparison.Ordinal);
        Assert.Contains("moderate", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>24</td>", html, StringComparison.Ordinal);
    }
}
