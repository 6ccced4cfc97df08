using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Stillpoint.Core.Access;
using Stillpoint.Data.Accounts;
using Stillpoint.Web.Tests.Infrastructure;

namespace Stillpoint.Web.Tests;

[Collection(WebAppsDefinition.Name)]
public sealed class AuthTests(AppsFixture apps)
{
    private StillpointTestApp App => apps["sqlite"];

    [Fact]
    public async Task Login_WithGoodPassword_ReturnsBearerTokenThatWorks()
    {
        var clinic = await App.NewClinicAsync();
        using var client = App.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = clinic.Emails[Roles.Nurse], password = StillpointTestApp.Password });

        var body = await response.ReadAsync<JsonElement>(HttpStatusCode.OK);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("accessToken").GetString()));
        Assert.Equal(3600, body.GetProperty("expiresIn").GetInt32());
        client.DefaultRequestHeaders.Authorization = new("Bearer", body.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/patients")).StatusCode);
    }

    [Fact]
    public async Task Login_WithWrongPassword_Is401()
    {
        var clinic = await App.NewClinicAsync();
        using var client = App.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = clinic.Emails[Roles.Nurse], password = "Wrong-Password-1" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Login_WithMissingFields_Is400NamingThem()
    {
        using var client = App.CreateClient();

        var errors = await (await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "" })).FieldErrorsAsync();

        Assert.Contains("email", errors.Keys);
        Assert.Contains("password", errors.Keys);
    }

    [Fact]
    public async Task Login_AfterRepeatedFailures_LocksTheAccountEvenForTheRightPassword()
    {
        var clinic = await App.NewClinicAsync();
        using var client = App.CreateClient();
        var email = clinic.Emails[Roles.Therapist];
        for (var attempt = 0; attempt < IdentitySetup.MaxFailedAttempts; attempt++)
        {
            await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "Wrong-Password-1" });
        }

        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = StillpointTestApp.Password });

        var problem = await response.ReadAsync<JsonElement>(HttpStatusCode.Unauthorized);
        Assert.Contains("locked", problem.GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Api_WithoutToken_Is401_AndPagesRedirectToLogin()
    {
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });

        var api = await client.GetAsync("/api/v1/patients");
        var page = await client.GetAsync("/patients");

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_IsOpenAndReportsTheDatabase()
    {
        using var client = App.CreateClient();

        var health = await (await client.GetAsync("/health")).ReadAsync<JsonElement>(HttpStatusCode.OK);

        Assert.Equal("reachable", health.GetProperty("database").GetString());
    }
}
