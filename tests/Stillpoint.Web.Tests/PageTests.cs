using System.Net;
using Stillpoint.Core.Access;
using Stillpoint.Data.Demo;
using Stillpoint.Web.Tests.Infrastructure;

namespace Stillpoint.Web.Tests;

/// <summary>The server-rendered pages through HTTP with a real cookie sign-in.</summary>
[Collection(WebAppsDefinition.Name)]
public sealed class PageTests(AppsFixture apps)
{
    private StillpointTestApp App => apps["sqlite"];

    [Fact]
    public async Task AuditLogPage_ShowsTheClinicsEntries_FilteredByPatient()
    {
        var clinic = await App.NewClinicAsync();
        using (var nurse = await BrowserSession.SignInAsync(App, clinic.Emails[Roles.Nurse]))
        {
            await nurse.GetHtmlAsync($"/patients/{clinic.OtherPatientId}");
        }

        using var admin = await BrowserSession.SignInAsync(App, clinic.Emails[Roles.ClinicAdmin]);
        var html = await admin.GetHtmlAsync($"/audit?patientId={clinic.OtherPatientId}");

        Assert.Contains(clinic.Emails[Roles.Nurse], html, StringComparison.Ordinal);
        Assert.Contains("<td>read</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditLogPage_IsDeniedToNonAdmins()
    {
        var clinic = await App.NewClinicAsync();
        using var nurse = await BrowserSession.SignInAsync(App, clinic.Emails[Roles.Nurse]);

        var response = await nurse.GetAsync("/audit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditPage_WithAStaleVersion_ShowsTheConflictAndKeepsTheOtherEdit()
    {
        var clinic = await App.NewClinicAsync();
        using var nurse = await BrowserSession.SignInAsync(App, clinic.Emails[Roles.Nurse]);
        var fields = new Dictionary<string, string>
        {
            ["Model.Mrn"] = $"B-{clinic.Tag}", ["Model.GivenName"] = "Alexis", ["Model.FamilyName"] = "Testperson",
            ["Model.DateOfBirth"] = "1980-05-01", ["Model.Sex"] = "Unknown", ["Model.WeightKg"] = "71", ["Model.WeightMeasuredOn"] = "2026-11-01",
            ["Model.Version"] = "0",
        };

        var first = await nurse.PostFormAsync($"/patients/{clinic.OtherPatientId}/edit", "patient-edit", fields);
        var second = await nurse.PostFormAsync($"/patients/{clinic.OtherPatientId}/edit", "patient-edit", new(fields) { ["Model.GivenName"] = "Overwrite" });

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("Someone else changed this patient", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Alexis", await nurse.GetHtmlAsync($"/patients/{clinic.OtherPatientId}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterPage_WithBadInput_ShowsFieldMessages()
    {
        var clinic = await App.NewClinicAsync();
        using var nurse = await BrowserSession.SignInAsync(App, clinic.Emails[Roles.Nurse]);

        var response = await nurse.PostFormAsync("/patients/new", "patient-new", new() { ["Model.Mrn"] = "", ["Model.DateOfBirth"] = "31/12/1990", ["Model.WeightKg"] = "heavy" });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter a date as YYYY-MM-DD.", html, StringComparison.Ordinal);
        Assert.Contains("Enter the weight in kilograms", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginForm_WithoutAntiforgeryToken_IsRejected()
    {
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "login", ["Input.Email"] = "a@b.c", ["Input.Password"] = "x" });

        var response = await client.PostAsync("/login", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

/// <summary>Demo accounts work only while demo mode is on.</summary>
public sealed class DemoModeTests
{
    [Fact]
    public async Task DemoAccounts_SignInWithDemoOn_AndAreLockedWhenDemoIsOff()
    {
        await using var database = TestDatabase.Sqlite();
        await using (var demoOn = StillpointTestApp.Over(database, demo: true))
        {
            using var nurse = await BrowserSession.SignInAsync(demoOn, "nurse@demo.stillpoint.test", DemoSeeder.Password);
            var html = await nurse.GetHtmlAsync("/patients");
            Assert.Contains("Lindqvist", html, StringComparison.Ordinal);
        }

        await using var demoOff = StillpointTestApp.Over(database, demo: false);
        using var client = demoOff.CreateClient();
        var response = await client.PostAsync("/api/v1/auth/login", System.Net.Http.Json.JsonContent.Create(new { email = "nurse@demo.stillpoint.test", password = DemoSeeder.Password }));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
