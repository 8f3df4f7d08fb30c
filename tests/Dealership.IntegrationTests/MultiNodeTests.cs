using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Dealership.Application.Data;
using Dealership.Domain.Notifications;
using Dealership.Domain.Parts;
using Dealership.IntegrationTests.Fakes;
using Microsoft.EntityFrameworkCore;

namespace Dealership.IntegrationTests;

/// <summary>
/// Scale-out, proven: two web and two worker processes of the real app share one PostgreSQL database (the schema
/// applied from the committed db/scripts/postgresql.sql, the first site and Manager made by the app's own
/// `setup` command). A workload drives orders through milestones, bookings with parts, parts receipts and
/// customers' texted replies through both web instances, and one worker is killed with SIGKILL half-way. Then:
/// every notification was delivered exactly once (counted at the SMTP server and the Twilio-speaking server),
/// every recurring job ran once per occurrence (not once per worker), no booking or reservation was lost or
/// doubled, and the surviving worker finished the killed one's work.
/// </summary>
[NonParallelizable]
[Category("MultiNode")]
public sealed class MultiNodeTests
{
    private const string ManagerEmail = ProcessApi.ManagerEmail;
    private const string Password = ProcessApi.Password;
    private const int Customers = 12;

    [Test]
    [CancelAfter(600_000)]
    public async Task TwoWebAndTwoWorkers_OnOnePostgreSql_DoEveryPieceOfWorkOnce_AndSurviveAKilledWorker()
    {
        using var postgres = PostgresServer.Start();
        postgres.CreateDatabase("dealership");
        postgres.ApplyScript("dealership", Path.Combine(Fakes.Loopback.RepositoryRoot(), "db", "scripts", "postgresql.sql"));
        using var smtp = new SmtpServer();
        smtp.Start();
        await using var twilio = await FakeTwilio.StartAsync();
        var data = Path.Combine(Path.GetTempPath(), "dealership-multinode", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var environment = ProcessApi.ProductionSettings(data, smtp, twilio);
        environment["Database__Provider"] = "PostgreSql";
        environment["ConnectionStrings__Dealership"] = postgres.ConnectionString("dealership");
        environment["Jobs__InvisibilityTimeout"] = "00:00:30";
        environment["Jobs__WorkerCount"] = "3";
        Dictionary<string, string> As(string role) => new(environment) { ["App__Role"] = role };

        // First run, as the runbook says: the app's own setup command, twice (the second changes nothing).
        await ProcessApi.SetUpFirstSiteAsync(environment);
        await ProcessApi.SetUpFirstSiteAsync(environment);

        // The first worker creates Hangfire's schema; then the rest start side by side.
        using var worker1 = AppProcess.Start("worker-1", As("Worker"));
        await worker1.WaitUntilReadyAsync(TimeSpan.FromMinutes(2));
        using var worker2 = AppProcess.Start("worker-2", As("Worker"));
        using var webA = AppProcess.Start("web-a", As("Web"));
        using var webB = AppProcess.Start("web-b", As("Web"));
        await Task.WhenAll(worker2.WaitUntilReadyAsync(TimeSpan.FromMinutes(2)), webA.WaitUntilReadyAsync(TimeSpan.FromMinutes(2)), webB.WaitUntilReadyAsync(TimeSpan.FromMinutes(2)));
        using (var probe = new HttpClient { BaseAddress = worker2.BaseAddress })
        {
            Assert.That((await probe.GetAsync("/api/orders")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "a worker serves its probes only");
        }

        var started = DateTime.UtcNow;
        using var managerA = await ProcessApi.SignInAsync(webA.BaseAddress, ManagerEmail);
        var site = (await ProcessApi.Json(await managerA.GetAsync("/api/sites")))[0];
        var siteId = site.GetProperty("id").GetGuid();
        await ProcessApi.OpenRoundTheClockAsync(managerA, site);
        var staff = new Dictionary<string, Guid>();
        foreach (var (role, email) in new[] { ("Salesperson", "sales@group.test"), ("ServiceAdvisor", "advisor@group.test"), ("PartsClerk", "parts@group.test") })
        {
            var created = await managerA.PostAsJsonAsync("/api/staff", new { email, displayName = role + " One", password = Password, roles = new[] { role }, siteIds = new[] { siteId } });
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
            staff[role] = (await ProcessApi.Json(created)).GetProperty("id").GetGuid();
        }

        var clients = new Dictionary<string, HttpClient[]>();
        foreach (var (role, email) in new[] { ("sales", "sales@group.test"), ("advisor", "advisor@group.test"), ("parts", "parts@group.test") })
        {
            clients[role] = [await ProcessApi.SignInAsync(webA.BaseAddress, email), await ProcessApi.SignInAsync(webB.BaseAddress, email)];
        }

        // The catalogue: a filter nobody has in stock, from a supplier whose orders go out by themselves.
        var clerk = clients["parts"][1];
        var supplier = await ProcessApi.Created(await clerk.PostAsJsonAsync("/api/suppliers", new { name = "Pacific Parts", orderEmail = "orders@pacific-parts.test", autoSend = true }));
        var part = await ProcessApi.Created(await clerk.PostAsJsonAsync("/api/parts", new { partNumber = "FLT-100", description = "Oil filter", onHand = 0, sellPrice = new { amount = 1_800, currency = "USD" } }));
        Assert.That((await clerk.PostAsJsonAsync($"/api/parts/{part}/suppliers", new { supplierId = supplier, leadTimeWorkingDays = 1, cost = new { amount = 900, currency = "USD" } })).StatusCode,
            Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await managerA.PostAsJsonAsync("/api/service/operations", new { code = "OIL-MN", description = "Oil and filter", labourMinutes = 30, parts = new[] { new { partNumber = "FLT-100", quantity = 1 } } })).StatusCode,
            Is.EqualTo(HttpStatusCode.Created));

        // Both workers live through at least one minute's occurrences of the recurring jobs before one of them dies.
        using (var early = new DealershipDbContext(new DbContextOptionsBuilder<DealershipDbContext>().UseNpgsql(postgres.ConnectionString("dealership")).Options))
        {
            var bothUp = DateTime.UtcNow;
            await ProcessApi.Eventually(async () => (await RecurringRunsAsync(early)).Any(r => r.Id == "notifications-sweep" && r.Created > bothUp), "the minutely sweep ran with both workers up");
        }

        // The workload, alternating between the two web instances; a worker dies half-way through.
        var booked = new List<Guid>();
        var orders = new List<Guid>();
        DateTime? killedAt = null;
        for (var i = 0; i < Customers; i++)
        {
            if (i == Customers / 2)
            {
                worker1.Kill();
                killedAt = DateTime.UtcNow;
            }

            var web = i % 2;
            var sales = clients["sales"][web];
            var mobile = string.Create(CultureInfo.InvariantCulture, $"503-555-01{i:D2}");
            var customer = await ProcessApi.Created(await sales.PostAsJsonAsync("/api/customers", new Dictionary<string, object?>
            {
                ["ownerStaffId"] = staff["Salesperson"], ["firstName"] = "Casey", ["lastName"] = $"Multinode{i}", ["email"] = $"casey.{i}@customers.test",
                ["mobilePhone"] = mobile, ["preferredChannel"] = i % 3 == 0 ? "email" : "sms", ["smsConsent"] = true, ["emailConsent"] = true, ["language"] = i % 4 == 0 ? "es" : "en",
            }));
            var vehicle = await ProcessApi.Created(await sales.PostAsJsonAsync($"/api/customers/{customer}/vehicles", new { vin = Requests.NewVin(), year = 2020, make = "Subaru", model = "Outback", odometer = 40_000 + i }));
            var order = await ProcessApi.Created(await sales.PostAsJsonAsync("/api/orders", new
            {
                customerId = customer,
                vehicle = new { year = 2027, make = "Toyota", model = "RAV4", trim = "XLE", color = "Blue" },
                price = new { amount = 3_650_000, currency = "USD" },
                fees = new { amount = 89_500, currency = "USD" },
                promisedDates = new Dictionary<string, string> { ["arrivedAtDealership"] = DateTime.UtcNow.AddDays(40).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
            }));
            orders.Add(order);
            foreach (var milestone in new[] { "factoryConfirmed", "built", "inTransit" })
            {
                // The other web instance records the next step: nothing is sticky to one node.
                var recorded = await clients["sales"][(web + 1) % 2].PostAsJsonAsync($"/api/orders/{order}/milestones", new { milestone });
                Assert.That(recorded.StatusCode, Is.EqualTo(HttpStatusCode.OK), await recorded.Content.ReadAsStringAsync());
            }

            var visit = await clients["advisor"][web].PostAsJsonAsync("/api/service/appointments", new
            {
                customerId = customer, vehicleId = vehicle, concern = "Oil change", operationCodes = new[] { "OIL-MN" }, startsAt = ProcessApi.DropOffSlot(i), separateVisit = true,
            });
            Assert.That(visit.StatusCode, Is.EqualTo(HttpStatusCode.Created), await visit.Content.ReadAsStringAsync());
            booked.Add((await ProcessApi.Json(visit)).GetProperty("id").GetGuid());

            var inbound = new Dictionary<string, string>
            {
                ["From"] = "+1" + mobile.Replace("-", "", StringComparison.Ordinal), ["To"] = "+15035550000", ["Body"] = "Thanks, that works for me", ["MessageSid"] = "SM" + Guid.NewGuid().ToString("N"),
            };
            using var webhook = new HttpRequestMessage(HttpMethod.Post, new Uri(web == 0 ? webA.BaseAddress : webB.BaseAddress, "/webhooks/twilio/inbound")) { Content = new FormUrlEncodedContent(inbound) };
            webhook.Headers.Add("X-Twilio-Signature", FakeTwilio.Sign(MessagingApp.PublicBaseUrl + "/webhooks/twilio/inbound", inbound, FakeTwilio.AuthToken));
            using var anonymous = new HttpClient();
            Assert.That((await anonymous.SendAsync(webhook)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        using var db = new DealershipDbContext(new DbContextOptionsBuilder<DealershipDbContext>().UseNpgsql(postgres.ConnectionString("dealership")).Options);

        // Parts: the planner (a job, on whichever worker) ordered the filters; the clerk receives every order it sent.
        var received = 0;
        await ProcessApi.Eventually(async () =>
        {
            var open = await db.PartsOrders.AsNoTracking().Include(o => o.Lines).Where(o => o.Status == PartsOrderStatus.Sent).ToListAsync();
            foreach (var partsOrder in open)
            {
                var lines = partsOrder.Lines.Where(l => l.Quantity > l.ReceivedQuantity).Select(l => new { partId = l.PartId, quantity = l.Quantity - l.ReceivedQuantity }).ToList();
                var receipt = await clients["parts"][received % 2].PostAsJsonAsync("/api/parts/receipts", new { partsOrderId = partsOrder.Id, lines });
                Assert.That(receipt.StatusCode, Is.EqualTo(HttpStatusCode.OK), await receipt.Content.ReadAsStringAsync());
                received += lines.Sum(l => l.quantity);
            }

            return received >= Customers;
        }, "every filter the visits need is ordered and received");

        // Everything drains on the surviving worker.
        await ProcessApi.Eventually(async () =>
            await db.Notifications.CountAsync(n => n.Status != NotificationStatus.Sent && n.Status != NotificationStatus.Delivered && n.Status != NotificationStatus.Suppressed) == 0
            && await db.SupplierEmails.CountAsync(e => e.Status != SupplierEmailStatus.Sent) == 0,
            "every queued message is sent",
            async () => string.Join("; ", (await db.Notifications.AsNoTracking().Where(n => n.Status != NotificationStatus.Sent && n.Status != NotificationStatus.Delivered)
                    .Select(n => new { n.Status, n.Channel, n.TemplateKey, n.DueAt, n.LastError }).ToListAsync()).Select(n => n.ToString()))
                + $"\nworker-2:\n{worker2.Output}\nweb-a:\n{webA.Output}");

        // Exactly once at the peers: one SMS per sent text, one email per sent email, no Message-ID twice.
        var texts = await db.Notifications.CountAsync(n => n.Channel == MessageChannel.Sms && (n.Status == NotificationStatus.Sent || n.Status == NotificationStatus.Delivered));
        var emails = await db.Notifications.CountAsync(n => n.Channel == MessageChannel.Email && (n.Status == NotificationStatus.Sent || n.Status == NotificationStatus.Delivered));
        var supplierEmails = await db.SupplierEmails.CountAsync();
        Assert.That(texts, Is.GreaterThanOrEqualTo(Customers * 2), "milestones and acknowledgements went out by text");
        Assert.That(twilio.Accepted, Has.Count.EqualTo(texts), "every text reached Twilio once");
        var mail = smtp.Messages();
        Assert.That(mail, Has.Count.EqualTo(emails + supplierEmails), "every email reached the SMTP server once");
        Assert.That(mail.Select(m => m.MessageId).Distinct().Count(), Is.EqualTo(mail.Count), "no message sent twice");
        Assert.That(await db.Notifications.Where(n => n.TemplateKey == Application.Notifications.MessageTemplates.OrderMilestone).GroupBy(n => new { n.CustomerId, n.TemplateData }).CountAsync(g => g.Count() > 1),
            Is.Zero, "each milestone told once");

        // No booking or reservation lost or doubled.
        Assert.That(await db.Appointments.CountAsync(), Is.EqualTo(booked.Count));
        var filter = await db.Parts.AsNoTracking().SingleAsync(p => p.Id == part);
        Assert.That((filter.OnHand, filter.Reserved), Is.EqualTo((Customers, Customers)), "one filter in stock and reserved per booked visit");
        Assert.That(received, Is.EqualTo(Customers), "the planner ordered exactly what the visits need");
        Assert.That(await db.Orders.CountAsync(o => orders.Contains(o.Id) && o.Status == Domain.Orders.OrderMilestone.InTransit), Is.EqualTo(Customers));
        Assert.That(await db.InboundMessages.CountAsync(), Is.EqualTo(Customers), "each reply recorded once");

        // Recurring jobs: each occurrence ran once across both workers, and the schedule went on after the kill.
        await ProcessApi.Eventually(async () => (await RecurringRunsAsync(db)).Any(r => r.Id == "notifications-sweep" && r.Created > killedAt), "the minutely sweep ran after the worker died");
        var runs = await RecurringRunsAsync(db);
        Assert.That(runs.GroupBy(r => (r.Id, r.Time)).Where(g => g.Count() > 1).Select(g => $"{g.Key.Id} at {g.Key.Time}"), Is.Empty, "an occurrence ran twice");
        Assert.That(runs.Select(r => r.Id).Distinct(), Does.Contain("notifications-sweep").And.Contain("staff-texts-sweep"));
        TestContext.Out.WriteLine($"multi-node: {Customers} customers, {booked.Count} visits, {texts} texts, {emails} customer emails, {supplierEmails} supplier emails, "
            + $"{runs.Count} recurring runs in {(DateTime.UtcNow - started).TotalSeconds:0} s; worker-1 killed at {killedAt:HH:mm:ss}");
        TestContext.Out.WriteLine(string.Join("\n", runs.OrderBy(r => r.Created).Select(r => $"  {r.Created:HH:mm:ss} {r.Id} {r.Time}")));
        Assert.That(new[] { webA, webB, worker2 }.Where(p => p.HasExited).Select(p => p.Name), Is.Empty, "the other instances kept running");
    }



    private sealed record RecurringRun(string Id, string Time, DateTime Created);

    /// <summary>Hangfire's own record of every job a recurring schedule created: its id and the occurrence it was for.</summary>
    private static async Task<List<RecurringRun>> RecurringRunsAsync(DealershipDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT r.value, coalesce(t.value, to_char(j.createdat, 'YYYY-MM-DD HH24:MI')), j.createdat
            FROM hangfire.job j
            JOIN hangfire.jobparameter r ON r.jobid = j.id AND r.name = 'RecurringJobId'
            LEFT JOIN hangfire.jobparameter t ON t.jobid = j.id AND t.name = 'Time'
            """;
        var runs = new List<RecurringRun>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            runs.Add(new RecurringRun(reader.GetString(0).Trim('"'), reader.GetString(1), DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc)));
        }

        return runs;
    }
}
