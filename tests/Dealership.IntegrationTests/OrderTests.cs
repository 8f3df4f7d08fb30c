using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dealership.Domain.Common;
using Dealership.Domain.Journey;
using Dealership.Domain.Notifications;
using Dealership.Domain.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dealership.IntegrationTests;

/// <summary>Vehicle orders over HTTP: placing, milestones in order, promises with reasons, roles, and the customer told at each step.</summary>
public sealed class OrderTests
{
    private DealershipApp _app = null!;
    private Guid _customer;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = new DealershipApp();
        await _app.InitializeAsync();
        using var sales = await _app.SalesAsync();
        var body = Requests.NewCustomer(lastName: "Orderer", mobile: "503-555-0190");
        body["preferredChannel"] = "sms";
        _customer = (await sales.CreateCustomerAsync(body)).GetProperty("id").GetGuid();
    }

    [OneTimeTearDown]
    public void Stop() => _app.Dispose();

    /// <summary>Factory confirmation is promised nine days from the app's today (never in the past, whatever a test did to the clock).</summary>
    private object NewOrderBody(Guid customerId) => new
    {
        customerId,
        vehicle = new { year = 2027, make = "Honda", model = "Accord", trim = "Touring", color = "Canyon River Blue" },
        price = new { amount = 3_899_000, currency = "USD" },
        fees = new { amount = 89_500, currency = "USD" },
        promisedDates = new Dictionary<string, string> { ["factoryConfirmed"] = DateOnly.FromDateTime(_app.Clock.GetUtcNow().UtcDateTime).AddDays(9).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["arrivedAtDealership"] = "2027-02-01", ["preparedForDelivery"] = "2027-02-04" },
    };

    private async Task<JsonElement> PlaceAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/orders", NewOrderBody(_customer));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private Task<List<Notification>> NotificationsAsync(string keyPrefix) =>
        _app.QueryAsync(db => db.Notifications.Where(n => n.DeduplicationKey.StartsWith(keyPrefix)).ToListAsync());

    [Test]
    public async Task PromisedDates_InThePast_AreRefused_WhenPlacingAndWhenChanging()
    {
        using var sales = await _app.SalesAsync();
        var past = await sales.PostAsJsonAsync("/api/orders", new
        {
            customerId = _customer,
            vehicle = new { year = 2027, make = "Honda", model = "Accord" },
            price = new { amount = 3_899_000, currency = "USD" },
            promisedDates = new Dictionary<string, string> { ["factoryConfirmed"] = "2026-11-01" },
        });
        Assert.That(past.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await past.ReadJsonAsync()).GetProperty("code").GetString(), Is.EqualTo("promise-in-past"));

        var id = (await PlaceAsync(sales)).GetProperty("id").GetGuid();
        var moved = await sales.PutAsJsonAsync($"/api/orders/{id}/promises/arrivedAtDealership", new { promisedDate = "2026-11-20", reason = "Typo" });
        Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await moved.ReadJsonAsync()).GetProperty("detail").GetString(), Does.Contain("that day has passed"));
    }

    private static string RenderSms(Notification notification) => Messages.Read(notification, notification.Channel);

    [Test]
    public async Task PreparedWithTheChecklistOpen_SaysWhatIsLeft_AndInvitesAPickOnlyOnceTimesCanOpen()
    {
        using var sales = await _app.SalesAsync();
        var id = (await PlaceAsync(sales)).GetProperty("id").GetGuid();
        foreach (var milestone in new[] { "factoryConfirmed", "built", "inTransit", "arrivedAtDealership", "preparedForDelivery" })
        {
            Assert.That((await sales.PostAsJsonAsync($"/api/orders/{id}/milestones", new { milestone })).StatusCode, Is.EqualTo(HttpStatusCode.OK), milestone);
        }

        var prepared = (await NotificationsAsync($"order/{id}/milestone/preparedForDelivery")).First();
        Assert.That(RenderSms(prepared), Does.Contain("Still to finish: the final inspection").And.Not.Contain("Pick a collection time"));
        Assert.That(await NotificationsAsync($"order/{id}/collection-open"), Is.Empty);

        foreach (var item in new[] { "preDeliveryInspection", "fundsArranged", "insuranceProof" })
        {
            await sales.PutAsJsonAsync($"/api/orders/{id}/checklist/{item}", new { done = true });
        }

        Assert.That(await NotificationsAsync($"order/{id}/collection-open"), Is.Empty, "one item still open: no invitation yet");
        await sales.PutAsJsonAsync($"/api/orders/{id}/checklist/registrationPaperwork", new { done = true });

        var open = await NotificationsAsync($"order/{id}/collection-open");
        Assert.That(open, Is.Not.Empty, "the last tick opens collection times, and the customer is invited then");
        Assert.That(RenderSms(open[0]), Does.Contain("Pick a collection time"));
        Assert.That((await (await sales.GetAsync($"/api/orders/{id}/collection-slots")).ReadJsonAsync()).GetArrayLength(), Is.GreaterThan(0), "the page the message points to offers times");
    }

    [Test]
    public async Task PlaceOrder_AnswersWithTheOrder_AndTellsTheCustomer()
    {
        using var sales = await _app.SalesAsync();
        var order = await PlaceAsync(sales);
        var id = order.GetProperty("id").GetGuid();

        Assert.That(order.GetProperty("status").GetString(), Is.EqualTo("ordered"));
        Assert.That(order.GetProperty("balanceDue").GetProperty("amount").GetInt64(), Is.EqualTo(3_988_500));
        Assert.That(order.GetProperty("milestones").GetArrayLength(), Is.EqualTo(8));
        Assert.That(order.GetProperty("ownerName").GetString(), Is.EqualTo("Sam Carter"));
        var queued = await NotificationsAsync($"order/{id}/placed");
        Assert.That(queued.Select(n => n.Channel), Is.EqualTo(new[] { MessageChannel.Sms }));
        Assert.That(await _app.QueryAsync(db => db.Touchpoints.AnyAsync(t => t.SubjectId == id && t.Kind == TouchpointKind.StatusChanged)), Is.True);
    }

    [Test]
    public async Task Milestones_InOrder_AreRecordedAndNotified_OutOfOrderOrRepeatedAre409()
    {
        using var sales = await _app.SalesAsync();
        var id = (await PlaceAsync(sales)).GetProperty("id").GetGuid();

        var outOfOrder = await sales.PostAsJsonAsync($"/api/orders/{id}/milestones", new { milestone = "built" });
        var confirmed = await sales.PostAsJsonAsync($"/api/orders/{id}/milestones", new { milestone = "factoryConfirmed" });
        var repeated = await sales.PostAsJsonAsync($"/api/orders/{id}/milestones", new { milestone = "factoryConfirmed" });

        Assert.That(outOfOrder.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await outOfOrder.ReadJsonAsync()).GetProperty("detail").GetString(), Does.Contain("Record Factory confirmed before Built"));
        Assert.That(confirmed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(confirmed.Headers.ETag!.Tag, Is.EqualTo("\"1\""));
        Assert.That(repeated.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await repeated.ReadJsonAsync()).GetProperty("code").GetString(), Is.EqualTo("milestone-already-recorded"));
        Assert.That(await NotificationsAsync($"order/{id}/milestone/factoryConfirmed"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task AMilestoneRetriedWithTheSameIdempotencyKey_IsAReplay_NotA409()
    {
        using var sales = await _app.SalesAsync();
        var id = (await PlaceAsync(sales)).GetProperty("id").GetGuid();
        var key = Guid.NewGuid().ToString();
        HttpRequestMessage Request()
        {
            var r = new HttpRequestMessage(HttpMethod.Post, $"/api/orders/{id}/milestones") { Content = JsonContent.Create(new { milestone = "factoryConfirmed" }) };
            r.Headers.Add("Idempotency-Key", key);
            return r;
        }

        var first = await sales.SendAsync(Request());
        var retry = await sales.SendAsync(Request());

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(retry.Headers.GetValues("Idempotency-Replayed").Single(), Is.EqualTo("true"));
        Assert.That(await NotificationsAsync($"order/{id}/milestone/factoryConfirmed"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ChangingAPromise_NeedsAReason_AndTheCustomerIsToldWhy()
    {
        using var sales = await _app.SalesAsync();
        var id = (await PlaceAsync(sales)).GetProperty("id").GetGuid();

        var noReason = await sales.PutAsJsonAsync($"/api/orders/{id}/promises/arrivedAtDealership", new { promisedDate = "2027-02-10", reason = "" });
        var unknown = await sales.PutAsJsonAsync($"/api/orders/{id}/promises/teleported", new { promisedDate = "2027-02-10", reason = "x" });
        var slipped = await sales.PutAsJsonAsync($"/api/orders/{id}/promises/arrivedAtDealership", new { promisedDate = "2027-02-10", reason = "The ship was held in port by a storm." });

        Assert.That(noReason.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(slipped.StatusCode, Is.EqualTo(HttpStatusCode.OK), await slipped.Content.ReadAsStringAsync());
        var milestones = (await slipped.ReadJsonAsync()).GetProperty("milestones").EnumerateArray()
            .ToDictionary(m => m.GetProperty("milestone").GetString()!, m => m.GetProperty("promisedDate").ValueKind == JsonValueKind.Null ? null : m.GetProperty("promisedDate").GetString());
        Assert.That(milestones["arrivedAtDealership"], Is.EqualTo("2027-02-10"));
        Assert.That(milestones["preparedForDelivery"], Is.EqualTo("2027-02-13"), "a slip moves what follows by the same nine days, in one step");
        var told = await NotificationsAsync($"order/{id}/promise/");
        Assert.That(told, Has.Count.EqualTo(1), "the customer hears one new plan");
        Assert.That(Messages.Read(told[0]), Does.Contain("storm").And.Contain("moves with it"));
        Assert.That(await _app.QueryAsync(db => db.Promises.CountAsync(p => p.SubjectId == id && p.Milestone == "preparedForDelivery" && p.State == Domain.Promises.PromiseState.Open)), Is.EqualTo(1),
            "the ledger holds the moved preparation promise, renegotiated once");
    }

    [Test]
    public async Task AStaleIfMatch_Is412()
    {
        using var sales = await _app.SalesAsync();
        var id = (await PlaceAsync(sales)).GetProperty("id").GetGuid();
        await sales.PostAsJsonAsync($"/api/orders/{id}/milestones", new { milestone = "factoryConfirmed" });

        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/orders/{id}/milestones") { Content = JsonContent.Create(new { milestone = "built" }) };
        request.Headers.TryAddWithoutValidation("If-Match", "\"0\"");
        Assert.That((await sales.SendAsync(request)).StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
    }

    [Test]
    public async Task AnotherSalespersonsOrder_IsReadOnly_PartsCannotSeeOrders_ManagersCanChangeAny()
    {
        using var manager = await _app.ManagerAsync();
        using var sales = await _app.SalesAsync();
        using var parts = await _app.PartsAsync();
        using var service = await _app.ServiceAsync();
        var managerId = await _app.QueryAsync(db => db.Users.Where(u => u.Email == "manager@demo.local").Select(u => u.Id).SingleAsync());
        var body = JsonSerializer.SerializeToElement(NewOrderBody(_customer), DealershipApp.Json);
        var managersOrder = await manager.PostAsJsonAsync("/api/orders", JsonSerializer.Deserialize<Dictionary<string, object?>>(body.GetRawText())!.Append(new("ownerStaffId", managerId)).ToDictionary());
        var id = (await managersOrder.ReadJsonAsync()).GetProperty("id").GetGuid();

        Assert.That((await sales.GetAsync($"/api/orders/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await service.GetAsync($"/api/orders/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await sales.PostAsJsonAsync($"/api/orders/{id}/milestones", new { milestone = "factoryConfirmed" })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await service.PostAsJsonAsync($"/api/orders/{id}/milestones", new { milestone = "factoryConfirmed" })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await parts.GetAsync($"/api/orders/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await manager.PostAsJsonAsync($"/api/orders/{id}/milestones", new { milestone = "factoryConfirmed" })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task AnOrderAtASiteYouDoNotWorkAt_IsNotFound()
    {
        using var managerAtBoise = await _app.ClientForAsync("manager@demo.local", await _app.SiteIdAsync("BOI"));
        var boiseOrder = (await managerAtBoise.PostAsJsonAsync("/api/orders", NewOrderBody(_customer)));
        Assert.That(boiseOrder.StatusCode, Is.EqualTo(HttpStatusCode.Created), await boiseOrder.Content.ReadAsStringAsync());
        var id = (await boiseOrder.ReadJsonAsync()).GetProperty("id").GetGuid();

        using var service = await _app.ServiceAsync(); // works at Portland only
        Assert.That((await service.GetAsync($"/api/orders/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Payments_ChecklistAndCancellation_ShowTheMoneyPlainly()
    {
        using var sales = await _app.SalesAsync();
        var id = (await PlaceAsync(sales)).GetProperty("id").GetGuid();

        var deposit = await sales.PostAsJsonAsync($"/api/orders/{id}/payments", new { method = "card", amount = new { amount = 100_000, currency = "USD" }, reference = "AUTH-8812" });
        var noReference = await sales.PostAsJsonAsync($"/api/orders/{id}/payments", new { method = "companyCheck", amount = new { amount = 5_000, currency = "USD" } });
        var ticked = await sales.PutAsJsonAsync($"/api/orders/{id}/checklist/insuranceProof", new { done = true });
        var cancelled = await sales.PostAsJsonAsync($"/api/orders/{id}/cancellation", new { reason = "Customer bought elsewhere" });

        Assert.That(deposit.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var afterDeposit = await deposit.ReadJsonAsync();
        Assert.That(afterDeposit.GetProperty("balanceDue").GetProperty("amount").GetInt64(), Is.EqualTo(3_888_500));
        var paymentId = afterDeposit.GetProperty("payments")[0].GetProperty("id").GetGuid();
        Assert.That(paymentId, Is.Not.EqualTo(Guid.Empty));
        Assert.That(await _app.QueryAsync(db => db.Payments.AnyAsync(p => p.Id == paymentId)), Is.True, "the answer names the stored payment");
        Assert.That(noReference.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        var item = (await ticked.ReadJsonAsync()).GetProperty("checklist").EnumerateArray().Single(c => c.GetProperty("item").GetString() == "insuranceProof");
        Assert.That(item.GetProperty("done").GetBoolean(), Is.True);
        var view = await cancelled.ReadJsonAsync();
        Assert.That(view.GetProperty("cancelled").GetBoolean(), Is.True);
        Assert.That(view.GetProperty("refundableDeposits").GetProperty("amount").GetInt64(), Is.EqualTo(100_000));
        Assert.That(Messages.Read((await NotificationsAsync($"order/{id}/cancelled")).Single()), Does.Contain("$1,000.00"));
        Assert.That((await sales.PostAsJsonAsync($"/api/orders/{id}/milestones", new { milestone = "factoryConfirmed" })).StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [Test]
    public async Task PaymentsAndChecklist_HonourIfMatch_SoAStaleScreenChangesNothing()
    {
        using var sales = await _app.SalesAsync();
        var placed = await PlaceAsync(sales);
        var id = placed.GetProperty("id").GetGuid();
        var version = placed.GetProperty("version").GetInt64();

        using var stalePayment = new HttpRequestMessage(HttpMethod.Post, $"/api/orders/{id}/payments")
        {
            Content = JsonContent.Create(new { method = "card", amount = new { amount = 50_000, currency = "USD" }, reference = "AUTH-1" }),
        };
        stalePayment.Headers.TryAddWithoutValidation("If-Match", $"\"{version + 3}\"");
        Assert.That((await sales.SendAsync(stalePayment)).StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
        using var staleTick = new HttpRequestMessage(HttpMethod.Put, $"/api/orders/{id}/checklist/insuranceProof") { Content = JsonContent.Create(new { done = true }) };
        staleTick.Headers.TryAddWithoutValidation("If-Match", $"\"{version + 3}\"");
        Assert.That((await sales.SendAsync(staleTick)).StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
        Assert.That(await _app.QueryAsync(db => db.Payments.CountAsync(p => p.OrderId == id)), Is.Zero, "a refused payment is not recorded");

        using var current = new HttpRequestMessage(HttpMethod.Put, $"/api/orders/{id}/checklist/insuranceProof") { Content = JsonContent.Create(new { done = true }) };
        current.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        var ticked = await sales.SendAsync(current);
        Assert.That(ticked.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(ticked.Headers.ETag?.Tag, Is.EqualTo($"\"{version + 1}\""));
    }

    [Test]
    public async Task Validation_SaysWhatToFix()
    {
        using var sales = await _app.SalesAsync();
        var response = await sales.PostAsJsonAsync("/api/orders", new
        {
            customerId = _customer,
            vehicle = new { year = 1999, make = "", model = "Accord", vin = "1HGCM82653A004352" },
            price = new { amount = 0, currency = "USD" },
        });
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(errors.TryGetProperty("vehicle.Make", out _) || errors.TryGetProperty("vehicle.make", out _), Is.True, errors.ToString());
        Assert.That(errors.ToString(), Does.Contain("model year").And.Contain("VIN").And.Contain("cents"));
    }

    [Test]
    public async Task ListAndBoard_ShowTheOrdersThatNeedAttentionFirst()
    {
        using var placing = await _app.SalesAsync();
        var late = (await PlaceAsync(placing)).GetProperty("id").GetGuid();
        // Factory confirmation was promised nine days out; move the clock past it (for the rest of this class too).
        _app.Clock.Advance(TimeSpan.FromDays(10));
        using var sales = await _app.SalesAsync();
        var board = await (await sales.GetAsync("/api/deliveries/board?owner=me")).ReadJsonAsync();
        var first = board.GetProperty("rows")[0];
        Assert.That(board.GetProperty("late").GetInt32(), Is.GreaterThanOrEqualTo(1));
        Assert.That(first.GetProperty("attention").GetString(), Is.EqualTo("late"));
        Assert.That(board.GetProperty("rows").EnumerateArray().Any(r => r.GetProperty("orderId").GetGuid() == late && r.GetProperty("reason").GetString()!.Contains("Factory confirmed", StringComparison.Ordinal)), Is.True);

        var list = await (await sales.GetAsync("/api/orders?status=ordered&owner=me&pageSize=2")).ReadJsonAsync();
        Assert.That(list.GetProperty("pageSize").GetInt32(), Is.EqualTo(2));
        Assert.That(list.GetProperty("total").GetInt32(), Is.GreaterThanOrEqualTo(1));
        Assert.That((await sales.GetAsync("/api/orders?status=flying")).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task TheBoard_BeyondFiveHundredOrders_StillPutsALateOneFirst_AndCountsThemAll_AndPagesTheRest()
    {
        // A busy site: 520 orders on track, placed first; then one that becomes late. The board used to show the
        // 500 oldest, so the late one never appeared. Now every active order is ranked, and the board pages.
        using var app = new DealershipApp();
        await app.InitializeAsync();
        var who = await Arrange.CustomerWithCarAsync(app);
        var portland = await app.SiteIdAsync("PDX");
        var salesId = await app.QueryAsync(db => db.Users.Where(u => u.Email == "sales@demo.local").Select(u => u.Id).SingleAsync());
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var farAway = new Dictionary<OrderMilestone, DateOnly> { [OrderMilestone.ArrivedAtDealership] = DateOnly.FromDateTime(now).AddDays(120) };
        await app.QueryAsync(async db =>
        {
            for (var i = 0; i < 520; i++)
            {
                db.Orders.Add(new VehicleOrder(portland, who.CustomerId, salesId, new VehicleSpec(2027, "Honda", "Civic", "Sport", null, null, null),
                    new Money(2_900_000, "USD"), new Money(0, "USD"), farAway, now.AddMinutes(-600 + i)));
            }

            return await db.SaveChangesAsync();
        });
        var late = await Arrange.OrderAsync(app, await Arrange.CustomerWithCarAsync(app), new Dictionary<string, int> { ["factoryConfirmed"] = 1, ["arrivedAtDealership"] = 120 });
        app.Clock.Advance(TimeSpan.FromDays(3));

        using var sales = await app.SalesAsync();
        var board = await (await sales.GetAsync("/api/deliveries/board")).ReadJsonAsync();
        var rows = board.GetProperty("rows").EnumerateArray().ToList();
        Assert.That(rows, Has.Count.EqualTo(50), "one page");
        Assert.That(rows.Where(r => r.GetProperty("attention").GetString() == "late").Select(r => r.GetProperty("orderId").GetGuid()), Does.Contain(late));
        Assert.That(rows[0].GetProperty("attention").GetString(), Is.AnyOf("scheduledToday", "late"), "the most urgent first");
        var counted = new[] { "late", "silent", "arrivedNotScheduled", "scheduledToday", "onTrack" }.Sum(k => board.GetProperty(k).GetInt32());
        var active = await app.QueryAsync(db => db.Orders.CountAsync(o => o.SiteId == portland && o.CancelledAt == null && o.Status != OrderMilestone.Delivered));
        Assert.That(counted, Is.EqualTo(active), "the counts cover every active order, not only the rows shown");
        Assert.That(board.GetProperty("total").GetInt32(), Is.EqualTo(active));

        // Every page together shows every active order exactly once, in the board's order.
        async Task<List<(Guid Id, string Attention)>> EveryPageAsync(string query)
        {
            var rows = new List<(Guid, string)>();
            for (var page = 1; page <= 100; page++)
            {
                var onPage = await (await sales.GetAsync($"/api/deliveries/board?page={page}&pageSize=200{query}")).ReadJsonAsync();
                rows.AddRange(onPage.GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("orderId").GetGuid(), r.GetProperty("attention").GetString()!)));
                if (!onPage.GetProperty("hasNext").GetBoolean())
                {
                    break;
                }
            }

            return rows;
        }

        var everything = await EveryPageAsync("");
        var seen = everything.Select(r => r.Id).ToList();

        Assert.That(seen, Has.Count.EqualTo(active).And.Unique);
        Assert.That(seen[0], Is.EqualTo(rows[0].GetProperty("orderId").GetGuid()));

        // One kind only: the late ones, paged by themselves, while the counts still cover every active order.
        var lateOnly = await (await sales.GetAsync("/api/deliveries/board?attention=late&pageSize=25")).ReadJsonAsync();
        var lateRows = lateOnly.GetProperty("rows").EnumerateArray().ToList();
        Assert.That(lateOnly.GetProperty("showing").GetString(), Is.EqualTo("late"));
        Assert.That(lateRows.Select(r => r.GetProperty("attention").GetString()), Is.All.EqualTo("late"));
        Assert.That(lateRows, Has.Count.EqualTo(Math.Min(board.GetProperty("late").GetInt32(), 25)));
        Assert.That(lateRows.Select(r => r.GetProperty("orderId").GetGuid()), Does.Contain(late));
        Assert.That(lateOnly.GetProperty("matching").GetInt32(), Is.EqualTo(board.GetProperty("late").GetInt32()));
        Assert.That(lateOnly.GetProperty("total").GetInt32(), Is.EqualTo(active), "the counts are the whole board's");
        Assert.That(lateOnly.GetProperty("pageCount").GetInt32(), Is.EqualTo((board.GetProperty("late").GetInt32() + 24) / 25));
        // A kind far down the board, page after page: exactly its orders, once each, in the whole board's order.
        var onTrack = await EveryPageAsync("&attention=onTrack");
        Assert.That(onTrack.Select(r => r.Attention), Is.All.EqualTo("onTrack"));
        Assert.That(onTrack.Select(r => r.Id), Is.EqualTo(everything.Where(r => r.Attention == "onTrack").Select(r => r.Id)));
        Assert.That(onTrack, Has.Count.EqualTo(board.GetProperty("onTrack").GetInt32()).And.Count.GreaterThan(200), "more than one page of them");

        foreach (var wrongValue in new[] { "flying", "0", "late,silent" })
        {
            var wrong = await sales.GetAsync($"/api/deliveries/board?attention={wrongValue}");
            Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), wrongValue + ": a number or a list is not a kind either");
            Assert.That(await wrong.Content.ReadAsStringAsync(), Does.Contain("attention").And.Contain("arrivedNotScheduled"), "says what to use instead");
        }
    }

    [Test]
    public async Task TheBoard_KeepsItsRankingForSeconds_YetShowsAChangeAtOnce_HoweverItWasSaved()
    {
        using var app = new DealershipApp();
        await app.InitializeAsync();
        var who = await Arrange.CustomerWithCarAsync(app);
        var late = await Arrange.OrderAsync(app, who, new Dictionary<string, int> { ["factoryConfirmed"] = 1, ["arrivedAtDealership"] = 120 });
        app.Clock.Advance(TimeSpan.FromDays(3));
        var rankings = app.Services.GetRequiredService<Application.Orders.BoardRankings>();
        using var sales = await app.SalesAsync();
        async Task<JsonElement> BoardAsync() => await (await sales.GetAsync("/api/deliveries/board?pageSize=200")).ReadJsonAsync();
        bool IsLate(JsonElement board) => board.GetProperty("rows").EnumerateArray()
            .Any(r => r.GetProperty("orderId").GetGuid() == late && r.GetProperty("attention").GetString() == "late");

        var before = await BoardAsync();
        Assert.That(IsLate(before), Is.True);
        var ranked = rankings.Computed;

        // The promise moved through the API: on the very next read the order is no longer counted late. The clock has not
        // moved, so only the save telling the kept ranking it is stale can explain the count (the row itself is always
        // read afresh, so its attention changes either way).
        var moved = await sales.PutAsJsonAsync($"/api/orders/{late}/promises/factoryConfirmed",
            new { promisedDate = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(5), reason = "Factory slot confirmed for next week" });
        Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await moved.Content.ReadAsStringAsync());
        var after = await BoardAsync();
        Assert.That(IsLate(after), Is.False);
        Assert.That(after.GetProperty("late").GetInt32(), Is.EqualTo(before.GetProperty("late").GetInt32() - 1));
        Assert.That(rankings.Computed, Is.GreaterThan(ranked), "ranked afresh after the change");

        // A save outside any unit of work (a script, the seeder) is counted at once too.
        var portland = await app.SiteIdAsync("PDX");
        var salesId = await app.QueryAsync(db => db.Users.Where(u => u.Email == "sales@demo.local").Select(u => u.Id).SingleAsync());
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.QueryAsync(async db =>
        {
            db.Orders.Add(new VehicleOrder(portland, who.CustomerId, salesId, new VehicleSpec(2027, "Honda", "Civic", "Sport", null, null, null), new Money(2_900_000, "USD"),
                new Money(0, "USD"), new Dictionary<OrderMilestone, DateOnly> { [OrderMilestone.ArrivedAtDealership] = DateOnly.FromDateTime(now).AddDays(120) }, now));
            return await db.SaveChangesAsync();
        });
        Assert.That((await BoardAsync()).GetProperty("total").GetInt32(), Is.EqualTo(after.GetProperty("total").GetInt32() + 1));
    }
}
