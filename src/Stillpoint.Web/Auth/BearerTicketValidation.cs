using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stillpoint.Data;

namespace Stillpoint.Web.Auth;

/// <summary>
/// Bearer authentication through <see cref="BearerTicketCache"/>, plus a revocation check the plain bearer handler does
/// not have: every <c>Auth:BearerRevalidateSeconds</c> (default 30) per token, the account is looked up and the token
/// is refused once its security stamp changed (password change, "sign out everywhere"), or the account is locked out
/// or disabled (demo accounts are disabled by a lockout that never ends). Runs as the handler's MessageReceived event:
/// it decides the result itself; a token it cannot read is left to the handler, which refuses it as before.
/// </summary>
internal static class BearerTicketValidation
{
    public const int DefaultRevalidateSeconds = 30;

    public static async Task OnMessageReceivedAsync(MessageReceivedContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header["Bearer ".Length..].Trim() is not { Length: > 0 } token)
        {
            return;
        }

        var services = context.HttpContext.RequestServices;
        var cache = services.GetRequiredService<BearerTicketCache>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var key = BearerTicketCache.KeyOf(token);
        if (!cache.TryGet(key, out var entry))
        {
            var ticket = context.Options.BearerTokenProtector.Unprotect(token);
            if (ticket?.Properties.ExpiresUtc is not { } expires || now >= expires)
            {
                return;
            }

            entry = new BearerTicketCache.Entry(ticket, expires, DateTimeOffset.MinValue);
        }

        var every = TimeSpan.FromSeconds(Math.Clamp(services.GetRequiredService<IConfiguration>().GetValue("Auth:BearerRevalidateSeconds", DefaultRevalidateSeconds), 0, 300));
        if (now - entry.CheckedAt >= every)
        {
            if (!await AccountStillValidAsync(services, entry.Ticket.Principal, now, context.HttpContext.RequestAborted))
            {
                cache.Remove(key);
                context.Fail("The token was revoked: the account signed out everywhere, changed its password, or is locked or disabled.");
                return;
            }

            entry.CheckedAt = now;
            cache.Add(key, entry);
        }

        // A copy per request: nothing a request does to its principal can leak into another request.
        var copy = entry.Ticket.Clone();
        context.Principal = copy.Principal;
        context.Properties = copy.Properties;
        context.Success();
    }

    private static async Task<bool> AccountStillValidAsync(IServiceProvider services, ClaimsPrincipal principal, DateTimeOffset now, CancellationToken ct)
    {
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId) || principal.FindFirstValue(stampClaim) is not { } stamp)
        {
            return false;
        }

        var account = await services.GetRequiredService<StillpointDbContext>().Users.IgnoreQueryFilters().AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.LockoutEnd })
            .FirstOrDefaultAsync(ct);
        return account is not null && string.Equals(account.SecurityStamp, stamp, StringComparison.Ordinal) && !(account.LockoutEnd > now);
    }
}
