using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dealership.BrowserTests;

/// <summary>
/// The app on a real socket (Kestrel) in Development mode, so the demo group and demo accounts exist as on
/// a newcomer's machine, and Debian's Chromium driven by Playwright. No browser is ever downloaded.
/// </summary>
public sealed class BrowserHost : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly App _app;
    private IPlaywright? _playwright;

    private BrowserHost(App app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotDirectory
    {
        get
        {
            var directory = Environment.GetEnvironmentVariable("SCREENSHOT_DIR") ?? Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
            Directory.CreateDirectory(directory);
            return directory;
        }
    }

    public static async Task<BrowserHost> StartAsync()
    {
        var port = FreePort();
        var app = new App(Path.Combine(Path.GetTempPath(), "dealership-browser", Guid.NewGuid().ToString("N")), $"http://localhost:{port}");
        app.UseKestrel(port);
        app.StartServer();
        await KeepQuietHoursAwayAsync(app);
        var host = new BrowserHost(app, $"http://localhost:{port}");
        host._playwright = await Playwright.CreateAsync();
        host.Browser = await host._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        return host;
    }

    /// <summary>
    /// The host runs on the real clock, and these tests walk through the staff's and customers' day, not quiet
    /// hours (those have their own tests on a fixed clock): each site's quiet window is moved twelve hours away
    /// from now, so messages go out whenever the suite runs.
    /// </summary>
    private static async Task KeepQuietHoursAwayAsync(App app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Dealership.Application.Data.DealershipDbContext>();
        foreach (var site in await db.Sites.ToListAsync())
        {
            var start = TimeOnly.FromDateTime(site.ToLocal(DateTime.UtcNow.AddHours(12)));
            site.SetQuietHours(start, start.AddMinutes(1));
        }

        await db.SaveChangesAsync();
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 860)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-US",
        });
        return await context.NewPageAsync();
    }

    public async Task<IPage> SignInAsync(string email, string password = "Demo!2026", int width = 1280, int height = 860)
    {
        var page = await NewPageAsync(width, height);
        await page.GotoAsync("/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _app.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public string OutboxFolder => Path.Combine(_app.DataDirectory, "outbox");

    /// <summary>Runs the notification dispatch job once (the browser host runs no Hangfire server).</summary>
    public async Task<bool> SiteIsOpenNowAsync(string code)
    {
        using var scope = _app.Services.CreateScope();
        var site = await scope.ServiceProvider.GetRequiredService<Dealership.Application.Data.DealershipDbContext>().Sites.SingleAsync(s => s.Code == code);
        return site.IsOpenAt(DateTime.UtcNow);
    }

    public async Task DispatchAsync()
    {
        using var scope = _app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<Dealership.Application.Notifications.NotificationDispatcher>().DispatchDueAsync(CancellationToken.None);
    }

    /// <summary>A fresh link to a demo customer's tracking page, as the dispatcher mints one for each message.</summary>
    public async Task<string> TrackingLinkForAsync(string email)
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Dealership.Application.Data.DealershipDbContext>();
        var customerId = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Customers.Where(c => c.EmailKey == email).Select(c => c.Id));
        var token = Dealership.Application.Notifications.TrackingTokens.NewToken();
        db.TrackingLinks.Add(new Dealership.Domain.Notifications.TrackingLink(customerId, null, Dealership.Application.Notifications.TrackingTokens.Hash(token), DateTime.UtcNow, TimeSpan.FromDays(60)));
        await db.SaveChangesAsync();
        return $"/track/{token}";
    }

    /// <summary>Runs the parts pre-ordering job once, as Hangfire would straight after a booking.</summary>
    public async Task PlanPartsAsync()
    {
        using var scope = _app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<Mediator.IMediator>().Send(new Dealership.Application.Parts.RunPartsPlanning.Command(null));
    }

    private sealed class App(string dataDirectory, string baseUrl) : WebApplicationFactory<Program>
    {
        public string DataDirectory => dataDirectory;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            Directory.CreateDirectory(dataDirectory);
            builder.UseEnvironment("Development");
            builder.UseSetting("DEALERSHIP_DATA_DIR", dataDirectory);
            builder.UseSetting("ConnectionStrings:Dealership", $"Data Source={Path.Combine(dataDirectory, "dealership.db")}");
            builder.UseSetting("App:Role", "Web");
            builder.UseSetting("Auth:SignInAttemptsPerMinute", "1000");
            builder.UseSetting("App:PublicBaseUrl", baseUrl);
        }
    }
}
