using Microsoft.AspNetCore.Identity;
using Stillpoint.Data;
using Stillpoint.Data.Access;
using Stillpoint.Data.Accounts;
using Stillpoint.Data.Entities;

namespace Stillpoint.Web.Auth;

internal static class AuthSetup
{
    private const string CookieOrBearer = "CookieOrBearer";

    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromHours(1);

    /// <summary>
    /// Browsers use the Identity cookie; API clients send <c>Authorization: Bearer</c>. Requests under /api
    /// never get a login redirect: they get 401/403.
    /// </summary>
    public static IServiceCollection AddStillpointAuth(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<CallerContext>();
        services.AddSingleton(sp => new BearerTicketCache(sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<ICallerContext>(sp => sp.GetRequiredService<CallerContext>());
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieOrBearer;
                o.DefaultChallengeScheme = CookieOrBearer;
            })
            .AddPolicyScheme(CookieOrBearer, "Cookie or bearer token", o => o.ForwardDefaultSelector = SelectScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                o.BearerTokenExpiration = AccessTokenLifetime;
                o.Events.OnMessageReceived = BearerTicketValidation.OnMessageReceivedAsync;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/login";
            o.LogoutPath = "/logout";
            o.AccessDeniedPath = "/denied";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        });
        services.AddStillpointIdentityCore()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<StillpointClaimsFactory>()
            .AddDefaultTokenProviders();
        services.AddAuthorization(Policies.Configure);
        services.AddCascadingAuthenticationState();
        return services;
    }

    private static string SelectScheme(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            ? IdentityConstants.BearerScheme
            : IdentityConstants.ApplicationScheme;
    }
}
