using System.Net;
using System.Net.Http.Json;
using Dealership.Application.Handover;
using Dealership.Domain.Handover;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dealership.IntegrationTests;

/// <summary>
/// Collection and delivery against the demo order that is at the dealership and prepared (Sophia Nguyen's
/// CX-5: inspection and funds ticked, insurance and registration still open, a $2,000 deposit).
/// </summary>
public sealed class CollectionTests : FreshAppTests
{
    private Guid _order;

    [SetUp]
    public async Task ArrangeAsync() => _order = await ReadyForCollectionAsync(App);

    /// <summary>
    /// A car at the dealership, prepared, with two checklist items still open (insurance and registration), for a
    /// customer of the test's own: the state story 001 starts from.
    /// </summary>
    internal static async Task<Guid> ReadyForCollectionAsync(DealershipApp app)
    {
        var who = await Arrange.CustomerWithCarAsync(app);
        var order = await Arrange.OrderAsync(app, who, new Dictionary<string, int> { ["arrivedAtDealership"] = 1, ["preparedForDelivery"] = 2 },
            "factoryConfirmed", "built", "inTransit", "arrivedAtDealership", "preparedForDelivery");
        using var sales = await app.SalesAsync();
        foreach (var item in new[] { "preDeliveryInspection", "fundsArranged" })
        {
            Assert.That((await sales.PutAsJsonAsync($"/api/orders/{order}/checklist/{item}", new { done = true })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        return order;
    }

    /// <summary>Story 001 one step on: the checklist complete and the first collection slot booked; returns the balance still due.</summary>
    internal static async Task<(Guid Order, long Due)> CollectionBookedAsync(DealershipApp app, HttpClient sales)
    {
        ArgumentNullException.ThrowIfNull(sales);
        var order = await ReadyForCollectionAsync(app);
        foreach (var item in new[] { "insuranceProof", "registrationPaperwork" })
        {
            Assert.That((await sales.PutAsJsonAsync($"/api/orders/{order}/checklist/{item}", new { done = true })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var slot = (await (await sales.GetAsync($"/api/orders/{order}/collection-slots")).ReadJsonAsync()).EnumerateArray().First().GetProperty("startsAt").GetDateTime();
        Assert.That((await sales.PostAsJsonAsync($"/api/orders/{order}/collection", new { startsAt = slot, toldUsBy = "phone" })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var due = (await (await sales.GetAsync($"/api/orders/{order}/balance")).ReadJsonAsync()).GetProperty("due").GetProperty("amount").GetInt64();
        return (order, due);
    }

    private async Task CompleteChecklistAsync(HttpClient sales)
    {
        foreach (var item in new[] { "insuranceProof", "registrationPaperwork" })
        {
            Assert.That((await sales.PutAsJsonAsync($"/api/orders/{_order}/checklist/{item}", new { done = true })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    private static async Task<List<DateTime>> SlotsAsync(HttpClient client, Guid order) =>
        (await (await client.GetAsync($"/api/orders/{order}/collection-slots")).ReadJsonAsync()).EnumerateArray()
            .Select(s => s.GetProperty("startsAt").GetDateTime().ToUniversalTime()).ToList();

    [Test]
    public async Task Slots_OpenOnlyOnceTheChecklistIsComplete_AndComeFromOpeningHours()
    {
        using var sales = await App.SalesAsync();
        Assert.That(await SlotsAsync(sales, _order), Is.Empty);
        var tooEarly = await sales.PostAsJsonAsync($"/api/orders/{_order}/collection", new { startsAt = "2026-11-24T18:00:00Z", toldUsBy = "phone" });
        Assert.That(tooEarly.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await tooEarly.ReadJsonAsync()).GetProperty("detail").GetString(), Does.Contain("checklist"));

        await CompleteChecklistAsync(sales);
        var slots = await SlotsAsync(sales, _order);

        Assert.That(slots, Is.Not.Empty);
        var portland = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
        var locals = slots.Select(s => TimeZoneInfo.ConvertTimeFromUtc(s, portland)).ToList();
        Assert.That(locals.Min().Date, Is.EqualTo(new DateTime(2026, 11, 23)), "from tomorrow (the clock is Sunday 22 Nov, 2 pm in Portland)");
        Assert.That(locals.Where(l => l.DayOfWeek == DayOfWeek.Sunday), Is.Empty, "Portland is closed on Sundays");
        Assert.That(locals.Where(l => l.DayOfWeek != DayOfWeek.Saturday).All(l => l.Hour >= 8 && l.Hour <= 18), Is.True, "weekday hours 8:00-19:00, 60-minute collections");
        Assert.That(locals.Where(l => l.DayOfWeek == DayOfWeek.Saturday).All(l => l.Hour >= 9 && l.Hour <= 16), Is.True);
    }

    [Test]
    public async Task TheCustomersChoice_IsBooked_Confirmed_AndMovingItFreesTheOldSlot()
    {
        using var sales = await App.SalesAsync();
        await CompleteChecklistAsync(sales);
        var slots = await SlotsAsync(sales, _order);

        var booked = await sales.PostAsJsonAsync($"/api/orders/{_order}/collection", new { startsAt = slots[2], toldUsBy = "phone" });
        Assert.That(booked.StatusCode, Is.EqualTo(HttpStatusCode.OK), await booked.Content.ReadAsStringAsync());
        Assert.That((await booked.ReadJsonAsync()).GetProperty("chosenByCustomer").GetBoolean(), Is.True);
        var order = await (await sales.GetAsync($"/api/orders/{_order}")).ReadJsonAsync();
        Assert.That(order.GetProperty("status").GetString(), Is.EqualTo("collectionScheduled"));

        var moved = await sales.PostAsJsonAsync($"/api/orders/{_order}/collection", new { startsAt = slots[5], toldUsBy = "phone" });
        Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var bookings = await App.QueryAsync(db => db.CollectionBookings.Where(b => b.OrderId == _order).ToListAsync());
        Assert.That(bookings.Select(b => b.StartsAt), Is.EqualTo(new[] { slots[5] }));
        var confirmations = await App.QueryAsync(db => db.Notifications.Where(n => n.DeduplicationKey.StartsWith($"order/{_order}/collection/")).ToListAsync());
        Assert.That(confirmations.Select(n => n.TemplateKey).Distinct(), Is.EqualTo(new[] { "order.collection-booked" }));
        Assert.That(confirmations, Has.Count.EqualTo(2), "one for the booking, one for the move");
    }

    [Test]
    public async Task TheDatabase_RefusesASecondBookingOfTheSameBayAndTime()
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Application.Data.DealershipDbContext>();
        var orders = await db.Orders.Select(o => new { o.Id, o.SiteId, o.OwnerStaffId }).Take(2).ToListAsync();
        var start = new DateTime(2026, 11, 30, 18, 0, 0, DateTimeKind.Utc);
        db.CollectionBookings.Add(new CollectionBooking(orders[0].Id, orders[0].SiteId, orders[0].OwnerStaffId, 1, start, start.AddHours(1), ChoiceChannel.TrackingPage, null, start));
        db.CollectionBookings.Add(new CollectionBooking(orders[1].Id, orders[0].SiteId, orders[1].OwnerStaffId, 1, start, start.AddHours(1), ChoiceChannel.TrackingPage, null, start));

        Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Test]
    public async Task ConcurrentPicksOfTheLastBay_OneWins_TheOtherIsTold()
    {
        // One bay only, and a second ready order owned by someone else, so both may want the same time.
        await App.QueryAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE Sites SET DeliveryBays = 1"));
        using var sales = await App.SalesAsync();
        using var manager = await App.ManagerAsync();
        await CompleteChecklistAsync(sales);
        var other = await ReadyOrderOwnedByManagerAsync(manager);
        var slot = (await SlotsAsync(sales, _order)).Intersect(await SlotsAsync(manager, other)).First();

        var responses = await Task.WhenAll(
            sales.PostAsJsonAsync($"/api/orders/{_order}/collection", new { startsAt = slot, toldUsBy = "phone" }),
            manager.PostAsJsonAsync($"/api/orders/{other}/collection", new { startsAt = slot, toldUsBy = "phone" }));

        Assert.That(responses.Select(r => r.StatusCode), Is.EquivalentTo(new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.That(await App.QueryAsync(db => db.CollectionBookings.CountAsync(b => b.StartsAt == slot)), Is.EqualTo(1));
    }

    [Test]
    public async Task Delivery_NeedsTheBalanceSettled_ThenHandsOverInOneStep()
    {
        using var sales = await App.SalesAsync();
        await CompleteChecklistAsync(sales);
        var slots = await SlotsAsync(sales, _order);
        var notBooked = await sales.PostAsJsonAsync($"/api/orders/{_order}/delivery", new { newCarKeys = 2 });
        await sales.PostAsJsonAsync($"/api/orders/{_order}/collection", new { startsAt = slots[0], toldUsBy = "phone" });

        var unpaid = await sales.PostAsJsonAsync($"/api/orders/{_order}/delivery", new { newCarKeys = 2 });
        var balance = (await (await sales.GetAsync($"/api/orders/{_order}")).ReadJsonAsync()).GetProperty("balanceDue").GetProperty("amount").GetInt64();
        await sales.PostAsJsonAsync($"/api/orders/{_order}/payments", new { method = "lenderFunding", amount = new { amount = balance, currency = "USD" }, reference = "LOAN-55102", status = "pending" });
        var delivered = await sales.PostAsJsonAsync($"/api/orders/{_order}/delivery", new { newCarKeys = 2 });

        Assert.That(notBooked.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(unpaid.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await unpaid.ReadJsonAsync()).GetProperty("code").GetString(), Is.EqualTo("balance-due"));
        Assert.That(delivered.StatusCode, Is.EqualTo(HttpStatusCode.OK), await delivered.Content.ReadAsStringAsync());
        var order = await delivered.ReadJsonAsync();
        Assert.That(order.GetProperty("status").GetString(), Is.EqualTo("delivered"));
        Assert.That(order.GetProperty("balanceDue").GetProperty("amount").GetInt64(), Is.Zero);
        var stored = await App.QueryAsync(db => db.Orders.SingleAsync(o => o.Id == _order));
        Assert.That(stored.KeysHandedOverBy, Is.Not.Null);
        Assert.That(stored.NewCarKeysHandedOver, Is.EqualTo(2));
        Assert.That(await App.QueryAsync(db => db.Notifications.AnyAsync(n => n.DeduplicationKey.StartsWith($"order/{_order}/delivered") && n.Status == Domain.Notifications.NotificationStatus.Pending)), Is.True);
        var aboutCollection = await App.QueryAsync(db => db.Notifications.Where(n => n.DeduplicationKey.StartsWith($"order/{_order}/collection")).Select(n => n.Status).ToListAsync());
        Assert.That(aboutCollection, Is.Not.Empty.And.All.EqualTo(Domain.Notifications.NotificationStatus.Suppressed),
            "a booking confirmation still unsent when the car has gone is withdrawn, not sent late");
    }

    [Test]
    public async Task TheDayBefore_TheCustomerGetsOneReminder()
    {
        using var sales = await App.SalesAsync();
        await CompleteChecklistAsync(sales);
        var slot = (await SlotsAsync(sales, _order)).First(s => s > new DateTime(2026, 11, 24, 0, 0, 0, DateTimeKind.Utc));
        await sales.PostAsJsonAsync($"/api/orders/{_order}/collection", new { startsAt = slot, toldUsBy = "phone" });

        App.Clock.Advance(slot - App.Clock.GetUtcNow().UtcDateTime - TimeSpan.FromHours(20));
        using (var scope = App.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<CollectionReminders>().RunAsync(CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<CollectionReminders>().RunAsync(CancellationToken.None);
        }

        var reminders = await App.QueryAsync(db => db.Notifications.Where(n => n.DeduplicationKey.EndsWith("/reminder/sms") || n.DeduplicationKey.EndsWith("/reminder/email")).ToListAsync());
        Assert.That(reminders.Count(n => n.DeduplicationKey.StartsWith($"order/{_order}/", StringComparison.Ordinal)), Is.EqualTo(1));
    }

    [Test]
    public async Task StaffCannotImposeATime_TheyRecordTheCustomersStatedChoice_AndTheTimelineSaysHow()
    {
        using var sales = await App.SalesAsync();
        await CompleteChecklistAsync(sales);
        var slot = (await SlotsAsync(sales, _order))[1];

        var imposed = await sales.PostAsJsonAsync($"/api/orders/{_order}/collection", new { startsAt = slot });
        var asTrackingPage = await sales.PostAsJsonAsync($"/api/orders/{_order}/collection", new { startsAt = slot, toldUsBy = "trackingPage" });
        var stated = await sales.PostAsJsonAsync($"/api/orders/{_order}/collection", new { startsAt = slot, toldUsBy = "inPerson" });

        Assert.That(imposed.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "no time without saying how the customer chose it");
        Assert.That((await imposed.ReadJsonAsync()).GetProperty("errors").GetProperty("toldUsBy")[0].GetString(), Does.Contain("propose"));
        Assert.That(asTrackingPage.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "staff cannot claim the customer used their page");
        Assert.That(stated.StatusCode, Is.EqualTo(HttpStatusCode.OK), await stated.Content.ReadAsStringAsync());
        var order = await (await sales.GetAsync($"/api/orders/{_order}")).ReadJsonAsync();
        Assert.That(order.GetProperty("collection").GetProperty("statedVia").GetString(), Is.EqualTo("inPerson"));
        Assert.That(order.GetProperty("collection").GetProperty("howChosen").GetString(), Is.EqualTo("the customer's choice, told to Sam Carter in person"));
        var customerId = order.GetProperty("customerId").GetGuid();
        var touchpoint = await App.QueryAsync(db => db.Touchpoints.Where(t => t.CustomerId == customerId && t.Summary.StartsWith("Collection booked")).Select(t => t.Summary).SingleAsync());
        Assert.That(touchpoint, Does.Contain("told to Sam Carter in person"));
    }

    [Test]
    public async Task CancellingAnOrder_FreesItsCollection_WithdrawsTheQueuedReminder_AndSendsNoneLater()
    {
        using var sales = await App.SalesAsync();
        await CompleteChecklistAsync(sales);
        var slot = (await SlotsAsync(sales, _order)).First(s => s > new DateTime(2026, 11, 24, 0, 0, 0, DateTimeKind.Utc));
        Assert.That((await sales.PostAsJsonAsync($"/api/orders/{_order}/collection", new { startsAt = slot, toldUsBy = "phone" })).StatusCode, Is.EqualTo(HttpStatusCode.OK).Or.EqualTo(HttpStatusCode.Created));
        App.Clock.Advance(slot - App.Clock.GetUtcNow().UtcDateTime - TimeSpan.FromHours(20));
        using (var scope = App.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<CollectionReminders>().RunAsync(CancellationToken.None);
        }

        using var salesNextDay = await App.SalesAsync(); // the clock moved: a fresh token
        var cancelled = await salesNextDay.PostAsJsonAsync($"/api/orders/{_order}/cancellation", new { reason = "Customer changed their mind" });

        Assert.That(cancelled.StatusCode, Is.EqualTo(HttpStatusCode.OK), await cancelled.Content.ReadAsStringAsync());
        Assert.That(await App.QueryAsync(db => db.CollectionBookings.AnyAsync(b => b.OrderId == _order)), Is.False, "the slot is free again");
        var reminders = await App.QueryAsync(db => db.Notifications.Where(n => n.DeduplicationKey.StartsWith($"order/{_order}/collection/") && n.TemplateKey == "order.collection-reminder").ToListAsync());
        Assert.That(reminders, Is.Not.Empty, "a reminder had been queued");
        Assert.That(reminders.Select(n => n.Status), Is.All.EqualTo(Domain.Notifications.NotificationStatus.Suppressed));
        using (var scope = App.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<CollectionReminders>().RunAsync(CancellationToken.None);
        }

        Assert.That(await App.QueryAsync(db => db.Notifications.CountAsync(n => n.DeduplicationKey.StartsWith($"order/{_order}/collection/") && n.Status != Domain.Notifications.NotificationStatus.Suppressed && n.TemplateKey == "order.collection-reminder")), Is.Zero);
        Assert.That(await App.QueryAsync(db => db.Promises.CountAsync(p => p.SubjectId == _order && p.State == Domain.Promises.PromiseState.Open)), Is.Zero, "open promises are withdrawn");
    }

    [Test]
    public async Task StaffProposeUpToThreeTimes_TheCustomerIsTold_AndStillChooses()
    {
        using var sales = await App.SalesAsync();
        await CompleteChecklistAsync(sales);
        var slots = await SlotsAsync(sales, _order);

        var four = await sales.PostAsJsonAsync($"/api/orders/{_order}/collection-proposals", new { startsAt = slots.Take(4) });
        var closed = await sales.PostAsJsonAsync($"/api/orders/{_order}/collection-proposals", new { startsAt = new[] { new DateTime(2026, 11, 23, 3, 0, 0, DateTimeKind.Utc) } });
        var proposed = await sales.PostAsJsonAsync($"/api/orders/{_order}/collection-proposals", new { startsAt = new[] { slots[3], slots[12] } });

        Assert.That(four.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(closed.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "3 am is not an open time");
        Assert.That(proposed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await proposed.Content.ReadAsStringAsync());
        var told = await App.QueryAsync(db => db.Notifications.SingleAsync(n => n.DeduplicationKey.StartsWith($"order/{_order}/collection-proposed")));
        Assert.That(Messages.Read(told), Does.Contain(" or "));
        var order = await (await sales.GetAsync($"/api/orders/{_order}")).ReadJsonAsync();
        Assert.That(order.GetProperty("status").GetString(), Is.EqualTo("preparedForDelivery"), "a proposal books nothing: the customer chooses");

        await sales.PostAsJsonAsync($"/api/orders/{_order}/collection", new { startsAt = slots[12], toldUsBy = "phone" });
        var stored = await App.QueryAsync(db => db.Orders.SingleAsync(o => o.Id == _order));
        Assert.That(stored.ProposedCollectionTimes, Is.Empty, "proposals end once the customer has chosen");
    }

    private async Task<Guid> ReadyOrderOwnedByManagerAsync(HttpClient manager)
    {
        var customer = (await Arrange.CustomerWithCarAsync(App)).CustomerId;
        var placed = await manager.PostAsJsonAsync("/api/orders", new
        {
            customerId = customer,
            vehicle = new { year = 2027, make = "Kia", model = "EV9", trim = "GT-Line" },
            price = new { amount = 7_000_000, currency = "USD" },
        });
        var id = (await placed.ReadJsonAsync()).GetProperty("id").GetGuid();
        foreach (var m in new[] { "factoryConfirmed", "built", "inTransit", "arrivedAtDealership", "preparedForDelivery" })
        {
            await manager.PostAsJsonAsync($"/api/orders/{id}/milestones", new { milestone = m });
        }

        foreach (var item in new[] { "preDeliveryInspection", "fundsArranged", "insuranceProof", "registrationPaperwork" })
        {
            await manager.PutAsJsonAsync($"/api/orders/{id}/checklist/{item}", new { done = true });
        }

        return id;
    }
}

/// <summary>The owner's calendar shapes the collection times offered.</summary>
public sealed class StaffAvailabilityTests : SharedAppTests
{
    [Test]
    public async Task WorkingHoursAndBlockedTime_NarrowTheSlots_AndOnlyYouOrAManagerMayEditThem()
    {
        using var sales = await App.SalesAsync();
        using var service = await App.ServiceAsync();
        var salesId = await App.QueryAsync(db => db.Users.Where(u => u.Email == "sales@demo.local").Select(u => u.Id).SingleAsync());
        var order = await CollectionTests.ReadyForCollectionAsync(App);
        foreach (var item in new[] { "insuranceProof", "registrationPaperwork" })
        {
            await sales.PutAsJsonAsync($"/api/orders/{order}/checklist/{item}", new { done = true });
        }

        var put = await sales.PutAsJsonAsync($"/api/staff/{salesId}/availability", new
        {
            hours = new[] { new { day = "tuesday", starts = "10:00:00", ends = "14:00:00" } },
            blocked = Array.Empty<object>(),
        });
        var someoneElse = await service.PutAsJsonAsync($"/api/staff/{salesId}/availability", new { hours = Array.Empty<object>(), blocked = Array.Empty<object>() });
        var slots = (await (await sales.GetAsync($"/api/orders/{order}/collection-slots")).ReadJsonAsync()).EnumerateArray()
            .Select(s => s.GetProperty("localStart").GetDateTime()).ToList();

        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK), await put.Content.ReadAsStringAsync());
        Assert.That(someoneElse.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(slots, Is.Not.Empty);
        Assert.That(slots.All(s => s.DayOfWeek == DayOfWeek.Tuesday && s.Hour >= 10 && s.Hour < 14), Is.True, string.Join(", ", slots));
    }
}
