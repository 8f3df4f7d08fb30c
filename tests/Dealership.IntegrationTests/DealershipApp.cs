using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dealership.Application.Data;
using Dealership.Application.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dealership.IntegrationTests;

/// <summary>
/// The real application on a real SQLite file of its own (one per test class), with the demo group seeded
/// (two sites, one account per role, customers with vehicles) and a controllable clock. Jobs are not run by
/// a Hangfire server here; tests call jobs directly.
/// </summary>
public sealed class DealershipApp : WebApplicationFactory<Program>
{
    public static readonly JsonSerializerOptions Json = CreateJsonOptions();

    private readonly Dictionary<string, (string Token, DateTimeOffset IssuedAt)> _tokens = new(StringComparer.Ordinal);
    private readonly Action<IServiceCollection>? _configureServices;
    private readonly Dictionary<string, string?> _settings;

    public DealershipApp(Action<IServiceCollection>? configureServices = null, IDictionary<string, string?>? settings = null)
    {
        _configureServices = configureServices;
        DataDirectory = Path.Combine(Path.GetTempPath(), "dealership-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        _settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["DEALERSHIP_DATA_DIR"] = DataDirectory,
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Dealership"] = $"Data Source={Path.Combine(DataDirectory, "dealership.db")}",
            ["App:Role"] = "Web",
            ["Auth:SignInAttemptsPerMinute"] = "1000",
            // The fuzzer and the stress tests are one caller sending thousands of requests; ApiRateLimitTests sets its own.
            ["Api:RequestsPerMinutePerCaller"] = "0",
            ["Auth:SigningKey"] = Convert.ToBase64String(Enumerable.Range(1, 48).Select(i => (byte)i).ToArray()),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string DataDirectory { get; }

    /// <summary>Starts at a fixed instant (a Sunday afternoon in Portland) and only moves when a test says so.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 22, 22, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            _configureServices?.Invoke(services);
        });
    }

    /// <summary>Creates the host, migrates (the app does at start) and seeds the demo group.</summary>
    public async Task InitializeAsync()
    {
        _ = Server;
        using var scope = Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(CancellationToken.None);
    }

    public async Task<HttpClient> ClientForAsync(string email, Guid? siteId = null)
    {
        // Tokens live an hour on the application's clock; tests that move the clock get fresh ones.
        if (!_tokens.TryGetValue(email, out var cached) || Clock.GetUtcNow() - cached.IssuedAt > TimeSpan.FromMinutes(30) || Clock.GetUtcNow() < cached.IssuedAt)
        {
            using var anonymous = CreateClient();
            var response = await anonymous.PostAsJsonAsync("/api/auth/token", new { email, password = DemoDataSeeder.DemoPassword });
            response.EnsureSuccessStatusCode();
            cached = ((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!, Clock.GetUtcNow());
            _tokens[email] = cached;
        }

        var token = cached.Token;

        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (siteId is not null)
        {
            client.DefaultRequestHeaders.Add("X-Site-Id", siteId.ToString());
        }

        return client;
    }

    public Task<HttpClient> SalesAsync() => ClientForAsync("sales@demo.local");

    public Task<HttpClient> ManagerAsync() => ClientForAsync("manager@demo.local");

    public Task<HttpClient> ServiceAsync() => ClientForAsync("service@demo.local");

    public Task<HttpClient> UsedCarsAsync() => ClientForAsync("usedcars@demo.local");

    public Task<HttpClient> PartsAsync() => ClientForAsync("parts@demo.local");

    public Task<HttpClient> TechnicianAsync() => ClientForAsync("tech@demo.local");

    /// <summary>Runs a query against the database with a fresh context (tests check what was really stored).</summary>
    public async Task<T> QueryAsync<T>(Func<DealershipDbContext, Task<T>> query)
    {
        using var scope = Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<DealershipDbContext>());
    }

    /// <summary>A browser-like client signed in through the login page, with the antiforgery token its forms carry.</summary>
    public async Task<(HttpClient Client, string Token)> SignInToPagesAsync(string email)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await client.GetStringAsync("/login");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = DemoDataSeeder.DemoPassword, ["__RequestVerificationToken"] = AntiforgeryToken(login),
        });
        var signedIn = await client.PostAsync("/login", form);
        Assert.That(signedIn.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Redirect), $"{email} signs in");
        return (client, AntiforgeryToken(await client.GetStringAsync("/")));
    }

    public static string AntiforgeryToken(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

    public Task<Guid> SiteIdAsync(string code) => QueryAsync(db => db.Sites.Where(s => s.Code == code).Select(s => s.Id).SingleAsync());

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a finishing request; the temp folder is cleaned by the OS.
            }
        }
    }

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }
}

/// <summary>Builders for request bodies, so tests read like the business.</summary>
public static class Requests
{
    private static int _sequence;

    public static Dictionary<string, object?> NewCustomer(string? lastName = null, string? email = null, string? mobile = null)
    {
        var n = Interlocked.Increment(ref _sequence);
        return new Dictionary<string, object?>
        {
            ["firstName"] = "Dana",
            ["lastName"] = lastName ?? $"Testcase{n}",
            ["email"] = email ?? $"dana.{n}.{Guid.NewGuid():N}@example.com",
            ["mobilePhone"] = mobile,
            ["preferredChannel"] = mobile is null ? "email" : "sms",
            ["smsConsent"] = mobile is not null,
            ["emailConsent"] = true,
        };
    }

    /// <summary>A fresh, valid North American VIN (its 9th character is the computed check digit).</summary>
    public static string NewVin()
    {
        var serial = Random.Shared.Next(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var vin = ("1HGCM826" + "0" + "3A" + serial).ToCharArray();
        const string letters = "ABCDEFGHJKLMNPRSTUVWXYZ";
        int[] values = [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9];
        int[] weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
        var sum = vin.Select((c, i) => (char.IsDigit(c) ? c - '0' : values[letters.IndexOf(c, StringComparison.Ordinal)]) * weights[i]).Sum();
        vin[8] = sum % 11 == 10 ? 'X' : (char)('0' + (sum % 11));
        return new string(vin);
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static async Task<JsonElement> CreateCustomerAsync(this HttpClient client, Dictionary<string, object?> body)
    {
        var response = await client.PostAsJsonAsync("/api/customers", body);
        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }
}

/// <summary>
/// Simulates another writer committing between our read and our write: before the next save that updates
/// a customer, it bumps that customer's version in the database on the same connection and transaction.
/// </summary>
public sealed class ConcurrentWriterInterceptor : SaveChangesInterceptor
{
    public Guid? ArmedFor { get; set; }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (ArmedFor is { } id && eventData.Context is DealershipDbContext db &&
            db.ChangeTracker.Entries<Domain.Customers.Customer>().Any(e => e.Entity.Id == id && e.State == EntityState.Modified))
        {
            ArmedFor = null;
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE Customers SET Version = Version + 1 WHERE Id = {id.ToString().ToUpperInvariant()}", cancellationToken);
        }

        return result;
    }
}
