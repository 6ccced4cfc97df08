using System.Net;
using Stillpoint.Core.Access;
using Stillpoint.Web.Tests.Infrastructure;

namespace Stillpoint.Web.Tests.Connectivity;

/// <summary>The connectivity pages through HTTP with a real cookie sign-in.</summary>
[Collection(WebAppsDefinition.Name)]
public sealed class ConnectivityPageTests(AppsFixture apps)
{
    private StillpointTestApp App => apps["sqlite"];

    [Fact]
    public async Task PatientConnectivityPage_IsLinkedFromThePatient_AndShowsTheUploadFormToResearchEditorsOnly()
    {
        var clinic = await App.NewClinicAsync();
        using var prescriber = await BrowserSession.SignInAsync(App, clinic.Emails[Roles.Prescriber]);
        using var nurse = await BrowserSession.SignInAsync(App, clinic.Emails[Roles.Nurse]);

        Assert.Contains($"/patients/{clinic.OtherPatientId}/connectivity", await nurse.GetHtmlAsync($"/patients/{clinic.OtherPatientId}"), StringComparison.Ordinal);
        Assert.Contains("Upload a scan", await prescriber.GetHtmlAsync($"/patients/{clinic.OtherPatientId}/connectivity"), StringComparison.Ordinal);
        var nursePage = await nurse.GetHtmlAsync($"/patients/{clinic.OtherPatientId}/connectivity");
        Assert.DoesNotContain("Upload a scan", nursePage, StringComparison.Ordinal);
        Assert.Contains("No scans yet.", nursePage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatientAccount_IsDeniedTheConnectivityPages()
    {
        var clinic = await App.NewClinicAsync();
        using var patient = await BrowserSession.SignInAsync(App, clinic.Emails[Roles.Patient]);

        var response = await patient.GetAsync($"/patients/{clinic.PortalPatientId}/connectivity");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
