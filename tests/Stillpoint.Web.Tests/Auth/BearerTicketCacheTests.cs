using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Stillpoint.Core.Access;
using Stillpoint.Data.Entities;
using Stillpoint.Web.Auth;
using Stillpoint.Web.Tests.Infrastructure;

namespace Stillpoint.Web.Tests.Auth;

[Collection(WebAppsDefinition.Name)]
public sealed class BearerTicketCacheTests(AppsFixture apps)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ACachedTicket_IsServedUntilItExpires_ThenDropped()
    {
        var clock = new SettableClock(Start);
        var cache = new BearerTicketCache(clock);
        var key = BearerTicketCache.KeyOf("token-a");
        cache.Add(key, Entry(Start.AddMinutes(60)));

        clock.Now = Start.AddMinutes(59);
        Assert.True(cache.TryGet(key, out _));
        Assert.False(cache.TryGet(BearerTicketCache.KeyOf("token-b"), out _));

        clock.Now = Start.AddMinutes(60);
        Assert.False(cache.TryGet(key, out _));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void TheCache_NeverHoldsMoreThanItsCapacity_AndMakesRoomFromExpiredTickets()
    {
        var clock = new SettableClock(Start);
        var cache = new BearerTicketCache(clock, capacity: 3);
        for (var i = 0; i < 3; i++)
        {
            cache.Add(BearerTicketCache.KeyOf($"short-{i}"), Entry(Start.AddMinutes(1 + i)));
        }

        cache.Add(BearerTicketCache.KeyOf("refused"), Entry(Start.AddHours(1)));
        Assert.Equal(3, cache.Count);
        Assert.False(cache.TryGet(BearerTicketCache.KeyOf("refused"), out _));

        clock.Now = Start.AddMinutes(2);
        cache.Add(BearerTicketCache.KeyOf("admitted"), Entry(Start.AddHours(1)));
        Assert.True(cache.TryGet(BearerTicketCache.KeyOf("admitted"), out _));
        Assert.True(cache.Count <= 3);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ASignedInToken_IsRefusedOnceTheAccountSignsOutEverywhere(string provider)
    {
        var clinic = await apps[provider].NewClinicAsync();
        await using var app = RevalidatingEveryRequest(apps[provider]);
        using var nurse = await ClientAsync(app, clinic.Emails[Roles.Nurse]);
        Assert.Equal(HttpStatusCode.OK, (await nurse.GetAsync("/api/v1/sessions/in-progress")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await nurse.GetAsync("/api/v1/sessions/in-progress")).StatusCode);

        await ChangeAccountAsync(app, clinic.Emails[Roles.Nurse], (users, user) => users.UpdateSecurityStampAsync(user));

        Assert.Equal(HttpStatusCode.Unauthorized, (await nurse.GetAsync("/api/v1/sessions/in-progress")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ASignedInToken_IsRefusedOnceTheAccountIsLockedOrDisabled(string provider)
    {
        var clinic = await apps[provider].NewClinicAsync();
        await using var app = RevalidatingEveryRequest(apps[provider]);
        using var nurse = await ClientAsync(app, clinic.Emails[Roles.Nurse]);
        using var therapist = await ClientAsync(app, clinic.Emails[Roles.Therapist]);
        Assert.Equal(HttpStatusCode.OK, (await nurse.GetAsync("/api/v1/sessions/in-progress")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await therapist.GetAsync("/api/v1/sessions/in-progress")).StatusCode);

        await ChangeAccountAsync(app, clinic.Emails[Roles.Nurse], (users, user) => users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));

        Assert.Equal(HttpStatusCode.Unauthorized, (await nurse.GetAsync("/api/v1/sessions/in-progress")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await therapist.GetAsync("/api/v1/sessions/in-progress")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AnAlteredToken_IsRefused_EvenAfterTheRealOneWasCached(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        var token = await app.TokenAsync(clinic.Emails[Roles.Nurse]);
        using var nurse = app.CreateClient();
        nurse.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await nurse.GetAsync("/api/v1/sessions/in-progress")).StatusCode);

        using var forger = app.CreateClient();
        forger.DefaultRequestHeaders.Authorization = new("Bearer", token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await forger.GetAsync("/api/v1/sessions/in-progress")).StatusCode);
    }

    private static Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> RevalidatingEveryRequest(StillpointTestApp app) =>
        app.WithWebHostBuilder(b => b.UseSetting("Auth:BearerRevalidateSeconds", "0"));

    private static async Task<HttpClient> ClientAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app, string email)
    {
        var client = app.CreateClient();
        var login = await client.PostJsonAsync("/api/v1/auth/login", new { email, password = StillpointTestApp.Password });
        var token = (await login.ReadAsync<System.Text.Json.JsonElement>(HttpStatusCode.OK)).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    private static async Task ChangeAccountAsync(
        Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app, string email, Func<UserManager<StillpointUser>, StillpointUser, Task<IdentityResult>> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CallerContext>().UseSystem();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StillpointUser>>();
        var user = await users.FindByEmailAsync(email);
        Assert.True((await change(users, user!)).Succeeded);
    }

    private static BearerTicketCache.Entry Entry(DateTimeOffset expires) =>
        new(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity("test")), "test"), expires, Start);

    private sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
