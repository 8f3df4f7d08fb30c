using System.Net;
using System.Net.Http.Json;
using Dealership.Domain.Custody;
using Dealership.Domain.Decisions;
using Dealership.Domain.Orders;
using Dealership.Domain.Service;
using Microsoft.EntityFrameworkCore;

namespace Dealership.IntegrationTests;

/// <summary>
/// Many clients acting on the same thing at the same moment, through the real HTTP stack and SQLite: the same
/// order's next milestone, the same visit's check-in, the same part's edit, the last bay at a collection time,
/// the same check's verification, the same approval and the same handover. Each race has exactly one winner; every
/// other caller is told 409 (or 412 for a stale If-Match), never 500 and never a second success; and the
/// invariants hold afterwards: one message per milestone, custody taken once, no more reserved than on the
/// shelf, one booking per bay and time, one decision, one delivery.
/// </summary>
public sealed class ConcurrencyStressTests : FreshAppTests
{
    private const int Racers = 8;
    private static readonly HttpStatusCode[] Refusals = [HttpStatusCode.Conflict, HttpStatusCode.PreconditionFailed];

    /// <summary>Fires <paramref name="callers"/> requests at once and returns the winner's answer; the rest must be refusals.</summary>
    private static async Task<HttpResponseMessage> RaceAsync(int callers, Func<int, Task<HttpResponseMessage>> act)
    {
        using var start = new SemaphoreSlim(0);
        var tasks = Enumerable.Range(0, callers).Select(async i =>
        {
            await start.WaitAsync();
            return await act(i);
        }).ToList();
        start.Release(callers);
        var responses = await Task.WhenAll(tasks);
        var winners = responses.Where(r => r.IsSuccessStatusCode).ToList();
        var bodies = string.Join("\n", await Task.WhenAll(responses.Select(async r => $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}")));
        Assert.That(winners, Has.Count.EqualTo(1), "exactly one caller wins:\n" + bodies);
        Assert.That(responses.Where(r => !r.IsSuccessStatusCode).Select(r => r.StatusCode), Is.All.AnyOf(Refusals), bodies);
        foreach (var loser in responses.Where(r => !r.IsSuccessStatusCode))
        {
            Assert.That(loser.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        }

        TestContext.Out.WriteLine($"concurrency race: {callers} callers, 1 won, {callers - 1} refused with 409/412");
        return winners[0];
    }

    [Test]
    public async Task TheSameMilestone_RecordedByEightAtOnce_IsRecordedAndToldOnce()
    {
        var who = await Arrange.CustomerWithCarAsync(App);
        var order = await Arrange.OrderAsync(App, who, new Dictionary<string, int> { ["arrivedAtDealership"] = 30 });
        using var sales = await App.SalesAsync();

        await RaceAsync(Racers, _ => sales.PostAsJsonAsync($"/api/orders/{order}/milestones", new { milestone = "factoryConfirmed" }));

        Assert.That(await App.QueryAsync(db => db.Orders.Where(o => o.Id == order).Select(o => o.Status).SingleAsync()), Is.EqualTo(OrderMilestone.FactoryConfirmed));
        Assert.That(await App.QueryAsync(db => db.Notifications.CountAsync(n => n.CustomerId == who.CustomerId && n.TemplateKey == Application.Notifications.MessageTemplates.OrderMilestone)),
            Is.EqualTo(1), "the customer hears it once");
    }

    [Test]
    public async Task TheSameCheckIn_ByEightAtOnce_TakesTheCarAndKeysIntoCustodyOnce()
    {
        var who = await Arrange.CustomerWithCarAsync(App);
        using var advisor = await App.ServiceAsync();
        var booked = await advisor.PostAsJsonAsync("/api/service/appointments",
            new { customerId = who.CustomerId, vehicleId = who.VehicleId, concern = "Noise from the front", operationCodes = new[] { "DIAG" }, startsAt = "2026-11-24T23:00:00Z", separateVisit = true });
        Assert.That(booked.StatusCode, Is.EqualTo(HttpStatusCode.Created), await booked.Content.ReadAsStringAsync());
        var visit = (await booked.ReadJsonAsync()).GetProperty("id").GetGuid();

        await RaceAsync(Racers, i => advisor.PostAsJsonAsync($"/api/service/appointments/{visit}/check-in",
            new { mileage = 41_000 + i, updatesContact = "Text me", promisedReadyAt = "2026-11-23T01:00:00Z", keys = 2 }));

        var custody = await App.QueryAsync(db => db.Custody.Where(c => c.SubjectId == visit).Select(c => c.Item).ToListAsync());
        Assert.That(custody, Is.EquivalentTo(new[] { CustodyItem.Car, CustodyItem.KeySet }), "custody is never held twice");
        Assert.That(await App.QueryAsync(db => db.Promises.CountAsync(p => p.SubjectId == visit)), Is.EqualTo(1), "one ready-time promise");
        Assert.That(await App.QueryAsync(db => db.Appointments.Where(a => a.Id == visit).Select(a => a.Status).SingleAsync()), Is.EqualTo(AppointmentStatus.CheckedIn));
    }

    [Test]
    public async Task TheSamePart_EditedByEightFromOneVersion_OneSaves_TheOthersAreToldTheirCopyIsStale()
    {
        using var clerk = await App.PartsAsync();
        var part = (await (await clerk.PostAsJsonAsync("/api/parts", new { partNumber = "RACE-1", description = "Cabin filter", onHand = 4, sellPrice = new { amount = 2_400, currency = "USD" } })).ReadJsonAsync())
            .GetProperty("id").GetGuid();
        var version = await App.QueryAsync(db => db.Parts.Where(p => p.Id == part).Select(p => p.Version).SingleAsync());

        await RaceAsync(Racers, i =>
        {
            var edit = new HttpRequestMessage(HttpMethod.Put, $"/api/parts/{part}") { Content = JsonContent.Create(new { description = $"Cabin filter (count {i})", sellPrice = new { amount = 2_400, currency = "USD" }, onHand = 10 + i }) };
            edit.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
            return clerk.SendAsync(edit);
        });

        var stored = await App.QueryAsync(db => db.Parts.AsNoTracking().SingleAsync(p => p.Id == part));
        Assert.That(stored.Version, Is.EqualTo(version + 1), "one edit landed");
        Assert.That(stored.Description, Is.EqualTo($"Cabin filter (count {stored.OnHand - 10})"), "and all of it: no mix of two edits");
    }

    [Test]
    public async Task TheLastFilterOnTheShelf_PlannedForThreeVisitsByFourPlannersAtOnce_IsReservedOnce()
    {
        using var manager = await App.ManagerAsync();
        Assert.That((await manager.PostAsJsonAsync("/api/parts", new { partNumber = "LAST-1", description = "Rare filter", onHand = 1, sellPrice = new { amount = 3_000, currency = "USD" } })).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await manager.PostAsJsonAsync("/api/service/operations", new { code = "RARE", description = "Rare filter change", labourMinutes = 30, parts = new[] { new { partNumber = "LAST-1", quantity = 1 } } })).StatusCode,
            Is.EqualTo(HttpStatusCode.Created));
        using var advisor = await App.ServiceAsync();
        for (var i = 0; i < 3; i++)
        {
            var who = await Arrange.CustomerWithCarAsync(App);
            var booked = await advisor.PostAsJsonAsync("/api/service/appointments",
                new { customerId = who.CustomerId, vehicleId = who.VehicleId, concern = "Filter", operationCodes = new[] { "RARE" }, startsAt = $"2026-11-2{5 + i}T17:00:00Z", separateVisit = true });
            Assert.That(booked.StatusCode, Is.EqualTo(HttpStatusCode.Created), await booked.Content.ReadAsStringAsync());
        }

        // Four planner runs at once, as four workers would after four bookings; losers of a row's race give up that run.
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            try
            {
                await App.PlanAsync();
                return true;
            }
            catch (DbUpdateException)
            {
                return false;
            }
        }));
        await App.PlanAsync(); // and a quiet one afterwards, as the next sweep would

        Assert.That(runs, Does.Contain(true));
        var shelf = await App.QueryAsync(db => db.Parts.AsNoTracking().SingleAsync(p => p.PartNumber == "LAST-1"));
        var reservedLines = await App.QueryAsync(db => db.Appointments.SelectMany(a => a.PartLines).CountAsync(l => l.PartNumber == "LAST-1" && l.State == PartLineState.Reserved));
        Assert.That((shelf.OnHand, shelf.Reserved, reservedLines), Is.EqualTo((1, 1, 1)), "one visit holds the filter; stock never goes below what is reserved");
    }

    [Test]
    public async Task TheLastBay_PickedForThreeOrdersAtOnce_IsBookedOnce()
    {
        await App.QueryAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE Sites SET DeliveryBays = 1"));
        using var sales = await App.SalesAsync();
        var orders = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var order = await CollectionTests.ReadyForCollectionAsync(App);
            foreach (var item in new[] { "insuranceProof", "registrationPaperwork" })
            {
                Assert.That((await sales.PutAsJsonAsync($"/api/orders/{order}/checklist/{item}", new { done = true })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            }

            orders.Add(order);
        }

        var slot = (await (await sales.GetAsync($"/api/orders/{orders[0]}/collection-slots")).ReadJsonAsync()).EnumerateArray().First().GetProperty("startsAt").GetDateTime().ToUniversalTime();
        await RaceAsync(orders.Count, i => sales.PostAsJsonAsync($"/api/orders/{orders[i]}/collection", new { startsAt = slot, toldUsBy = "phone" }));

        Assert.That(await App.QueryAsync(db => db.CollectionBookings.CountAsync(b => b.StartsAt == slot)), Is.EqualTo(1), "no double-booked bay");
    }

    [Test]
    public async Task TheSameCheck_VerifiedByEight_ThenTheSameHandover_ByEight_EachHappensOnce()
    {
        using var sales = await App.SalesAsync();
        using var manager = await App.ManagerAsync();
        var (order, due) = await CollectionTests.CollectionBookedAsync(App, sales);
        var taken = await (await sales.PostAsJsonAsync($"/api/orders/{order}/payments", new { method = "companyCheck", amount = new { amount = due, currency = "USD" }, reference = "CHK-RACE" })).ReadJsonAsync();
        var payment = taken.GetProperty("payments").EnumerateArray().Last().GetProperty("id").GetGuid();

        await RaceAsync(Racers, i => manager.PostAsJsonAsync($"/api/orders/{order}/payments/{payment}/settlement", new { action = "verify", note = $"Bank confirmed funds (call {i})" }));
        var verified = await App.QueryAsync(db => db.Payments.AsNoTracking().SingleAsync(p => p.Id == payment));
        Assert.That(verified.VerifiedBy, Is.Not.Null);

        await RaceAsync(Racers, _ => sales.PostAsJsonAsync($"/api/orders/{order}/delivery", new { newCarKeys = 2 }));

        var stored = await App.QueryAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == order));
        Assert.That(stored.Status, Is.EqualTo(OrderMilestone.Delivered), "one delivery");
        Assert.That(await App.QueryAsync(db => db.Touchpoints.CountAsync(t => t.SubjectId == order && t.Summary.StartsWith("Delivered"))), Is.LessThanOrEqualTo(1), "the handover is on the timeline once");
    }

    [Test]
    public async Task TheSameApproval_GivenByEightAtOnce_IsDecidedOnce_AndTheAdvisorIsToldOnce()
    {
        var who = await Arrange.CustomerWithCarAsync(App);
        using var advisor = await App.ServiceAsync();
        using var manager = await App.ManagerAsync();
        var booked = await advisor.PostAsJsonAsync("/api/service/appointments",
            new { customerId = who.CustomerId, vehicleId = who.VehicleId, concern = "Same fault again", operationCodes = new[] { "DIAG" }, startsAt = "2026-11-24T22:00:00Z", separateVisit = true });
        var visit = (await booked.ReadJsonAsync()).GetProperty("id").GetGuid();
        var decision = (await (await advisor.PostAsJsonAsync($"/api/service/appointments/{visit}/recovery",
            new { action = "goodwill", amount = new { amount = 25_000, currency = "USD" }, reason = "Second visit for the same fault" })).ReadJsonAsync()).GetProperty("id").GetGuid();

        await RaceAsync(Racers, i => manager.PostAsJsonAsync($"/api/decisions/{decision}/approval", new { approved = i % 2 == 0, reason = $"Answer {i}" }));

        var stored = await App.QueryAsync(db => db.Decisions.AsNoTracking().SingleAsync(d => d.Id == decision));
        Assert.That(stored.Status, Is.AnyOf(DecisionStatus.Approved, DecisionStatus.Declined));
        Assert.That(await App.QueryAsync(db => db.Tasks.CountAsync(t => t.DeduplicationKey == $"decision/{decision}/answered")), Is.EqualTo(1), "the advisor hears one answer");
    }
}
