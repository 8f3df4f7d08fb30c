using System.Net;
using System.Net.Http.Json;
using Dealership.Application.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dealership.IntegrationTests;

/// <summary>What a fresh start does in each environment: keys, demo data, sign-in throttling.</summary>
public sealed class StartupTests
{
    [Test]
    public void Production_WithoutSigningKey_RefusesToStart()
    {
        using var app = new DealershipApp(settings: new Dictionary<string, string?> { ["Auth:SigningKey"] = "" })
            .WithWebHostBuilder(b => b.UseEnvironment("Production"));

        var error = Assert.Throws<Web.Hosting.ConfigurationProblemException>(() => app.CreateClient());
        Assert.That(error!.Message, Does.Contain("Auth:SigningKey"));
    }

    [Test]
    public void Production_WithTooShortSigningKey_RefusesToStart()
    {
        using var app = new DealershipApp(settings: new Dictionary<string, string?> { ["Auth:SigningKey"] = Convert.ToBase64String(new byte[8]) })
            .WithWebHostBuilder(b => b.UseEnvironment("Production"));

        var error = Assert.Throws<Web.Hosting.ConfigurationProblemException>(() => app.CreateClient());
        Assert.That(error!.Message, Does.Contain("too short"));
    }

    [Test]
    public async Task WithoutConfiguredKey_OutsideProduction_GeneratesOneIntoTheDataFolder_AndReusesIt()
    {
        using var app = new DealershipApp(settings: new Dictionary<string, string?> { ["Auth:SigningKey"] = "" });
        await app.InitializeAsync();
        var keyFile = Path.Combine(app.DataDirectory, "signing-key.txt");
        Assert.That(File.Exists(keyFile), Is.True);
        var key = await File.ReadAllTextAsync(keyFile);
        Assert.That(Convert.FromBase64String(key), Has.Length.GreaterThanOrEqualTo(32));

        using var sales = await app.SalesAsync();
        Assert.That((await sales.GetAsync("/api/sites")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "tokens signed with the generated key are accepted");
    }

    [Test]
    public async Task OutsideDevelopment_NoDemoDataIsSeeded()
    {
        using var app = new DealershipApp();
        _ = app.Server;
        Assert.That(await app.QueryAsync(db => db.Users.CountAsync()), Is.Zero);
        Assert.That(await app.QueryAsync(db => db.Customers.CountAsync()), Is.Zero);
        Assert.That(await app.QueryAsync(db => db.Database.GetAppliedMigrationsAsync()), Is.Not.Empty, "the SQLite schema is migrated at start");
    }

    [Test]
    public async Task FirstRunSetup_CreatesTheFirstSiteAndManager_Once_AndSaysWhatToFix()
    {
        using var app = new DealershipApp();
        _ = app.Server; // outside Development: an empty, migrated database
        IConfiguration Setup(string? timeZone, string password = "A-long-first-password-1") => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SiteCode"] = "sea", ["SiteName"] = "Harbor Motors Seattle", ["TimeZoneId"] = timeZone, ["Currency"] = "USD", ["PhoneRegion"] = "US",
            ["ManagerEmail"] = "first.manager@harbor.example", ["ManagerName"] = "Casey First", ["ManagerPassword"] = password,
        }).Build();

        foreach (var weak in new[] { "short1!A", "alllowercaseletters" })
        {
            var refused = new StringWriter();
            Assert.That(await Web.Hosting.FirstRun.SetUpAsync(app.Services, Setup("America/Los_Angeles", weak), refused), Is.EqualTo(2), weak);
            Assert.That(refused.ToString(), Does.Contain("Setup:ManagerPassword"), weak);
        }

        Assert.That(await app.QueryAsync(db => db.Users.CountAsync()), Is.Zero, "a weak password creates no account");

        var wrong = new StringWriter();
        Assert.That(await Web.Hosting.FirstRun.SetUpAsync(app.Services, Setup("Pacific"), wrong), Is.EqualTo(2));
        Assert.That(wrong.ToString(), Does.Contain("Setup:TimeZoneId: Give an IANA time zone"));
        Assert.That(await app.QueryAsync(db => db.Sites.CountAsync()), Is.Zero, "nothing half-made");

        var first = new StringWriter();
        Assert.That(await Web.Hosting.FirstRun.SetUpAsync(app.Services, Setup("America/Los_Angeles"), first), Is.Zero);
        Assert.That(first.ToString(), Does.Contain("Site SEA: created").And.Contain("Manager first.manager@harbor.example: created"));
        var again = new StringWriter();
        Assert.That(await Web.Hosting.FirstRun.SetUpAsync(app.Services, Setup("America/Los_Angeles"), again), Is.Zero);
        Assert.That(again.ToString(), Does.Contain("already there"));
        Assert.That((await app.QueryAsync(db => db.Sites.CountAsync()), await app.QueryAsync(db => db.Users.CountAsync())), Is.EqualTo((1, 1)));

        using var client = app.CreateClient();
        var token = await client.PostAsJsonAsync("/api/auth/token", new { email = "first.manager@harbor.example", password = "A-long-first-password-1" });
        Assert.That(token.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the first Manager can sign in");
        var bearer = (await token.ReadJsonAsync()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        Assert.That((await client.GetAsync("/api/staff")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "and manage staff from there");
    }

    [Test]
    public async Task DemoSeeder_IsIdempotent()
    {
        using var app = new DealershipApp();
        await app.InitializeAsync();
        var before = (await app.QueryAsync(db => db.Customers.CountAsync()), await app.QueryAsync(db => db.Users.CountAsync()), await app.QueryAsync(db => db.Vehicles.CountAsync()));
        var mark = $"demo/{typeof(DemoDataSeeder).Assembly.ManifestModule.ModuleVersionId:N}";
        Assert.That(await app.QueryAsync(db => db.SeedMarks.Select(m => m.Key).ToListAsync()), Is.EqualTo(new[] { mark }), "a finished run marks this build");

        // With the mark, the same build's next start checks nothing: a demo row taken away stays away.
        const string LiamsText = "SMdemo0000000000000000000000000001";
        async Task<int> LiamsTextsAsync() => await app.QueryAsync(db => db.InboundMessages.CountAsync(m => m.ProviderMessageId == LiamsText));
        Assert.That(await LiamsTextsAsync(), Is.EqualTo(1));
        await app.QueryAsync(db => db.InboundMessages.Where(m => m.ProviderMessageId == LiamsText).ExecuteDeleteAsync());
        async Task SeedAsync()
        {
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(CancellationToken.None);
        }

        await SeedAsync();
        Assert.That(await LiamsTextsAsync(), Is.Zero, "skipped: this build has seeded");

        // Without the mark (a new build) every step checks again, adds what is missing and nothing that is there.
        await app.QueryAsync(db => db.SeedMarks.ExecuteDeleteAsync());
        await SeedAsync();
        Assert.That(await LiamsTextsAsync(), Is.EqualTo(1), "checked again, and put back");

        var after = (await app.QueryAsync(db => db.Customers.CountAsync()), await app.QueryAsync(db => db.Users.CountAsync()), await app.QueryAsync(db => db.Vehicles.CountAsync()));
        Assert.That(after, Is.EqualTo(before));
        Assert.That(await app.QueryAsync(db => db.SeedMarks.CountAsync(m => m.Key == mark)), Is.EqualTo(1), "marked again");
        Assert.That(before.Item1, Is.GreaterThanOrEqualTo(24), "a few dozen demo customers");
        Assert.That(await app.QueryAsync(db => db.Sites.CountAsync()), Is.EqualTo(2));
    }

    [Test]
    public async Task TheDemo_SeedsEachStory()
    {
        // The one test that leans on demo data as such: everything else arranges its own (Arrange).
        using var app = new DealershipApp();
        await app.InitializeAsync();

        Assert.That(await app.QueryAsync(db => db.Orders.Select(o => o.Status).Distinct().CountAsync()), Is.GreaterThanOrEqualTo(3), "stories 001/004: orders at several milestones");
        Assert.That(await app.QueryAsync(db => db.Appointments.CountAsync(a => a.PartLines.Any(l => l.State == Domain.Service.PartLineState.OnOrder))), Is.GreaterThan(0),
            "story 002: a visit waits on ordered parts");
        Assert.That(await app.QueryAsync(db => db.Appointments.CountAsync(a => a.Readiness == Domain.Service.PartsReadiness.AtRisk)), Is.GreaterThan(0), "story 002: a visit at risk");
        Assert.That(await app.QueryAsync(db => db.Tasks.CountAsync(t => t.Title.StartsWith("Reply from"))), Is.GreaterThan(0), "a customer's text waits in an inbox");
        var tradeIns = await app.QueryAsync(db => db.TradeIns.ToListAsync());
        Assert.That(tradeIns.Select(t => t.Status), Is.SupersetOf(new[] { Domain.TradeIns.TradeInStatus.AwaitingAppraisal, Domain.TradeIns.TradeInStatus.Offered,
            Domain.TradeIns.TradeInStatus.Accepted, Domain.TradeIns.TradeInStatus.Received }), "story 000: trade-ins waiting, offered, accepted and taken in");
        Assert.That(tradeIns.Any(t => t.Status == Domain.TradeIns.TradeInStatus.Accepted && t.NegativeEquity.Amount > 0), Is.True, "story 000: one with negative equity");
        Assert.That(tradeIns.Any(t => t.OrderId is null && t.Status == Domain.TradeIns.TradeInStatus.Received), Is.True, "story 000: a stand-alone purchase");
        Assert.That(tradeIns.Any(t => t.OrderId is not null && t.PayoffConfirmedAt is not null && t.PayoutLagDays == 0), Is.True, "story 000: a delivered swap, payoff confirmed");
        Assert.That(await app.QueryAsync(db => db.Custody.CountAsync(c => c.ReleasedAt == null)), Is.GreaterThanOrEqualTo(4), "story 000: the custody register holds the taken cars and keys");
        Assert.That(await app.QueryAsync(db => db.Users.CountAsync()), Is.EqualTo(DemoDataSeeder.DemoAccounts.Count), "one account per role");
    }

    [Test]
    public async Task SignInAttempts_AreRateLimitedPerAddress_With429AndRetryAfter()
    {
        using var app = new DealershipApp(settings: new Dictionary<string, string?> { ["Auth:SignInAttemptsPerMinute"] = "3" });
        await app.InitializeAsync();
        using var client = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 4; i++)
        {
            last = await client.PostAsJsonAsync("/api/auth/token", new { email = "sales@demo.local", password = "guess" + i });
            statuses.Add(last.StatusCode);
        }

        Assert.That(statuses.Take(3), Is.All.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(statuses[3], Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(last.Headers.RetryAfter, Is.Not.Null);
    }

    [Test]
    public async Task TrackingLinks_AreRateLimitedPerAddress()
    {
        using var app = new DealershipApp(settings: new Dictionary<string, string?> { ["Tracking:RequestsPerMinute"] = "2" });
        await app.InitializeAsync();
        using var client = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await client.GetAsync($"/track/guess-{i}-0000000000000000000000")).StatusCode);
        }

        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests }));
    }

    [Test]
    public async Task TheApi_IsRateLimitedPerCaller_With429AndWhenToComeBack_WhileOtherCallersCarryOn()
    {
        using var app = new DealershipApp(settings: new Dictionary<string, string?> { ["Api:RequestsPerMinutePerCaller"] = "60" });
        await app.InitializeAsync();
        using var sales = await app.SalesAsync();
        using var manager = await app.ManagerAsync();

        // A burst of ten is allowed (ten seconds' worth), then about one a second.
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 25; i++)
        {
            responses.Add(await sales.GetAsync("/api/orders"));
        }

        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.OK), Is.GreaterThanOrEqualTo(10), "the burst is served");
        Assert.That(refused, Is.Not.Empty, "a caller over the limit is told to slow down");
        Assert.That(refused.Select(r => r.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0), Is.All.InRange(1, 60), "and when to come back");
        Assert.That(refused[0].Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That((await refused[0].ReadJsonAsync()).GetProperty("detail").GetString(), Does.Contain("Retry-After"));
        Assert.That((await manager.GetAsync("/api/orders")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the limit is per caller: a colleague is not slowed");
        Assert.That((await sales.GetAsync("/health/live")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "probes are never limited");
    }
}
