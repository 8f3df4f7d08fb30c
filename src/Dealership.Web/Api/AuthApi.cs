using System.Security.Claims;
using Dealership.Application.Data;
using Dealership.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Dealership.Web.Api;

/// <summary>POST /api/auth/token: email and password in, a short-lived bearer token out. Rate-limited; failures count towards lockout.</summary>
public static class AuthApi
{
    public sealed record TokenRequest(string? Email, string? Password);

    public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn);

    public static void MapAuthApi(this IEndpointRouteBuilder api)
    {
        api.MapPost("/auth/token", IssueToken)
            .AllowAnonymous()
            .RequireRateLimiting(AuthenticationSetup.SignInRateLimit)
            .WithTags("Auth")
            .WithSummary("Exchange a staff email and password for a bearer token.");
    }

    private static async Task<IResult> IssueToken(TokenRequest request, UserManager<StaffUser> users, SignInThrottle throttle, HttpContext context,
        BearerTokenOptions options, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrWhiteSpace(request.Password))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["email"] = string.IsNullOrWhiteSpace(request.Email) ? ["Enter the email address of your staff account."] : [],
                ["password"] = string.IsNullOrWhiteSpace(request.Password) ? ["Enter your password."] : [],
            }.Where(kv => kv.Value.Length > 0).ToDictionary());
        }

        var user = await users.FindByEmailAsync(request.Email.Trim());
        if (user is null || !user.IsActive)
        {
            return InvalidCredentials();
        }

        // A held pair gets the very answer an unknown account does: the response never tells an outsider
        // which emails are staff accounts.
        if (!await throttle.CheckAsync(users, user, request.Password, context))
        {
            return InvalidCredentials();
        }

        var roles = await users.GetRolesAsync(user);
        var now = clock.GetUtcNow().UtcDateTime;
        var claims = new List<Claim>
        {
            new("sub", user.Id.ToString()),
            new("email", user.Email ?? ""),
            new("name", user.DisplayName),
            // Signing out everywhere or changing the password changes the stamp, which ends this token too.
            new(SessionStamp.ClaimType, user.SecurityStamp ?? ""),
        };
        claims.AddRange(roles.Select(r => new Claim("role", r)));
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + options.Lifetime,
            SigningCredentials = new SigningCredentials(options.Key, SecurityAlgorithms.HmacSha256),
        });
        return Results.Ok(new TokenResponse(token, "Bearer", (int)options.Lifetime.TotalSeconds));
    }

    private static IResult InvalidCredentials() => Results.Problem(statusCode: StatusCodes.Status401Unauthorized,
        title: "Sign-in failed", detail: SessionStamp.FailedSignIn);
}
