using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dealership.Application.Data;
using Dealership.Domain.Custody;
using Dealership.Domain.Notifications;
using Dealership.Domain.Orders;
using Dealership.Domain.Service;
using Dealership.IntegrationTests.Fakes;
using Microsoft.EntityFrameworkCore;

namespace Dealership.IntegrationTests;

/// <summary>
/// Crash and restart, proven on the embedded default (one process, SQLite, in-memory job storage): lanes of staff
/// work (register a customer, their car, an order through two milestones, a deposit, a booked visit whose part is
/// reserved, the check-in that takes the car and keys into custody) run while the process is killed with SIGKILL
/// at seeded random moments, five times, and restarted on the same port. Clients do what a real one does: a
/// request that got no answer is sent again with the same Idempotency-Key. Afterwards every acknowledged command
/// is there exactly once, no reservation, payment or custody record is half-written, the outbox drains, and each
/// message reached the SMTP and Twilio-speaking servers once (an email re-sent after a kill between the server
/// accepting it and the row being marked carries the same Message-ID, the one window RELIABILITY.md names).
/// </summary>
[NonParallelizable]
[Category("MultiNode")]
public sealed class CrashRestartTests
{
    private const int Kills = 5;
    private const int Lanes = 4;
    private const int MaxCustomersPerLane = 12;
    private const int PartsInStock = 500;

    [Test]
    [CancelAfter(600_000)]
    public async Task KilledFiveTimesUnderAMixedWriteWorkload_EveryAcknowledgedCommandIsThereOnce_AndEveryMessageGoesOnce()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("CRASH_SEED"), CultureInfo.InvariantCulture, out var given) ? given : 20261129;
        var random = new Random(seed);
        using var smtp = new SmtpServer();
        smtp.Start();
        await using var twilio = await FakeTwilio.StartAsync();
        var data = Directory.CreateTempSubdirectory("dealership-crash").FullName;
        var settings = ProcessApi.ProductionSettings(data, smtp, twilio);
        await ProcessApi.SetUpFirstSiteAsync(settings);

        var app = AppProcess.Start("app-0", settings);
        var port = app.Port;
        try
        {
            await app.WaitUntilReadyAsync(TimeSpan.FromMinutes(2));
            using var manager = await ProcessApi.SignInAsync(app.BaseAddress, ProcessApi.ManagerEmail);
            var site = (await ProcessApi.Json(await manager.GetAsync("/api/sites")))[0];
            await ProcessApi.OpenRoundTheClockAsync(manager, site);
            var salesperson = await ProcessApi.Created(await manager.PostAsJsonAsync("/api/staff", new
            {
                email = "sales@group.test", displayName = "Sam Sales", password = ProcessApi.Password, roles = new[] { "Salesperson" }, siteIds = new[] { site.GetProperty("id").GetGuid() },
            }));
            var advisor = await ProcessApi.Created(await manager.PostAsJsonAsync("/api/staff", new
            {
                email = "advisor@group.test", displayName = "Alex Advisor", password = ProcessApi.Password, roles = new[] { "ServiceAdvisor" }, siteIds = new[] { site.GetProperty("id").GetGuid() },
            }));
            var part = await ProcessApi.Created(await manager.PostAsJsonAsync("/api/parts", new { partNumber = "FLT-200", description = "Oil filter", onHand = PartsInStock, sellPrice = new { amount = 1_800, currency = "USD" } }));
            Assert.That((await manager.PostAsJsonAsync("/api/service/operations", new { code = "OIL-CR", description = "Oil and filter", labourMinutes = 30, parts = new[] { new { partNumber = "FLT-200", quantity = 1 } } })).StatusCode,
                Is.EqualTo(HttpStatusCode.Created));

            // The workload: each lane registers customers one after another until the kills are over.
            using var client = new ResilientClient(manager.DefaultRequestHeaders.Authorization!, port);
            var acknowledged = new ConcurrentBag<Acknowledged>();
            using var stop = new CancellationTokenSource();
            var slots = 0;
            var lanes = Enumerable.Range(0, Lanes).Select(lane => Task.Run(async () =>
            {
                for (var n = 0; n < MaxCustomersPerLane && !stop.IsCancellationRequested; n++)
                {
                    acknowledged.Add(await RegisterAndServeAsync(client, salesperson, advisor, lane, n, Interlocked.Increment(ref slots) - 1));
                }
            })).ToList();

            var kills = new List<DateTime>();
            for (var k = 0; k < Kills; k++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(1_500, 4_500)));
                app.Kill();
                kills.Add(DateTime.UtcNow);
                app.Dispose();
                app = AppProcess.Start($"app-{k + 1}", settings, port: port);
                await app.WaitUntilReadyAsync(TimeSpan.FromMinutes(2));
            }

            await stop.CancelAsync();
            await Task.WhenAll(lanes);
            var done = acknowledged.ToList();
            Assert.That(done, Has.Count.GreaterThanOrEqualTo(Lanes * 2), "the lanes did real work between the kills");

            using var db = new DealershipDbContext(new DbContextOptionsBuilder<DealershipDbContext>().UseSqlite($"Data Source={Path.Combine(data, "dealership.db")}").Options);
            var customers = done.Select(a => a.Customer).ToList();

            // The outbox drains after the last restart, and nothing died on the way.
            await ProcessApi.Eventually(async () => await db.Notifications.CountAsync(n => n.Status != NotificationStatus.Sent && n.Status != NotificationStatus.Delivered && n.Status != NotificationStatus.Suppressed) == 0,
                "every queued message is sent",
                async () => string.Join("; ", (await db.Notifications.AsNoTracking().Where(n => n.Status != NotificationStatus.Sent && n.Status != NotificationStatus.Delivered && n.Status != NotificationStatus.Suppressed)
                    .Select(n => new { n.Status, n.Channel, n.TemplateKey, n.DueAt, n.LastError }).ToListAsync()).Select(n => n.ToString())) + "\n" + app.Output);

            // Every acknowledged command is there, once.
            Assert.That(await db.Customers.CountAsync(c => c.LastName.StartsWith("Crashlane")), Is.EqualTo(done.Count), "each registration once, retries included");
            var orders = await db.Orders.AsNoTracking().Include(o => o.Payments).Where(o => customers.Contains(o.CustomerId)).ToListAsync();
            Assert.That(orders.Select(o => o.Id), Is.EquivalentTo(done.Select(a => a.Order)));
            Assert.That(orders.Select(o => o.Status), Is.All.EqualTo(OrderMilestone.Built), "both acknowledged milestones recorded");
            Assert.That(orders.Select(o => o.Payments.Count), Is.All.EqualTo(1), "each deposit once: none lost, none doubled by a retry");
            var visits = await db.Appointments.AsNoTracking().Include(v => v.PartLines).Where(v => customers.Contains(v.CustomerId)).ToListAsync();
            Assert.That(visits.Select(v => v.Id), Is.EquivalentTo(done.Select(a => a.Visit)));
            Assert.That(visits.Select(v => v.Status), Is.All.EqualTo(AppointmentStatus.CheckedIn));
            // The planner reserves only for booked visits (kicked after each booking); one checked in before it got
            // there keeps its line as needed. Either way the shelf and the lines agree.
            Assert.That(visits.Select(v => v.PartLines.Single().State), Is.All.AnyOf(PartLineState.Reserved, PartLineState.Needed));

            // No half-written reservation or custody record.
            var filter = await db.Parts.AsNoTracking().SingleAsync(p => p.Id == part);
            Assert.That((filter.OnHand, filter.Reserved), Is.EqualTo((PartsInStock, visits.Count(v => v.PartLines.Single().State == PartLineState.Reserved))),
                "the shelf's reservations are exactly the visits' reserved lines");
            var custody = await db.Custody.AsNoTracking().Where(c => customers.Contains(c.CustomerId)).ToListAsync();
            Assert.That(custody.GroupBy(c => c.SubjectId).Select(g => g.Select(c => c.Item).OrderBy(i => i)),
                Is.All.EqualTo(new[] { CustodyItem.Car, CustodyItem.KeySet }), "the car and its keys, once each, for every check-in");
            Assert.That(custody.Select(c => c.SubjectId).Distinct(), Is.EquivalentTo(done.Select(a => a.Visit)));

            // Each milestone told once; every message reached its peer once.
            var milestones = await db.Notifications.AsNoTracking().Where(n => customers.Contains(n.CustomerId) && n.TemplateKey == Application.Notifications.MessageTemplates.OrderMilestone)
                .Select(n => new { n.CustomerId, n.TemplateData }).ToListAsync();
            Assert.That(milestones.GroupBy(m => m).Where(g => g.Count() > 1), Is.Empty, "a milestone told twice");
            Assert.That(milestones.Count, Is.EqualTo(done.Count * 2), "both milestones told to every customer");
            var sentTexts = await db.Notifications.AsNoTracking().Where(n => n.Channel == MessageChannel.Sms && (n.Status == NotificationStatus.Sent || n.Status == NotificationStatus.Delivered))
                .Select(n => n.ProviderMessageId).ToListAsync();
            Assert.That(twilio.Accepted.Select(m => m.Sid), Is.EquivalentTo(sentTexts), "every text reached Twilio once, and each is recorded as sent");
            var sentEmails = await db.Notifications.AsNoTracking().Where(n => n.Channel == MessageChannel.Email && (n.Status == NotificationStatus.Sent || n.Status == NotificationStatus.Delivered))
                .Select(n => n.Id).ToListAsync();
            var mail = smtp.Messages();
            Assert.That(mail.Select(m => m.MessageId).Distinct(), Is.EquivalentTo(sentEmails.Select(id => $"notification-{id:N}@dealership.local")), "every email arrived, and nothing that was not sent");
            var copies = mail.Count - mail.Select(m => m.MessageId).Distinct().Count();
            Assert.That(copies, Is.LessThanOrEqualTo(Kills), "a second copy only for an email in flight at a kill");

            TestContext.Out.WriteLine($"crash-restart (seed {seed}): {Kills} kills at {string.Join(", ", kills.Select(k => k.ToString("HH:mm:ss.f", CultureInfo.InvariantCulture)))}; "
                + $"{done.Count} customers, {done.Count * 8} acknowledged commands, {client.Retries} requests re-sent after no answer ({client.Replays} answered from the idempotency record); "
                + $"{sentTexts.Count} texts and {sentEmails.Count} emails each delivered once ({copies} same-Message-ID copies); 0 lost.");
        }
        finally
        {
            app.Dispose();
        }
    }

    private sealed record Acknowledged(Guid Customer, Guid Order, Guid Visit);

    /// <summary>One customer's day: eight commands, each sent until acknowledged, each with its own Idempotency-Key.</summary>
    private static async Task<Acknowledged> RegisterAndServeAsync(ResilientClient client, Guid salesperson, Guid advisor, int lane, int n, int slot)
    {
        var mobile = string.Create(CultureInfo.InvariantCulture, $"503-555-{lane + 2}{n:D3}");
        var customer = await client.CreateAsync("/api/customers", new Dictionary<string, object?>
        {
            ["ownerStaffId"] = salesperson, ["firstName"] = "Casey", ["lastName"] = $"Crashlane{lane}x{n}", ["email"] = $"casey.{lane}.{n}@customers.test",
            ["mobilePhone"] = mobile, ["preferredChannel"] = n % 3 == 0 ? "email" : "sms", ["smsConsent"] = true, ["emailConsent"] = true, ["language"] = n % 4 == 0 ? "es" : "en",
        });
        var vehicle = await client.CreateAsync($"/api/customers/{customer}/vehicles", new { vin = Requests.NewVin(), year = 2019, make = "Honda", model = "CR-V", odometer = 52_000 + n });
        var order = await client.CreateAsync("/api/orders", new
        {
            customerId = customer,
            vehicle = new { year = 2027, make = "Toyota", model = "RAV4", trim = "XLE", color = "Blue" },
            price = new { amount = 3_650_000, currency = "USD" },
            fees = new { amount = 89_500, currency = "USD" },
        });
        foreach (var milestone in new[] { "factoryConfirmed", "built" })
        {
            await client.SendAsync($"/api/orders/{order}/milestones", new { milestone });
        }

        await client.SendAsync($"/api/orders/{order}/payments", new { method = "card", amount = new { amount = 100_000, currency = "USD" }, reference = $"DEP-{lane}-{n}" });
        var visit = await client.CreateAsync("/api/service/appointments", new
        {
            customerId = customer, vehicleId = vehicle, concern = "Oil change", operationCodes = new[] { "OIL-CR" }, startsAt = ProcessApi.DropOffSlot(slot), separateVisit = true, advisorStaffId = advisor,
        });
        await client.SendAsync($"/api/service/appointments/{visit}/check-in", new
        {
            mileage = 52_100 + n, updatesContact = "Text me", promisedReadyAt = DateTime.UtcNow.AddHours(6).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), keys = 2,
        });
        return new Acknowledged(customer, order, visit);
    }

    /// <summary>
    /// A client as careful as a real one: a request that got no answer (connection refused or reset while the
    /// process is down), or was told to wait (503, 429), is sent again with the same Idempotency-Key until answered.
    /// </summary>
    private sealed class ResilientClient(System.Net.Http.Headers.AuthenticationHeaderValue bearer, int port) : IDisposable
    {
        private readonly HttpClient _http = new() { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        private int _retries;
        private int _replays;

        public int Retries => _retries;

        public int Replays => _replays;

        public void Dispose() => _http.Dispose();

        public async Task<Guid> CreateAsync(string path, object body)
        {
            var response = await SendAsync(path, body);
            return JsonDocument.Parse(response).RootElement.GetProperty("id").GetGuid();
        }

        public async Task<string> SendAsync(string path, object body)
        {
            var key = Guid.NewGuid().ToString();
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (true)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
                request.Headers.Authorization = bearer;
                request.Headers.Add("Idempotency-Key", key);
                try
                {
                    using var response = await _http.SendAsync(request);
                    var text = await response.Content.ReadAsStringAsync();
                    if (response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests)
                    {
                        // Busy, or over the per-caller limit: wait as told and send the same request again.
                        await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
                        throw new HttpRequestException($"{(int)response.StatusCode}, sent again");
                    }

                    Assert.That((int)response.StatusCode, Is.InRange(200, 299), $"POST {path}: {text}");
                    if (response.Headers.Contains("Idempotency-Replayed"))
                    {
                        Interlocked.Increment(ref _replays);
                    }

                    return text;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"POST {path} never answered: {ex.Message}");
                    Interlocked.Increment(ref _retries);
                    await Task.Delay(200);
                }
            }
        }
    }
}
