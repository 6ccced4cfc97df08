using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Stillpoint.Data.Entities;

namespace Stillpoint.Web.Auth;

/// <summary>Token sign-in for API clients, and sign-out for the browser.</summary>
internal static class AuthEndpoints
{
    public sealed record LoginRequest(string? Email, string? Password);

    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/auth/login", LoginAsync)
            .AllowAnonymous()
            .WithTags("Auth")
            .WithSummary("Exchange email and password for a bearer access token.");
        app.MapPost("/logout", LogoutAsync)
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();
    }

    private static async Task<Results<SignInHttpResult, ValidationProblem, ProblemHttpResult>> LoginAsync(
        LoginRequest request, UserManager<StillpointUser> users, SignInManager<StillpointUser> signIn)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (string.IsNullOrWhiteSpace(request.Email))
            {
                errors["email"] = ["Email is required."];
            }

            if (string.IsNullOrEmpty(request.Password))
            {
                errors["password"] = ["Password is required."];
            }

            return TypedResults.ValidationProblem(errors);
        }

        var user = await users.FindByEmailAsync(request.Email.Trim());
        var result = user is null ? SignInResult.Failed : await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Account locked",
                detail: "Too many failed sign-in attempts. Try again later or ask a clinic admin.");
        }

        if (!result.Succeeded || user is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed",
                detail: "The email or password is not correct.");
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static async Task<RedirectHttpResult> LogoutAsync(SignInManager<StillpointUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.Redirect("/login");
    }
}
