using System.Threading.RateLimiting;
using Dealership.Application.Data;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;

namespace Dealership.Web.Security;

/// <summary>
/// Staff sign in two ways: the web UI with the Identity cookie, API clients with a bearer token from
/// POST /api/auth/token. One policy scheme picks the handler per request, so every endpoint accepts both.
/// </summary>
public static class AuthenticationSetup
{
    public const string Scheme = "StaffCookieOrBearer";
    public const string SignInRateLimit = "sign-in";
    public const string TrackingRateLimit = "tracking";

    public const string CookieName = "dealership-auth";

    /// <summary>
    /// Whether a request is authenticated by its bearer token rather than the sign-in cookie: the one test the
    /// authentication scheme, the API's cross-site check and the compression policy (ADR 0032) all rely on. A browser
    /// never adds a bearer token to a request another site starts; it does add the cookie.
    /// </summary>
    public static bool CarriesBearerToken(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
    }

    public static IServiceCollection AddDealershipAuthentication(this IServiceCollection services, IConfiguration configuration, SymmetricSecurityKey signingKey)
    {
        services.AddIdentityCore<StaffUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
                // No account-wide lockout (anyone could lock a colleague out by typing their email five times):
                // SignInThrottle holds an account for one address at a time instead.
                options.Lockout.AllowedForNewUsers = false;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<DealershipDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.AddSingleton<SignInThrottle>();
        var tokenOptions = BearerTokenOptions.From(configuration, signingKey);
        services.AddSingleton(tokenOptions);

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = Scheme;
                options.DefaultChallengeScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "Cookie or bearer token", options =>
            {
                options.ForwardDefaultSelector = context =>
                    CarriesBearerToken(context.Request)
                        ? JwtBearerDefaults.AuthenticationScheme
                        : IdentityConstants.ApplicationScheme;
            })
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = tokenOptions.Issuer,
                    ValidAudience = tokenOptions.Audience,
                    IssuerSigningKey = signingKey,
                    NameClaimType = "name",
                    RoleClaimType = "role",
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            })
            .AddIdentityCookies();

        // Token lifetimes are checked against the application's clock (TimeProvider), like every other rule.
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<TimeProvider>((options, clock) =>
            options.TokenValidationParameters.LifetimeValidator = (notBefore, expires, _, parameters) =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                return (notBefore is null || notBefore.Value <= now + parameters.ClockSkew) &&
                       (expires is null || expires.Value > now - parameters.ClockSkew);
            });

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/login";
            options.LogoutPath = "/logout";
            options.AccessDeniedPath = "/denied";
            options.Cookie.Name = CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(10);
            // API callers get status codes, never a redirect to the login page.
            options.Events.OnRedirectToLogin = context => ApiAwareRedirect(context.HttpContext, context.RedirectUri, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context.HttpContext, context.RedirectUri, StatusCodes.Status403Forbidden);
        });

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Only attempts count: showing the sign-in page is free.
            options.AddPolicy(SignInRateLimit, context => HttpMethods.IsGet(context.Request.Method) ? RateLimitPartition.GetNoLimiter("page") : RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = configuration.GetValue("Auth:SignInAttemptsPerMinute", 30), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.AddPolicy(Api.TwilioWebhooks.RateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = configuration.GetValue("Webhooks:RequestsPerMinute", 600), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.AddPolicy(TrackingRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = configuration.GetValue("Tracking:RequestsPerMinute", 60), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            // Overload: each caller of the JSON API (a signed-in person or integration, else an address) has a token
            // bucket, so one runaway script or a crowd of them is told to slow down with 429 and when to come back,
            // while everyone else's requests keep their usual speed. A person at the desk never comes near it. The
            // buckets live in each instance's memory: behind a load balancer a caller's limit is per instance.
            var perMinute = configuration.GetValue("Api:RequestsPerMinutePerCaller", 1200);
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                !context.Request.Path.StartsWithSegments("/api") || perMinute <= 0
                    ? RateLimitPartition.GetNoLimiter("")
                    : RateLimitPartition.GetTokenBucketLimiter(
                        context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? context.User.FindFirst("sub")?.Value
                            ?? "address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                        _ => new TokenBucketRateLimiterOptions
                        {
                            TokenLimit = Math.Max(10, perMinute / 6), // a burst of ten seconds' worth
                            TokensPerPeriod = 1,
                            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
                            QueueLimit = 0,
                            AutoReplenishment = true,
                        }));
            options.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : "60";
                if (context.HttpContext.Request.Path.StartsWithSegments("/login"))
                {
                    // A person at the sign-in page reads a sentence on the page, not a JSON document.
                    context.HttpContext.Response.Redirect("/login?busy=1");
                    return;
                }

                await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                    detail: $"Too many requests from this caller. Wait {context.HttpContext.Response.Headers.RetryAfter} seconds (the Retry-After header) and try again.").ExecuteAsync(context.HttpContext);
            };
        });

        return services;
    }

    private static Task ApiAwareRedirect(HttpContext context, string redirectUri, int apiStatus)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hangfire"))
        {
            context.Response.StatusCode = apiStatus;
            return Task.CompletedTask;
        }

        context.Response.Redirect(redirectUri);
        return Task.CompletedTask;
    }
}

public sealed record BearerTokenOptions(string Issuer, string Audience, TimeSpan Lifetime, SymmetricSecurityKey Key)
{
    public static BearerTokenOptions From(IConfiguration configuration, SymmetricSecurityKey key) => new(
        configuration["Auth:Issuer"] ?? "dealership",
        configuration["Auth:Audience"] ?? "dealership-api",
        TimeSpan.FromMinutes(configuration.GetValue("Auth:TokenLifetimeMinutes", 60)),
        key);
}
