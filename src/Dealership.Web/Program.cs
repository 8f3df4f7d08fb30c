using System.Text.Json;
using System.Text.Json.Serialization;
using Dealership.Adapters;
using Dealership.Application;
using Dealership.Application.Common;
using Dealership.Application.Demo;
using Dealership.Web.Api;
using Dealership.Web.Hosting;
using Dealership.Web.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.OpenApi;
using Scalar.AspNetCore;

var startup = new StartupTimings();
StartupFailure.ReportConfigurationProblems();
var builder = WebApplication.CreateBuilder(args);
// No "Server: Kestrel" banner: it tells an attacker what to try and tells a customer nothing.
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
    // Limits that no honest request comes near: the largest thing we take is a 10 MB photo in a multipart form.
    kestrel.Limits.MaxRequestBodySize = Dealership.Application.TradeIns.PhotoRules.MaxBytes + (1024 * 1024);
    kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
    kestrel.Limits.MaxRequestHeaderCount = 60;
    kestrel.Limits.MaxRequestLineSize = 8 * 1024;
});
var paths = new AppPaths(builder.Configuration, builder.Environment);
builder.Services.AddSingleton(paths);
builder.Services.AddSingleton<ReadBulkhead>();
builder.Services.AddDealershipResponseCompression();
var role = HostRole.From(builder.Configuration);
builder.Services.AddSingleton(role);
builder.Services.AddDealershipForwardedHeaders(builder.Configuration);
builder.AddDealershipTelemetry(role);
// A stopping instance gives running jobs their Jobs:ShutdownTimeout to finish before the host gives up.
builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = builder.Configuration.GetValue("Jobs:ShutdownTimeout", TimeSpan.FromSeconds(20)) + TimeSpan.FromSeconds(5));

builder.Services.AddDealershipDatabase(builder.Configuration, paths);
builder.Services.AddDealershipApplication();
builder.Services.AddDealershipAuthentication(builder.Configuration, SigningKey.Load(builder.Configuration, builder.Environment, paths.DataDirectory));
if (builder.Environment.IsProduction())
{
    // Behind TLS (the proxy's X-Forwarded-Proto is believed from configured proxies only), cookies never travel in clear.
    builder.Services.PostConfigure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme,
        options => options.Cookie.SecurePolicy = CookieSecurePolicy.Always);
    builder.Services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.Always);
}

builder.Services.AddAuthorizationBuilder().AddDealershipPolicies();
builder.Services.AddHttpContextAccessor();
builder.Services.AddSingleton<Dealership.Application.Notifications.IPublicLinks, Dealership.Web.Hosting.PublicLinks>();
builder.Services.AddScoped<CurrentStaff>();
builder.Services.AddScoped<ICurrentStaff>(sp => sp.GetRequiredService<CurrentStaff>());
// Keys that protect sign-in cookies live with the data, so a restart does not sign everyone out.
builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(paths.DataDirectory, "keys")));
builder.Services.AddScoped<Dealership.Web.Ui.ShellData>();
builder.Services.AddSingleton<Dealership.Application.TradeIns.IPhotoStore, DataFolderPhotoStore>();
builder.Services.AddScoped<Dealership.Web.Ui.FormSubmissions>();
builder.Services.AddDealershipChannels(builder.Configuration, Path.Combine(paths.DataDirectory, "outbox"));
builder.Services.Configure<Dealership.Application.Notifications.NotificationOptions>(builder.Configuration.GetSection("Notifications"));
builder.Services.PostConfigure<Dealership.Application.Notifications.NotificationOptions>(options =>
    options.PublicBaseUrl = builder.Configuration["App:PublicBaseUrl"] ?? options.PublicBaseUrl);
// No send starts in the second half of a claim's lease (ADR 0025): a lease too short to start anything would hold
// every message back without a failure to show for it.
if (builder.Configuration.GetValue<TimeSpan?>("Notifications:SendLease") is { } lease && lease < TimeSpan.FromSeconds(10))
{
    throw new Dealership.Web.Hosting.ConfigurationProblemException(
        $"Notifications:SendLease is {lease}; use at least 10 seconds (2 minutes by default; keep it above twice the providers' 30-second time-outs).");
}
builder.Services.Configure<Dealership.Application.Orders.OrderPolicy>(builder.Configuration.GetSection("Orders"));
builder.Services.AddDealershipJobs(builder.Configuration);
builder.Services.AddDealershipHealthChecks();

builder.Services.ConfigureHttpJsonOptions(options =>
{
    options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
});
builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
    context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier);
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.AddOpenApi(options =>
{
    // Use cases nest their Command, Query and bodies ("PlaceOrder.Command"): name each schema after its outer
    // class too, or every body would share (and overwrite) one schema called "Command".
    options.CreateSchemaReferenceId = type => OpenApiOptions.CreateDefaultSchemaReferenceId(type) is { } name && type.Type.DeclaringType is { } outer
        ? outer.Name + name
        : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
    options.AddDocumentTransformer((document, _, _) =>
    {
        document.Info.Title = "Dealership service desk API";
        document.Info.Description = "Orders, trade-ins, service visits, parts and messages for a dealership group. Sign in at POST /api/auth/token; " +
            "send the token as a Bearer header. Conventions (paging, problems, ETags, Idempotency-Key, act names) are in the repository README.";
        return Task.CompletedTask;
    });
});
builder.Services.AddRazorPages(options =>
{
    options.Conventions.AuthorizeFolder("/", Policies.Staff);
    options.Conventions.AllowAnonymousToPage("/Login");
    options.Conventions.AllowAnonymousToPage("/Error");
    options.Conventions.AllowAnonymousToPage("/Denied");
    options.Conventions.AllowAnonymousToPage("/Status");
    options.Conventions.AllowAnonymousToFolder("/Track");
});

var app = builder.Build();
startup.Mark("services");
startup.ReportWhenStarted(app);

if (args.Contains("migrate", StringComparer.OrdinalIgnoreCase))
{
    // deploy/migrate.sh: the one step that changes a server database's schema, run before a new version starts.
    Environment.ExitCode = await DatabaseSetup.MigrateAsync(app.Services, Console.Out);
    return;
}

await app.PrepareDatabaseAsync();
startup.Mark("database");
if (args.Contains("setup", StringComparer.OrdinalIgnoreCase))
{
    // First run in production: create the first site and Manager, then exit (deploy/README.md).
    Environment.ExitCode = await FirstRun.SetUpAsync(app.Services, app.Configuration.GetSection("Setup"), Console.Out);
    return;
}

if (app.Environment.IsDevelopment() && role.ServesHttp)
{
    using var scope = app.Services.CreateScope();
    await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(CancellationToken.None);
    startup.Mark("demo data");
}

app.UseForwardedHeaders();
app.UseSecurityHeaders();
app.UseExceptionHandler("/error");
// API callers get problem JSON for bare status codes; people in the staff UI get a readable page.
app.UseWhen(context => ProblemExceptionHandler.IsApiRequest(context.Request), api => api.UseStatusCodePages(async context =>
    await ProblemExceptionHandler.WriteBareStatusAsync(context.HttpContext)));
app.UseWhen(context => !ProblemExceptionHandler.IsApiRequest(context.Request) && !context.Request.Path.StartsWithSegments("/hangfire"),
    ui => ui.UseStatusCodePagesWithReExecute("/status/{0}"));
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

if (!role.ServesHttp)
{
    // A worker answers its probes and nothing else: the API, pages and webhooks live on web instances.
    app.MapDealershipHealthChecks();
    app.ScheduleRecurringJobs();
    await app.RunAsync();
    return;
}

// Outside the static files and the endpoints, so style sheets, scripts and the API's JSON can be compressed (ADR 0032);
// what the exception handler and the status-code pages write further out (the read places' 503 among it) goes uncompressed.
app.UseResponseCompression();
app.UseDealershipStaticFiles();
app.UseRouting();
app.UseMiddleware<CookieOriginCheck>();
app.UseAuthentication();
// After authentication, so the API's limit is per signed-in caller rather than per shared showroom address.
app.UseRateLimiter();
app.UseReadBulkhead();
app.UseMiddleware<CurrentStaffMiddleware>();
app.UseAuthorization();
app.Use(IdempotencyFilter.BufferKeyedRequests);

var api = app.MapGroup("/api").AddEndpointFilter<IdempotencyFilter>();
api.MapAuthApi();
api.MapCustomersApi();
api.MapSitesAndStaffApi();
api.MapMessagingApi();
api.MapOrdersApi();
api.MapTradeInsApi();
api.MapPromisesApi();
api.MapServiceApi();
api.MapPoliciesApi();
api.MapWorkshopApi();
api.MapPartsApi();
api.MapTemplatesApi();
api.MapAnalyticsApi();
app.MapTwilioWebhooks();

app.MapDealershipHealthChecks();
// The API's description is open while developing; in Production it is for signed-in staff unless Api:PublicDocs says otherwise.
var publicDocs = !app.Environment.IsProduction() || app.Configuration.GetValue("Api:PublicDocs", false);
var openApi = app.MapOpenApi();
// The reference works offline and keeps to itself: its script is served by the app, no CDN fonts, no telemetry, no AI agent.
var reference = app.MapScalarApiReference("/scalar", options => options.WithTitle("Service desk API").DisableDefaultFonts().DisableTelemetry().DisableAgent().DisableMcp().HideDeveloperTools());
if (publicDocs)
{
    openApi.AllowAnonymous();
    reference.AllowAnonymous();
}
else
{
    openApi.RequireAuthorization(Policies.Staff);
    reference.RequireAuthorization(Policies.Staff);
}
app.MapJobsDashboard();
app.ScheduleRecurringJobs();
app.MapRazorPages();

await app.RunAsync();

/// <summary>Entry point; public so WebApplicationFactory can host the app in tests.</summary>
public partial class Program;
