using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dealership.Application.Data;
using Dealership.Application.Demo;
using Dealership.Domain.Customers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dealership.Benchmarks;

// Benchmarks and their tools (the first argument picks one; README.md has the commands and RESULTS.md the figures):
//   search [customers] [iterations]         customer search in process, next to raw SQL
//   parts [appointments] [linesEach]        the parts pre-ordering job on generated visits, next to its raw baseline
//   seed --scale group|small [--data DIR]   a dealership group's data for the load scripts and 'jobs'
//   baseline --data DIR --urls URL         the raw HTTP baseline tests/load/bench.sh compares the product with
//   jobs [--data DIR] [parts|watchdog|dispatch|analytics]   the background jobs over the group's data
// tests/run.sh runs search, parts, and seed + jobs at the 'small' scale in a smoke mode so they keep working.
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var mode = args.Length > 0 && !char.IsDigit(args[0][0]) ? args[0] : "search";
        var rest = args.Length > 0 && !char.IsDigit(args[0][0]) ? args[1..] : args;
        switch (mode)
        {
            case "search":
                await SearchBenchmark.RunAsync(rest);
                return 0;
            case "parts":
                await PartsPlanningBenchmark.RunAsync(rest);
                return 0;
            case "baseline":
                return await RawBaseline.RunAsync(rest);
            case "jobs":
                return await JobsBenchmark.RunAsync(rest);
            case "seed":
                return await ScaleSeed.RunAsync(rest);
            default:
                Console.Error.WriteLine($"Unknown benchmark '{mode}': use 'search', 'parts', 'seed', 'baseline' or 'jobs'.");
                return 2;
        }
    }
}

// Customer search at dealership-group scale: N customers (default 100,000) with a vehicle each.
// For each kind of search it times the whole stack (HTTP, auth, mediator pipeline, EF Core) and a raw
// SQL baseline doing the same work (COUNT plus one page) on the same database, and prints the ratio.
//   dotnet run -c Release --project tests/Dealership.Benchmarks -- [customers] [iterations]
internal static class SearchBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var customers = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var iterations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        var dataDirectory = Path.Combine(Path.GetTempPath(), "dealership-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var databasePath = Path.Combine(dataDirectory, "dealership.db");

        await using var app = new BenchmarkApp(dataDirectory, databasePath);
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(CancellationToken.None);
        }

        var seeding = Stopwatch.StartNew();
        await SeedCustomersAsync(app, customers);
        Console.WriteLine($"Seeded {customers:N0} customers with vehicles in {seeding.Elapsed.TotalSeconds:0.0} s ({Environment.ProcessorCount} cores)");

        using var client = app.CreateClient();
        var token = (await (await client.PostAsJsonAsync("/api/auth/token", new { email = "sales@demo.local", password = DemoDataSeeder.DemoPassword }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        await using var raw = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        await raw.OpenAsync();

        // The baseline is the best hand-written SQL for each search (index-friendly prefix ranges).
        var scenarios = new (string Name, string Search, string Where, string From, string To)[]
        {
            ("name prefix", "smith", "(c.LastNameKey >= @f AND c.LastNameKey < @t) OR (c.FirstNameKey >= @f AND c.FirstNameKey < @t) OR (c.EmailKey >= @f AND c.EmailKey < @t)", "smith", "smiti"),
            ("two-word name", "ann smi", "((c.LastNameKey >= 'ann' AND c.LastNameKey < 'ano') OR (c.FirstNameKey >= 'ann' AND c.FirstNameKey < 'ano')) AND ((c.LastNameKey >= @f AND c.LastNameKey < @t) OR (c.FirstNameKey >= @f AND c.FirstNameKey < @t))", "smi", "smj"),
            ("email prefix", "ann.smith1152@", "c.EmailKey >= @f AND c.EmailKey < @t", "ann.smith1152@", "ann.smith1152A"),
            ("phone exact", "(503) 201-0777", "c.MobilePhone = @f", "+15032010777", ""),
            ("VIN prefix", "1HGCV1F31LA0001", "c.Id IN (SELECT v.CustomerId FROM Vehicles v WHERE v.Vin >= @f AND v.Vin < @t)", "1HGCV1F31LA0001", "1HGCV1F31LA0002"),
            ("first page, no filter", "", "1 = 1", "", ""),
        };

        Console.WriteLine();
        Console.WriteLine($"{"search",-22} {"stack p50",10} {"stack p95",10} {"raw p50",10} {"raw p95",10} {"ratio p50",10} {"hits",8}");
        foreach (var (name, search, where, from, to) in scenarios)
        {
            var url = $"/api/customers?search={Uri.EscapeDataString(search)}&pageSize=50";
            var hits = (await (await client.GetAsync(url)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32();
            var stack = await MeasureAsync(iterations, async () => (await client.GetAsync(url)).EnsureSuccessStatusCode());
            var baseline = await MeasureAsync(iterations, () => RawSearchAsync(raw, where, from, to));
            Console.WriteLine($"{name,-22} {Ms(stack.P50),10} {Ms(stack.P95),10} {Ms(baseline.P50),10} {Ms(baseline.P95),10} {stack.P50 / baseline.P50,9:0.0}x {hits,8:N0}");
        }
    }

    private static string Ms(double ms) => $"{ms:0.00} ms";

    private static async Task<(double P50, double P95)> MeasureAsync(int iterations, Func<Task> action)
    {
        for (var i = 0; i < 10; i++)
        {
            await action();
        }

        var samples = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await action();
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(samples);
        return (samples[iterations / 2], samples[(int)(iterations * 0.95)]);
    }

    // The same work as the handler: a COUNT and one page sorted by name, with the vehicle count per row.
    private static async Task RawSearchAsync(SqliteConnection connection, string where, string from, string to)
    {
        await using var count = connection.CreateCommand();
        count.CommandText = $"SELECT COUNT(*) FROM Customers c WHERE {where}";
        count.Parameters.AddWithValue("@f", from);
        count.Parameters.AddWithValue("@t", to);
        await count.ExecuteScalarAsync();

        await using var page = connection.CreateCommand();
        page.CommandText = $"""
            SELECT c.Id, c.FirstName, c.LastName, c.Email, c.MobilePhone, c.PreferredChannel,
                   (SELECT COUNT(*) FROM Vehicles v2 WHERE v2.CustomerId = c.Id)
            FROM Customers c WHERE {where}
            ORDER BY c.LastNameKey, c.FirstNameKey, c.Id LIMIT 50
            """;
        page.Parameters.AddWithValue("@f", from);
        page.Parameters.AddWithValue("@t", to);
        await using var reader = await page.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            _ = reader.GetString(1);
        }
    }

    private static async Task SeedCustomersAsync(BenchmarkApp app, int count)
    {
        string[] first = ["Ann", "Ben", "Carla", "David", "Elena", "Frank", "Grace", "Hector", "Ines", "Jamal", "Kim", "Luis", "Maya", "Nate", "Olga", "Priya"];
        string[] last = ["Smith", "Johnson", "Garcia", "Brown", "Miller", "Davis", "Rodriguez", "Martinez", "Lopez", "Wilson", "Anderson", "Thomas", "Moore", "Lee", "Nguyen", "Patel", "Smithers", "Kowalski"];
        var site = await QuerySiteAsync(app);
        var now = DateTime.UtcNow;
        const int batch = 5_000;
        for (var start = 0; start < count; start += batch)
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<DealershipDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(count, start + batch); i++)
            {
                var f = first[i % first.Length];
                var l = last[(i / first.Length) % last.Length];
                var customer = new Customer(
                    new CustomerDetails(f, l, $"{f}.{l}{i}@example.com".ToLowerInvariant(), string.Create(CultureInfo.InvariantCulture, $"+1503{2010000 + i:0000000}")),
                    new ContactPreferences(ContactChannel.Sms, "en", "America/Los_Angeles", null, null, true, true, "benchmark"),
                    null, site, null, now);
                customer.AddVehicle(DemoVin(i), 2020, "Honda", "Accord", null, null, 10_000, now);
                db.Customers.Add(customer);
            }

            await db.SaveChangesAsync();
        }
    }

    private static async Task<Guid> QuerySiteAsync(BenchmarkApp app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DealershipDbContext>().Sites.Select(s => s.Id).FirstAsync();
    }

    private static string DemoVin(int serial)
    {
        var raw = string.Create(CultureInfo.InvariantCulture, $"1HGCV1F30LA{serial:000000}");
        return string.Concat(raw.AsSpan(0, 8), Vin.ComputeCheckDigit(raw).ToString(), raw.AsSpan(9));
    }
}

/// <summary>The benchmarks' options: "--name value".</summary>
internal static class CommandLine
{
    public static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}

internal sealed class BenchmarkApp(string dataDirectory, string databasePath, Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor? interceptor = null)
    : BenchmarkAppBase(dataDirectory, databasePath, interceptor);

/// <summary>The product in process (the Web role, no job server: a benchmark runs each job itself) on the given database.</summary>
internal class BenchmarkAppBase(string dataDirectory, string databasePath, Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor? interceptor = null)
    : WebApplicationFactory<global::Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (interceptor is not null)
        {
            builder.ConfigureServices(services => services.ConfigureDbContext<DealershipDbContext>(o => o.AddInterceptors(interceptor)));
        }

        builder.UseEnvironment("Testing");
        builder.UseContentRoot(Path.Combine(RepositoryRoot(), "src", "Dealership.Web"));
        builder.UseSetting("DEALERSHIP_DATA_DIR", dataDirectory);
        builder.UseSetting("ConnectionStrings:Dealership", $"Data Source={databasePath}");
        builder.UseSetting("App:Role", "Web");
        builder.UseSetting("Auth:SignInAttemptsPerMinute", "1000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Dealership.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? Directory.GetCurrentDirectory();
    }
}
