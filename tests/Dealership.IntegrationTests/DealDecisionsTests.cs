using System.Net;
using System.Net.Http.Json;
using Dealership.Application.Notifications;
using Dealership.Domain.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Dealership.IntegrationTests;

/// <summary>
/// Decisions on deals through one door (POST /api/decisions): said yes to on the spot within the person's limit,
/// waiting for a manager above it, and taking effect on the deal the moment they are granted.
/// </summary>
public sealed class DealDecisionsTests : FreshAppTests
{
    private async Task<(Guid Order, Guid Customer)> OrderAsync()
    {
        var who = await Arrange.CustomerWithCarAsync(App);
        return (await Arrange.OrderAsync(App, who, new Dictionary<string, int> { ["arrivedAtDealership"] = 30 }), who.CustomerId);
    }

    private static async Task<long> DueAsync(HttpClient client, Guid order) =>
        (await (await client.GetAsync($"/api/orders/{order}/balance")).ReadJsonAsync()).GetProperty("due").GetProperty("amount").GetInt64();

    [Test]
    public async Task AFeeWaiverWithinTheSalespersonsLimit_AppliesAtOnce_AndComesOffTheBalance()
    {
        var (order, _) = await OrderAsync();
        using var sales = await App.SalesAsync();
        var before = await DueAsync(sales, order);

        var response = await sales.PostAsJsonAsync("/api/decisions", new
        {
            subjectType = "order", subjectId = order, action = "feeWaiver", amount = new { amount = 20_000, currency = "USD" }, reason = "Documentation fee waived to match a quote",
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        Assert.That((await response.ReadJsonAsync()).GetProperty("status").GetString(), Is.EqualTo("applied"));
        Assert.That(await DueAsync(sales, order), Is.EqualTo(before - 20_000));
        var lines = (await (await sales.GetAsync($"/api/orders/{order}/balance")).ReadJsonAsync()).GetProperty("lines").EnumerateArray()
            .Select(l => l.GetProperty("label").GetString()).ToList();
        Assert.That(lines, Does.Contain("Fees waived"));

        var tooMuch = await sales.PostAsJsonAsync("/api/decisions", new
        {
            subjectType = "order", subjectId = order, action = "feeWaiver", amount = new { amount = 80_000, currency = "USD" }, reason = "All of them",
        });
        Assert.That((await tooMuch.ReadJsonAsync()).GetProperty("code").GetString(), Is.EqualTo("waiver-above-fees"), "$895 of fees, $200 already waived: refused before any manager is asked");
        Assert.That(await DueAsync(sales, order), Is.EqualTo(before - 20_000), "a refused decision changes nothing");
    }

    [Test]
    public async Task APriceAdjustmentAboveTheLimit_WaitsForAManager_WhoApproves_ThenTheDealAndTheCustomerAreUpdated()
    {
        var (order, customer) = await OrderAsync();
        using var sales = await App.SalesAsync();
        using var service = await App.ServiceAsync();
        using var manager = await App.ManagerAsync();
        var before = await DueAsync(sales, order);

        var asked = await (await sales.PostAsJsonAsync("/api/decisions", new
        {
            subjectType = "order", subjectId = order, action = "priceAdjustment", amount = new { amount = 75_000, currency = "USD" }, reason = "Match the competitor's written quote",
            why = "competitorMatch",
        })).ReadJsonAsync();
        var decision = asked.GetProperty("id").GetGuid();
        Assert.That(asked.GetProperty("why").GetString(), Is.EqualTo("competitorMatch"), "the kind of reason is kept beside the words");

        Assert.That(asked.GetProperty("status").GetString(), Is.EqualTo("awaitingApproval"), "$750 is above a salesperson's $250");
        var twice = await sales.PostAsJsonAsync("/api/decisions", new
        {
            subjectType = "order", subjectId = order, action = "priceAdjustment", amount = new { amount = 75_000, currency = "USD" }, reason = "Asking again",
        });
        Assert.That((await twice.ReadJsonAsync()).GetProperty("code").GetString(), Is.EqualTo("already-asked"), "the managers already have it");
        Assert.That(asked.GetProperty("limit").GetInt64(), Is.EqualTo(25_000), "the answer says what the limit is");
        Assert.That(await DueAsync(sales, order), Is.EqualTo(before), "nothing comes off until it is approved");
        Assert.That(await App.QueryAsync(db => db.Tasks.CountAsync(t => t.SubjectId == decision && t.Status == StaffTaskStatus.Open)), Is.GreaterThan(0), "the managers are told at once");

        var byAdvisor = await service.PostAsJsonAsync($"/api/decisions/{decision}/approval", new { approved = true });
        Assert.That(byAdvisor.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var approved = await manager.PostAsJsonAsync($"/api/decisions/{decision}/approval", new { approved = true, reason = "Worth it to win the deal" });
        Assert.That(approved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await approved.Content.ReadAsStringAsync());

        Assert.That(await DueAsync(sales, order), Is.EqualTo(before - 75_000));
        var salesId = await App.QueryAsync(db => db.Users.Where(u => u.Email == "sales@demo.local").Select(u => u.Id).SingleAsync());
        Assert.That(await App.QueryAsync(db => db.Tasks.AnyAsync(t => t.OwnerStaffId == salesId && t.DeduplicationKey == $"decision/{decision}/answered")), Is.True,
            "the salesperson hears the answer");
        var told = await App.QueryAsync(db => db.Notifications.Where(n => n.CustomerId == customer && n.TemplateKey == MessageTemplates.DecisionApproved).ToListAsync());
        Assert.That(told, Has.Count.EqualTo(1), "the customer hears it once, on their preferred channel");
        Assert.That(told[0].TemplateData, Does.Contain("price").And.Contain("75000 USD"));

        var again = await manager.PostAsJsonAsync($"/api/decisions/{decision}/approval", new { approved = true });
        Assert.That((await again.ReadJsonAsync()).GetProperty("code").GetString(), Is.EqualTo("decision-closed"));
        Assert.That(await DueAsync(sales, order), Is.EqualTo(before - 75_000), "approved once, granted once");
    }

    [Test]
    public async Task AcceptingACompanyCheckBeforeItClears_IsTheManagersCall_AndOnceApproved_TheHandoverMayGoAhead()
    {
        var order = await CollectionTests.ReadyForCollectionAsync(App);
        using var sales = await App.SalesAsync();
        using var manager = await App.ManagerAsync();
        var due = await DueAsync(sales, order);
        var taken = await (await sales.PostAsJsonAsync($"/api/orders/{order}/payments",
            new { method = "companyCheck", amount = new { amount = due, currency = "USD" }, reference = "CHK-7781" })).ReadJsonAsync();
        var payment = taken.GetProperty("payments").EnumerateArray().Last().GetProperty("id").GetGuid();

        var asked = await (await sales.PostAsJsonAsync("/api/decisions", new
        {
            subjectType = "order", subjectId = order, action = "acceptCheck", paymentId = payment, reason = "Fleet customer for ten years; their bank is closed today",
        })).ReadJsonAsync();
        Assert.That(asked.GetProperty("status").GetString(), Is.EqualTo("awaitingApproval"), "front-line staff never take a check on the dealer's risk alone");
        Assert.That(await DueAsync(sales, order), Is.EqualTo(due));

        await manager.PostAsJsonAsync($"/api/decisions/{asked.GetProperty("id").GetGuid()}/approval", new { approved = true, reason = "Yes: long-standing account" });

        Assert.That(await DueAsync(sales, order), Is.Zero, "the check counts from the approval");
        var stored = await App.QueryAsync(db => db.Payments.SingleAsync(p => p.Id == payment));
        Assert.That(stored.VerifiedAt, Is.Not.Null);
        Assert.That((stored.AcceptedOnRisk, stored.VerificationNote), Is.EqualTo((true, "Taken before it clears, by decision: Fleet customer for ten years; their bank is closed today")),
            "taken on our risk, never claimed as confirmed by the bank");

        // The outcome follows by itself: the check cleared, so taking it early paid off.
        var cleared = await manager.PostAsJsonAsync($"/api/orders/{order}/payments/{payment}/settlement", new { action = "cleared", note = "Cleared Dec 1" });
        Assert.That(cleared.StatusCode, Is.EqualTo(HttpStatusCode.OK), await cleared.Content.ReadAsStringAsync());
        var outcome = await App.QueryAsync(db => db.Decisions.Where(d => d.PaymentId == payment).Select(d => new { d.Outcome, d.OutcomeNote }).SingleAsync());
        Assert.That((outcome.Outcome, outcome.OutcomeNote), Is.EqualTo((Domain.Decisions.DecisionOutcome.CustomerKept, "The check cleared")));
    }

    [Test]
    public async Task KeepingATradeInOfferOpen_IsTheUsedCarManagersOwnCall_ButASalespersonAsks()
    {
        var who = await Arrange.CustomerWithCarAsync(App);
        var tradeIn = await TradeInTests.OfferedAsync(App, who);
        using var sales = await App.SalesAsync();
        using var usedCars = await App.UsedCarsAsync();
        var until = await App.QueryAsync(db => db.TradeIns.Where(t => t.Id == tradeIn).Select(t => t.ValidUntil).SingleAsync());

        var asked = await (await sales.PostAsJsonAsync("/api/decisions", new
        {
            subjectType = "trade-in", subjectId = tradeIn, action = "extendOffer", extendTo = until!.Value.AddDays(5), reason = "Customer is waiting for the new car's date",
        })).ReadJsonAsync();
        var decided = await usedCars.PostAsJsonAsync("/api/decisions", new
        {
            subjectType = "trade-in", subjectId = tradeIn, action = "extendOffer", extendTo = until.Value.AddDays(7), reason = "Market is steady for this model",
        });
        var tooFar = await usedCars.PostAsJsonAsync("/api/decisions", new
        {
            subjectType = "trade-in", subjectId = tradeIn, action = "extendOffer", extendTo = until.Value.AddDays(90), reason = "Long wait",
        });

        Assert.That(asked.GetProperty("status").GetString(), Is.EqualTo("awaitingApproval"));
        Assert.That((await decided.ReadJsonAsync()).GetProperty("status").GetString(), Is.EqualTo("applied"));
        Assert.That(await App.QueryAsync(db => db.TradeIns.Where(t => t.Id == tradeIn).Select(t => t.ValidUntil).SingleAsync()), Is.EqualTo(until.Value.AddDays(7)));
        Assert.That((await tooFar.ReadJsonAsync()).GetProperty("code").GetString(), Is.EqualTo("extension-invalid"));
    }

    [Test]
    public async Task TheDoorRefusesWhatItCannotDo_WithAProblemThatSaysWhatToFix()
    {
        var (order, _) = await OrderAsync();
        using var sales = await App.SalesAsync();
        using var technician = await App.TechnicianAsync();

        var noSubject = await sales.PostAsJsonAsync("/api/decisions", new { subjectType = "car", subjectId = order, action = "goodwill", reason = "x" });
        var wrongAct = await sales.PostAsJsonAsync("/api/decisions", new { subjectType = "order", subjectId = order, action = "loaner", reason = "x" });
        var noAmount = await sales.PostAsJsonAsync("/api/decisions", new { subjectType = "order", subjectId = order, action = "goodwill", reason = "x" });
        var byTechnician = await technician.PostAsJsonAsync("/api/decisions", new { subjectType = "order", subjectId = order, action = "goodwill", amount = new { amount = 100, currency = "USD" }, reason = "x" });

        Assert.That((noSubject.StatusCode, wrongAct.StatusCode, noAmount.StatusCode), Is.EqualTo((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest)));
        Assert.That(noSubject.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await wrongAct.Content.ReadAsStringAsync(), Does.Contain("priceAdjustment"));
        Assert.That(byTechnician.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await App.QueryAsync(db => db.Decisions.CountAsync(d => d.SubjectId == order)), Is.Zero);
    }
}
