using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Dealership.Application.Jobs;
using Dealership.Application.Notifications;
using Dealership.Application.Orders;
using Dealership.Application.Parts;
using Dealership.IntegrationTests.Fakes;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Dealership.Benchmarks;

// The background jobs at group scale, on a copy of the 'seed --scale group' data:
//   dotnet run -c Release --project tests/Dealership.Benchmarks -- jobs [--data DIR] [--messages N] [parts] [watchdog] [dispatch] [analytics]
// Each prints its run time, the database round trips it made and the process's peak resident memory while it ran.
//   parts:     the pre-ordering job over the upcoming visits (10,000 with 30,000 part lines), next to its raw baseline:
//              read the same lines and write each line's new state in one transaction with prepared statements.
//   watchdog:  late and silent orders over the 50,000 orders (15,000 active).
//   dispatch:  10,000 due notifications (two texts to one email) to a local SMTP server process (aiosmtpd) and the
//              local Twilio-speaking server: messages per second, SMTP connections, HTTP connections to Twilio.
//   analytics: the journey analytics over the 2,000,000 touchpoints (the whole group, then one site).
internal static class JobsBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var source = CommandLine.Option(args, "--data") ?? Path.Combine(Path.GetTempPath(), "dealership-scale", "group");
        var messages = int.Parse(CommandLine.Option(args, "--messages") ?? "10000", CultureInfo.InvariantCulture);
        var wanted = args.Where(a => a is "parts" or "watchdog" or "dispatch" or "analytics").ToHashSet(StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            wanted = ["parts", "watchdog", "dispatch", "analytics"];
        }

        if (!File.Exists(Path.Combine(source, "scale.json")))
        {
            await Console.Error.WriteLineAsync($"No scale data in {source}: run 'seed --scale group' first.");
            return 2;
        }

        var work = Path.Combine(Path.GetTempPath(), "dealership-jobs", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(work, Path.GetFileName(file)));
        }

        var database = Path.Combine(work, "dealership.db");
        Console.WriteLine($"jobs over a copy of {source} ({new FileInfo(database).Length / 1_048_576:N0} MB), {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}");
        try
        {
            using var smtp = new SmtpServer();
            smtp.Start();
            await using var twilio = await FakeTwilio.StartAsync();
            var scale = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(work, "scale.json"))).RootElement;
            if (wanted.Contains("dispatch"))
            {
                var customers = scale.GetProperty("Counts").GetProperty("Customers").GetInt32();
                await QueueNotificationsAsync(database, messages, customers);
            }

            var counter = new PartsPlanningBenchmark.Counter { Armed = true };
            await using var app = new JobsApp(work, database, counter, smtp.Port, twilio.BaseUrl);
            _ = app.Services; // start the host (migrations are already applied)

            if (wanted.Contains("parts"))
            {
                var baseline = await PartsPlanningBenchmark.RawBaselineAsync(database);
                var report = await MeasureAsync("parts pre-ordering", counter, async sp => await sp.GetRequiredService<IMediator>().Send(new RunPartsPlanning.Command(null)), app);
                Console.WriteLine($"    {report.Appointments:N0} visits: {report.LinesReserved:N0} lines reserved, {report.LinesOrdered:N0} ordered on {report.OrdersCreated} new orders, {report.BecameAtRisk:N0} at risk");
                Console.WriteLine($"    raw baseline {baseline.TotalMilliseconds:N0} ms (read the lines, write each line once, one transaction)");
                await MeasureAsync("parts pre-ordering again (nothing left to do)", counter, async sp => await sp.GetRequiredService<IMediator>().Send(new RunPartsPlanning.Command(null)), app);
                await RefreshStatisticsAsync(counter, app);
            }

            if (wanted.Contains("watchdog"))
            {
                var report = await MeasureAsync("watchdog", counter, async sp => await sp.GetRequiredService<OrderWatchdog>().RunAsync(CancellationToken.None), app);
                Console.WriteLine($"    {report}");
                await MeasureAsync("watchdog again", counter, async sp => await sp.GetRequiredService<OrderWatchdog>().RunAsync(CancellationToken.None), app);
            }

            if (wanted.Contains("dispatch"))
            {
                var before = (twilio.Accepted.Count, smtp.Messages().Count);
                var watch = Stopwatch.StartNew();
                var total = new DispatchReport(0, 0, 0, 0);
                await MeasureAsync($"dispatch {messages:N0} notifications", counter, async sp =>
                {
                    // As the job runs: until a run finds nothing due.
                    while (true)
                    {
                        using var scope = sp.CreateScope();
                        var report = await scope.ServiceProvider.GetRequiredService<NotificationDispatcher>().DispatchDueAsync(CancellationToken.None);
                        total = new DispatchReport(total.Sent + report.Sent, total.Failed + report.Failed, total.Suppressed + report.Suppressed, total.Reconciled + report.Reconciled);
                        if (report.Sent + report.Failed + report.Suppressed == 0)
                        {
                            return report;
                        }
                    }
                }, app);
                var texts = twilio.Accepted.Count - before.Item1;
                var emails = smtp.Messages().Count - before.Item2;
                Console.WriteLine($"    {total.Sent:N0} sent, {total.Failed} failed, {total.Suppressed} suppressed: {texts:N0} texts and {emails:N0} emails received, " +
                    $"{(texts + emails) / watch.Elapsed.TotalSeconds:N0} messages/s; Twilio saw {twilio.Requests:N0} requests");
            }

            if (wanted.Contains("analytics"))
            {
                // As a manager asks for them (the figures are per the caller's sites): over HTTP with a manager's token.
                using var client = app.CreateClient();
                var token = (await (await client.PostAsJsonAsync("/api/auth/token", new { email = "manager@demo.local", password = Application.Demo.DemoDataSeeder.DemoPassword }))
                    .Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString();
                client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
                var site = scale.GetProperty("BusiestSite").GetGuid();
                var today = DateOnly.FromDateTime(DateTime.UtcNow);
                foreach (var (name, url) in new[]
                {
                    ("journey analytics, one site, a year", $"/api/analytics/journey?from={today.AddDays(-365):yyyy-MM-dd}&to={today:yyyy-MM-dd}&site={site}"),
                    ("journey analytics, all five sites, a year", $"/api/analytics/journey?from={today.AddDays(-365):yyyy-MM-dd}&to={today:yyyy-MM-dd}"),
                })
                {
                    var body = await MeasureAsync(name, counter, async _ => await (await client.GetAsync(url)).EnsureSuccessStatusCode().Content.ReadAsStringAsync(), app);
                    Console.WriteLine($"    {body.Length:N0} characters of figures");
                }
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }

        return 0;
    }

    /// <summary>Runs one job in its own scope; prints time, round trips and the peak resident memory while it ran.</summary>
    private static async Task<T> MeasureAsync<T>(string name, PartsPlanningBenchmark.Counter counter, Func<IServiceProvider, Task<T>> job, JobsApp app)
    {
        using var scope = app.Services.CreateScope();
        var peak = Environment.WorkingSet;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, Environment.WorkingSet);
                await Task.Delay(20);
            }
        });
        counter.Reset();
        var watch = Stopwatch.StartNew();
        var result = await job(scope.ServiceProvider);
        watch.Stop();
        await sampling.CancelAsync();
        await sampler;
        Console.WriteLine($"{name,-48} {watch.Elapsed.TotalMilliseconds,8:N0} ms {counter.Selects + counter.Others,8:N0} round trips   peak RSS {peak / 1_048_576,5:N0} MB");
        return result;
    }

    /// <summary>
    /// What the planner's job (<c>PreOrderPartsJob.RunAsync</c>) does after a whole run, which the benchmark times through
    /// its command: the run adds thousands of tasks to a table the seed measured at a few rows, and on SQLite's old
    /// figures every message sent afterwards scanned the whole task table (session 24: dispatch after the other jobs
    /// 135 messages a second against 238 alone). The watchdog refreshes them itself, inside its timed run.
    /// </summary>
    private static async Task RefreshStatisticsAsync(PartsPlanningBenchmark.Counter counter, JobsApp app) =>
        await MeasureAsync("  query statistics refreshed (as the job does)", counter, async sp =>
        {
            await sp.GetRequiredService<RefreshQueryStatistics>().RunAsync(CancellationToken.None);
            return 0;
        }, app);

    /// <summary>Due notifications as the outbox writes them: urgent service notices (so quiet hours do not hold them), two texts to one email.</summary>
    private static async Task QueueNotificationsAsync(string database, int count, int customers)
    {
        await using var db = new SqliteConnection($"Data Source={database};Pooling=False");
        await db.OpenAsync();
        await using var transaction = db.BeginTransaction();
        await using var insert = db.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO Notifications (Id, Attempts, Channel, CreatedAt, CustomerId, DeduplicationKey, DueAt, Language, Proactive, Recipient, SiteId, Status,
                                       TemplateData, TemplateKey, Urgent, Version)
            SELECT $id, 0, $channel, $now, c.Id, $key, $now, 'en', 0, CASE WHEN $channel = 'Sms' THEN c.MobilePhone ELSE c.Email END, c.RegisteredAtSiteId, 'Pending',
                   '{"staffName":"Sam Carter","text":"Your car is ready for collection."}', 'staff.message', 1, 1
            FROM Customers c WHERE c.Id = $customer
            """;
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var channel = insert.Parameters.Add("$channel", SqliteType.Text);
        var key = insert.Parameters.Add("$key", SqliteType.Text);
        var customer = insert.Parameters.Add("$customer", SqliteType.Text);
        insert.Parameters.AddWithValue("$now", DateTime.UtcNow.AddMinutes(-1).ToString("yyyy-MM-dd HH:mm:ss.fffffff", CultureInfo.InvariantCulture));
        for (var n = 0; n < count; n++)
        {
            id.Value = ScaleSeed.Id(12, n);
            channel.Value = n % 3 == 2 ? "Email" : "Sms";
            key.Value = string.Create(CultureInfo.InvariantCulture, $"bench-dispatch/{n}");
            customer.Value = ScaleSeed.Id(1, (n * 7) % customers);
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private sealed class JobsApp(string dataDirectory, string databasePath, Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor interceptor, int smtpPort, string twilioUrl)
        : BenchmarkAppBase(dataDirectory, databasePath, interceptor)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("App:PublicBaseUrl", "http://dealership.bench");
            builder.UseSetting("Email:Smtp:Host", "127.0.0.1");
            builder.UseSetting("Email:Smtp:Port", smtpPort.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("Email:Smtp:Security", "None");
            builder.UseSetting("Email:Smtp:FromAddress", "updates@dealer.example");
            builder.UseSetting("Sms:Twilio:BaseUrl", twilioUrl);
            builder.UseSetting("Sms:Twilio:AccountSid", FakeTwilio.AccountSid);
            builder.UseSetting("Sms:Twilio:AuthToken", FakeTwilio.AuthToken);
            builder.UseSetting("Sms:Twilio:From", "+15035550000");
        }
    }
}
