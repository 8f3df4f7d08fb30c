using System.Net;
using Bogus;
using System.Net.Http.Json;
using Dealership.Application.Notifications;
using Dealership.Application.Tracking;
using Dealership.Application.TradeIns;
using Dealership.Domain.Customers;
using Dealership.Domain.Decisions;
using Dealership.Domain.Promises;
using Dealership.Domain.TradeIns;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dealership.IntegrationTests;

/// <summary>
/// Story 000 end to end through the HTTP stack: a trade-in requested against an order, appraised with its working,
/// accepted, and swapped at delivery in one step with custody, credit and the payoff clock; the refusals that keep
/// the customer from handing anything over without being credited at that moment.
/// </summary>
public sealed class TradeInTests : FreshAppTests
{
    /// <summary>A 2019 Toyota Highlander VIN (maker 5TD, year code K) with its check digit computed.</summary>
    internal static string HighlanderVin(int serial)
    {
        var raw = $"5TDJZRFH0KS{serial:000000}";
        return raw[..8] + Vin.ComputeCheckDigit(raw) + raw[9..];
    }

    private static object Request(Guid customer, Guid? order, string vin, int year = 2019, int mileage = 47_800, string title = "withLender", object? loan = null) => new
    {
        customerId = customer,
        orderId = order,
        vin,
        year,
        make = "Toyota",
        model = "Highlander",
        trim = "XLE",
        mileage,
        condition = new { warningLights = false, smokeOrLeaks = false, accidentHistory = false, repairsOver500 = false, keys = 2, title },
        loan = title == "withLender" ? loan ?? new { lender = "Summit Credit Union", accountReference = "SCU-1", payoff = new { amount = 2_400_000, currency = "USD" }, perDiem = new { amount = 238, currency = "USD" }, goodUntil = "2026-12-31" } : null,
    };

    private static object Appraisal(long market = 2_250_000, long margin = 150_000, long? final = null, string? reason = null) => new
    {
        marketValue = new { amount = market, currency = "USD" },
        marketSource = "Regional auction results",
        reconditioning = new[] { new { description = "Rear brakes", cost = new { amount = 41_000, currency = "USD" } }, new { description = "Detail", cost = new { amount = 18_000, currency = "USD" } } },
        targetMargin = new { amount = margin, currency = "USD" },
        finalOffer = final is null ? null : new { amount = final.Value, currency = "USD" },
        overrideReason = reason,
    };

    private async Task<(Guid Order, Guid TradeIn, Arrange.CustomerWithCar Who)> AcceptedTradeInAsync(bool readyForCollection = true, string title = "withLender")
    {
        var who = await Arrange.CustomerWithCarAsync(App);
        var order = readyForCollection
            ? await Arrange.OrderAsync(App, who, new Dictionary<string, int> { ["preparedForDelivery"] = 2 }, "factoryConfirmed", "built", "inTransit", "arrivedAtDealership", "preparedForDelivery")
            : await Arrange.OrderAsync(App, who, new Dictionary<string, int> { ["factoryConfirmed"] = 10 });
        using var sales = await App.SalesAsync();
        using var usedCars = await App.UsedCarsAsync();
        var requested = await sales.PostAsJsonAsync("/api/trade-ins", Request(who.CustomerId, order, HighlanderVin(Faker.Random.Int(1, 999_999)), title: title));
        Assert.That(requested.StatusCode, Is.EqualTo(HttpStatusCode.Created), await requested.Content.ReadAsStringAsync());
        var id = (await requested.ReadJsonAsync()).GetProperty("id").GetGuid();
        Assert.That((await usedCars.PostAsJsonAsync($"/api/trade-ins/{id}/appraisal", Appraisal())).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var accepted = await sales.PostAsJsonAsync($"/api/trade-ins/{id}/acceptance", new { accepted = true, toldUsBy = "phone" });
        Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.OK), await accepted.Content.ReadAsStringAsync());
        return (order, id, who);
    }

    private static readonly Faker Faker = new();

    /// <summary>A trade-in of the customer's (no order yet), appraised: its offer waits for their answer.</summary>
    internal static async Task<Guid> OfferedAsync(DealershipApp app, Arrange.CustomerWithCar who)
    {
        using var sales = await app.SalesAsync();
        using var usedCars = await app.UsedCarsAsync();
        var requested = await sales.PostAsJsonAsync("/api/trade-ins", Request(who.CustomerId, null, HighlanderVin(Faker.Random.Int(1, 999_999)), title: "inHand"));
        Assert.That(requested.StatusCode, Is.EqualTo(HttpStatusCode.Created), await requested.Content.ReadAsStringAsync());
        var id = (await requested.ReadJsonAsync()).GetProperty("id").GetGuid();
        var appraised = await usedCars.PostAsJsonAsync($"/api/trade-ins/{id}/appraisal", Appraisal());
        Assert.That(appraised.StatusCode, Is.EqualTo(HttpStatusCode.OK), await appraised.Content.ReadAsStringAsync());
        return id;
    }

    private static async Task BookCollectionAsync(HttpClient sales, Guid order)
    {
        foreach (var item in new[] { "preDeliveryInspection", "fundsArranged", "insuranceProof", "registrationPaperwork" })
        {
            Assert.That((await sales.PutAsJsonAsync($"/api/orders/{order}/checklist/{item}", new { done = true })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var slot = (await (await sales.GetAsync($"/api/orders/{order}/collection-slots")).ReadJsonAsync()).EnumerateArray().First().GetProperty("startsAt").GetDateTime();
        Assert.That((await sales.PostAsJsonAsync($"/api/orders/{order}/collection", new { startsAt = slot, toldUsBy = "phone" })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private static async Task<long> PayBalanceAsync(HttpClient sales, Guid order)
    {
        var due = (await (await sales.GetAsync($"/api/orders/{order}/balance")).ReadJsonAsync()).GetProperty("due").GetProperty("amount").GetInt64();
        Assert.That((await sales.PostAsJsonAsync($"/api/orders/{order}/payments", new { method = "lenderFunding", amount = new { amount = due, currency = "USD" }, reference = "LOAN-1", status = "pending" })).StatusCode,
            Is.EqualTo(HttpStatusCode.Created));
        return due;
    }

    [Test]
    public async Task Appraisal_ComputesTheSuggestion_RecordsAnOverrideAsADecision_AndTellsTheCustomerWithTheWorking()
    {
        var who = await Arrange.CustomerWithCarAsync(App);
        var order = await Arrange.OrderAsync(App, who, new Dictionary<string, int> { ["factoryConfirmed"] = 10 });
        using var sales = await App.SalesAsync();
        using var usedCars = await App.UsedCarsAsync();
        // Declared as a 2021 though the VIN's 10th character says 2019: shown, not hidden.
        var requested = await sales.PostAsJsonAsync("/api/trade-ins", Request(who.CustomerId, order, HighlanderVin(4242), year: 2021));
        var created = await requested.ReadJsonAsync();
        var id = created.GetProperty("id").GetGuid();
        var warnings = created.GetProperty("vinWarnings").EnumerateArray().Select(w => w.GetString()).ToList();
        Assert.That(warnings, Has.Some.Contains("model year 2019"));

        var salesAppraising = await sales.PostAsJsonAsync($"/api/trade-ins/{id}/appraisal", Appraisal());
        var noReason = await usedCars.PostAsJsonAsync($"/api/trade-ins/{id}/appraisal", Appraisal(final: 2_000_000));
        var appraised = await usedCars.PostAsJsonAsync($"/api/trade-ins/{id}/appraisal", Appraisal(final: 2_000_000, reason: "Matching a competitor's written offer"));

        Assert.That(salesAppraising.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "salespeople request; used-car managers appraise");
        Assert.That(noReason.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await noReason.ReadJsonAsync()).GetProperty("code").GetString(), Is.EqualTo("override-reason-required"));
        Assert.That(appraised.StatusCode, Is.EqualTo(HttpStatusCode.OK), await appraised.Content.ReadAsStringAsync());
        var offer = (await appraised.ReadJsonAsync()).GetProperty("offer");
        Assert.That(offer.GetProperty("suggested").GetProperty("amount").GetInt64(), Is.EqualTo(2_250_000 - 41_000 - 18_000 - 150_000));
        Assert.That(offer.GetProperty("final").GetProperty("amount").GetInt64(), Is.EqualTo(2_000_000));
        Assert.That(offer.GetProperty("working").GetString(), Does.Contain("Market value $22,500.00").And.Contain("= $20,410.00").And.Contain("competitor"));
        Assert.That(offer.GetProperty("validUntil").GetString(), Is.EqualTo(DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime).AddDays(7).ToString("yyyy-MM-dd")));
        var decision = await App.QueryAsync(db => db.Decisions.SingleAsync(d => d.SubjectId == id));
        Assert.That(decision.Action, Is.EqualTo(DecisionAction.OfferOverride));
        Assert.That(decision.Amount, Is.EqualTo(41_000));
        var message = await App.QueryAsync(db => db.Notifications.Where(n => n.CustomerId == who.CustomerId && n.TemplateKey == MessageTemplates.TradeInOffer).ToListAsync());
        Assert.That(message, Has.Count.EqualTo(1), "one offer message on the customer's channel");
        Assert.That(Messages.Read(message[0]), Does.Contain("$20,000.00").And.Contain("accept or decline"));
        var queue = await (await usedCars.GetAsync("/api/trade-ins?status=awaitingAppraisal")).ReadJsonAsync();
        Assert.That(queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()), Does.Not.Contain(id), "an appraised car leaves the queue");
    }

    [Test]
    public async Task Balance_ShowsAllowancePayoffNegativeEquityAndPendingMoney_ToTheCent()
    {
        var (order, _, _) = await AcceptedTradeInAsync(readyForCollection: false);
        await App.QueryAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE Sites SET SalesTaxBasisPoints = 725, TradeInReducesTax = 1 WHERE Code = 'PDX'"));
        using var sales = await App.SalesAsync();
        await sales.PostAsJsonAsync($"/api/orders/{order}/payments", new { method = "companyCheck", amount = new { amount = 100_000, currency = "USD" }, reference = "CHK-77" });

        var balance = await (await sales.GetAsync($"/api/orders/{order}/balance")).ReadJsonAsync();

        // Price 36,500.00; fees 895.00; allowance 20,410.00; taxable 16,090.00 × 7.25% = 1,166.525 → 1,166.53; payoff 24,000.00.
        Assert.That(balance.GetProperty("allowance").GetProperty("amount").GetInt64(), Is.EqualTo(2_041_000));
        Assert.That(balance.GetProperty("taxable").GetProperty("amount").GetInt64(), Is.EqualTo(1_609_000));
        Assert.That(balance.GetProperty("tax").GetProperty("amount").GetInt64(), Is.EqualTo(116_653));
        Assert.That(balance.GetProperty("payoff").GetProperty("amount").GetInt64(), Is.EqualTo(2_400_000));
        Assert.That(balance.GetProperty("negativeEquity").GetProperty("amount").GetInt64(), Is.EqualTo(359_000));
        Assert.That(balance.GetProperty("pending").GetProperty("amount").GetInt64(), Is.EqualTo(100_000), "an uncleared company check is pending");
        Assert.That(balance.GetProperty("due").GetProperty("amount").GetInt64(), Is.EqualTo(3_650_000 + 89_500 + 116_653 + 2_400_000 - 2_041_000));
    }

    [Test]
    public async Task AnOrder_TakesItsFeesItemised_AndTheBalanceListsThem_WithAccessoriesTaxed()
    {
        var who = await Arrange.CustomerWithCarAsync(App);
        await App.QueryAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE Sites SET SalesTaxBasisPoints = 600 WHERE Code = 'PDX'"));
        using var sales = await App.SalesAsync();
        var money = (long amount) => new { amount, currency = "USD" };

        var disagreeing = await sales.PostAsJsonAsync("/api/orders", new
        {
            customerId = who.CustomerId, vehicle = new { year = 2027, make = "Honda", model = "Pilot" }, price = money(4_500_000), fees = money(1),
            feeItems = new[] { new { kind = "documentation", amount = money(8_500) } },
        });
        var placed = await sales.PostAsJsonAsync("/api/orders", new
        {
            customerId = who.CustomerId, vehicle = new { year = 2027, make = "Honda", model = "Pilot" }, price = money(4_500_000),
            feeItems = new[] { new { kind = "documentation", amount = money(8_500) }, new { kind = "registrationAndTitle", amount = money(40_000) }, new { kind = "accessories", amount = money(150_000) } },
        });

        Assert.That(disagreeing.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(placed.StatusCode, Is.EqualTo(HttpStatusCode.Created), await placed.Content.ReadAsStringAsync());
        var order = await placed.ReadJsonAsync();
        Assert.That(order.GetProperty("fees").GetProperty("amount").GetInt64(), Is.EqualTo(198_500));
        var balance = order.GetProperty("balance");
        Assert.That(balance.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("label").GetString()), Is.SupersetOf(new[] { "Documentation fee", "Registration and title", "Accessories" }));
        Assert.That(balance.GetProperty("tax").GetProperty("amount").GetInt64(), Is.EqualTo(279_000), "6% of the price and accessories (46,500.00)");
        Assert.That(balance.GetProperty("due").GetProperty("amount").GetInt64(), Is.EqualTo(4_500_000 + 198_500 + 279_000));
    }

    [Test]
    public async Task TheSwap_CreditsTakesCustodyAndStartsThePayoffClock_InOneStep()
    {
        var (order, tradeIn, who) = await AcceptedTradeInAsync();
        using var sales = await App.SalesAsync();
        await BookCollectionAsync(sales, order);
        await PayBalanceAsync(sales, order);

        var withoutTradeIn = await sales.PostAsJsonAsync($"/api/orders/{order}/delivery", new { newCarKeys = 2 });
        var overMiles = await sales.PostAsJsonAsync($"/api/orders/{order}/delivery", new { newCarKeys = 2, tradeIn = new { mileage = 48_900, conditionConfirmed = true, keysReceived = 2, titleReceived = false } });
        var unchanged = await App.QueryAsync(async db => (await db.Orders.SingleAsync(o => o.Id == order)).Status.ToString() + (await db.TradeIns.SingleAsync(t => t.Id == tradeIn)).Status +
            await db.Custody.CountAsync(c => c.SubjectId == tradeIn));
        var delivered = await sales.PostAsJsonAsync($"/api/orders/{order}/delivery", new { newCarKeys = 2, tradeIn = new { mileage = 48_050, conditionConfirmed = true, keysReceived = 2, titleReceived = false } });

        Assert.That(withoutTradeIn.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await withoutTradeIn.ReadJsonAsync()).GetProperty("code").GetString(), Is.EqualTo("trade-in-handover-required"));
        Assert.That(overMiles.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        var problem = await overMiles.ReadJsonAsync();
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("trade-in-mileage-over-tolerance"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("48,900").And.Contain("Re-appraise"));
        Assert.That(unchanged, Is.EqualTo("CollectionScheduledAccepted0"), "a refused swap changes nothing: order, trade-in and custody as before");
        Assert.That(delivered.StatusCode, Is.EqualTo(HttpStatusCode.OK), await delivered.Content.ReadAsStringAsync());

        var stored = await App.QueryAsync(db => db.TradeIns.SingleAsync(t => t.Id == tradeIn));
        Assert.That(stored.Status, Is.EqualTo(TradeInStatus.Received));
        Assert.That(stored.CreditedAt, Is.EqualTo(stored.ReceivedAt), "credited in the same instant it was taken");
        Assert.That(stored.PayoutLagDays, Is.Zero);
        var today = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime.AddHours(-8));
        Assert.That(stored.PayoffDueBy, Is.EqualTo(today.AddDays(21)));
        Assert.That(stored.LienholderNoticeDueBy, Is.EqualTo(today.AddDays(7)));
        var custody = await App.QueryAsync(db => db.Custody.Where(c => c.SubjectId == tradeIn).ToListAsync());
        Assert.That(custody.Select(c => c.Item.ToString()), Is.EquivalentTo(new[] { "Car", "KeySet" }), "the title is with the lender: no title taken");
        Assert.That(custody.Single(c => c.Item == Domain.Custody.CustodyItem.KeySet).Count, Is.EqualTo(2));
        var receipt = await App.QueryAsync(db => db.Notifications.Where(n => n.CustomerId == who.CustomerId && n.TemplateKey == MessageTemplates.TradeInReceived).ToListAsync());
        Assert.That(receipt, Has.Count.EqualTo(1));
        Assert.That(Messages.Read(receipt[0]), Does.Contain("2 keys").And.Contain("Summit Credit Union"));
        Assert.That(await App.QueryAsync(db => db.Promises.CountAsync(p => p.SubjectId == tradeIn && p.Milestone == "payoffSent" && p.State == PromiseState.Open)), Is.EqualTo(1));
        var balance = (await delivered.ReadJsonAsync()).GetProperty("balance");
        Assert.That(balance.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("label").GetString()), Has.Some.StartsWith("Trade-in allowance"));
    }

    [Test]
    public async Task CustodyBeforeCredit_IsRefused_WhicheverDoorIsTried()
    {
        var who = await Arrange.CustomerWithCarAsync(App);
        var order = await Arrange.OrderAsync(App, who, new Dictionary<string, int> { ["factoryConfirmed"] = 10 });
        using var sales = await App.SalesAsync();
        using var usedCars = await App.UsedCarsAsync();
        var id = (await (await sales.PostAsJsonAsync("/api/trade-ins", Request(who.CustomerId, order, HighlanderVin(7), title: "inHand"))).ReadJsonAsync()).GetProperty("id").GetGuid();
        await usedCars.PostAsJsonAsync($"/api/trade-ins/{id}/appraisal", Appraisal());
        await sales.PostAsJsonAsync($"/api/trade-ins/{id}/acceptance", new { accepted = true, toldUsBy = "inPerson" });

        var bought = await usedCars.PostAsJsonAsync($"/api/trade-ins/{id}/purchase", new { mileage = 47_900, conditionConfirmed = true, keysReceived = 2, titleReceived = true, payoutReference = "CHK-9" });

        Assert.That(bought.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await bought.ReadJsonAsync()).GetProperty("code").GetString(), Is.EqualTo("trade-in-early-custody"));
        Assert.That(await App.QueryAsync(db => db.Custody.CountAsync(c => c.SubjectId == id)), Is.Zero);
        Assert.That(await App.QueryAsync(db => db.TradeIns.Where(t => t.Id == id).Select(t => t.Status).SingleAsync()), Is.EqualTo(TradeInStatus.Accepted));
    }

    [Test]
    public async Task AStandAlonePurchase_PaysAndTakesInOneStep_AndTheCarIsNotResoldBeforeItsPayoffIsConfirmed()
    {
        var who = await Arrange.CustomerWithCarAsync(App);
        using var usedCars = await App.UsedCarsAsync();
        using var manager = await App.ManagerAsync();
        var loan = new { lender = "Summit Credit Union", accountReference = "SCU-2", payoff = new { amount = 1_000_000, currency = "USD" }, perDiem = new { amount = 238, currency = "USD" }, goodUntil = "2026-12-31" };
        var id = (await (await usedCars.PostAsJsonAsync("/api/trade-ins", Request(who.CustomerId, null, HighlanderVin(8), loan: loan))).ReadJsonAsync()).GetProperty("id").GetGuid();
        await usedCars.PostAsJsonAsync($"/api/trade-ins/{id}/appraisal", Appraisal());
        await usedCars.PostAsJsonAsync($"/api/trade-ins/{id}/acceptance", new { accepted = true, toldUsBy = "inPerson" });

        var noPayout = await usedCars.PostAsJsonAsync($"/api/trade-ins/{id}/purchase", new { mileage = 47_900, conditionConfirmed = true, keysReceived = 2, titleReceived = false, payoutReference = "" });
        var bought = await usedCars.PostAsJsonAsync($"/api/trade-ins/{id}/purchase", new { mileage = 47_900, conditionConfirmed = true, keysReceived = 2, titleReceived = false, payoutReference = "CHK-100" });
        var soldEarly = await usedCars.PostAsJsonAsync($"/api/trade-ins/{id}/sale", new { channel = "wholesale" });
        var register = await (await manager.GetAsync("/api/custody?open=true")).ReadJsonAsync();
        App.Clock.Advance(TimeSpan.FromDays(3));
        using var usedCarsLater = await App.UsedCarsAsync();
        var sent = await usedCarsLater.PostAsJsonAsync($"/api/trade-ins/{id}/payoff", new { amount = new { amount = 1_000_714, currency = "USD" }, reference = "ACH-55" });
        var confirmed = await usedCarsLater.PostAsJsonAsync($"/api/trade-ins/{id}/payoff-confirmation", new { });
        var sold = await usedCarsLater.PostAsJsonAsync($"/api/trade-ins/{id}/sale", new { channel = "wholesale" });

        Assert.That(noPayout.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "no payout, no car");
        Assert.That(bought.StatusCode, Is.EqualTo(HttpStatusCode.OK), await bought.Content.ReadAsStringAsync());
        var purchase = await bought.ReadJsonAsync();
        Assert.That(purchase.GetProperty("payoutLagDays").GetInt32(), Is.Zero);
        Assert.That(purchase.GetProperty("payout").GetProperty("amount").GetInt64(), Is.EqualTo(2_041_000 - 1_000_000), "the customer gets the offer less the loan we pay off, never both");
        Assert.That(soldEarly.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await soldEarly.ReadJsonAsync()).GetProperty("code").GetString(), Is.EqualTo("payoff-not-confirmed"));
        Assert.That(register.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("subjectId").GetGuid() == id), Is.EqualTo(2));
        Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.OK), await sent.Content.ReadAsStringAsync());
        Assert.That((await sent.ReadJsonAsync()).GetProperty("payoff").GetProperty("dealerInterest").GetProperty("amount").GetInt64(), Is.EqualTo(714),
            "interest beyond the quote in the deal is the dealer's");
        Assert.That(confirmed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(sold.StatusCode, Is.EqualTo(HttpStatusCode.OK), await sold.Content.ReadAsStringAsync());
        Assert.That(await App.QueryAsync(db => db.Custody.CountAsync(c => c.SubjectId == id && c.ReleasedAt == null)), Is.Zero, "the car left the register with its sale");
        var told = await App.QueryAsync(db => db.Notifications.Where(n => n.CustomerId == who.CustomerId && n.TemplateKey == MessageTemplates.TradeInPayoffSent).ToListAsync());
        Assert.That(told, Has.Count.EqualTo(1));
        Assert.That(Messages.Read(told[0]), Does.Contain("ACH-55"));
    }

    [Test]
    public async Task AnExpiredOffer_CannotBeAccepted_AndTheCustomerAsksForANewLookFromTheirPage()
    {
        var who = await Arrange.CustomerWithCarAsync(App);
        var order = await Arrange.OrderAsync(App, who, new Dictionary<string, int> { ["factoryConfirmed"] = 10 });
        using var sales = await App.SalesAsync();
        using var usedCars = await App.UsedCarsAsync();
        var id = (await (await sales.PostAsJsonAsync("/api/trade-ins", Request(who.CustomerId, order, HighlanderVin(9), title: "inHand"))).ReadJsonAsync()).GetProperty("id").GetGuid();
        await usedCars.PostAsJsonAsync($"/api/trade-ins/{id}/appraisal", Appraisal());
        var token = await App.TrackingTokenAsync(who.CustomerId);
        App.Clock.Advance(TimeSpan.FromDays(9));
        using var salesLater = await App.SalesAsync();
        using var usedCarsLater = await App.UsedCarsAsync();

        var staffAccept = await salesLater.PostAsJsonAsync($"/api/trade-ins/{id}/acceptance", new { accepted = true, toldUsBy = "phone" });
        using var scope = App.Services.CreateScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var customerAccept = Assert.ThrowsAsync<Domain.Common.DomainRuleException>(() => mediator.Send(new AnswerMyTradeInOffer.Command(token, id, true)).AsTask());
        var page = await mediator.Send(new GetTrackingPage.Query(token));
        await mediator.Send(new AskForReappraisal.Command(token, id, "I put new tires on it"));
        var otherCustomer = await Arrange.CustomerWithCarAsync(App);
        var otherToken = await App.TrackingTokenAsync(otherCustomer.CustomerId);

        Assert.That(staffAccept.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await staffAccept.ReadJsonAsync()).GetProperty("code").GetString(), Is.EqualTo("offer-expired"));
        Assert.That(customerAccept!.Code, Is.EqualTo("offer-expired"));
        var mine = page.TradeIns.Single();
        Assert.That(mine.Expired && !mine.CanAnswer && mine.CanAskReappraisal, Is.True, "the page offers only what can be done");
        Assert.That(await App.QueryAsync(db => db.TradeIns.Where(t => t.Id == id).Select(t => t.Status).SingleAsync()), Is.EqualTo(TradeInStatus.ReappraisalRequested));
        var queue = await (await usedCarsLater.GetAsync("/api/trade-ins?status=awaitingAppraisal")).ReadJsonAsync();
        Assert.That(queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()), Does.Contain(id), "back in the queue");
        Assert.ThrowsAsync<Application.Common.NotFoundException>(() => mediator.Send(new AnswerMyTradeInOffer.Command(otherToken, id, true)).AsTask(),
            "another customer's link reaches nothing of this trade-in");
        Assert.That((await mediator.Send(new GetTrackingPage.Query(otherToken))).TradeIns, Is.Empty);
    }

    [Test]
    public async Task ConcurrentDeliveries_OneWins()
    {
        var (order, _, _) = await AcceptedTradeInAsync(title: "inHand");
        using var sales = await App.SalesAsync();
        using var manager = await App.ManagerAsync();
        await BookCollectionAsync(sales, order);
        await PayBalanceAsync(sales, order);
        var body = new { newCarKeys = 2, tradeIn = new { mileage = 47_900, conditionConfirmed = true, keysReceived = 2, titleReceived = true } };

        // No If-Match: both load the same version and race to save; the database lets one through.
        var results = await Task.WhenAll(Task.Run(() => Send(sales)), Task.Run(() => Send(manager)));

        Assert.That(results.Count(s => s == HttpStatusCode.OK), Is.EqualTo(1), string.Join(", ", results));
        Assert.That(results.Count(s => s == HttpStatusCode.Conflict), Is.EqualTo(1), string.Join(", ", results));
        Assert.That(await App.QueryAsync(db => db.Custody.CountAsync(c => c.SubjectType == "trade-in" && db.TradeIns.Any(t => t.Id == c.SubjectId && t.OrderId == order))), Is.EqualTo(3),
            "car, keys and title taken once");

        async Task<HttpStatusCode> Send(HttpClient client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/orders/{order}/delivery") { Content = JsonContent.Create(body) };
            return (await client.SendAsync(request)).StatusCode;
        }
    }

    [Test]
    public async Task ADeliveredDeal_IsCancelledInsideTheWindow_AndTheTradeInGoesBack_ButNotAfterIt()
    {
        await App.QueryAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE Sites SET CancellationWindowDays = 3 WHERE Code = 'PDX'"));
        var (order, tradeIn, _) = await AcceptedTradeInAsync(title: "inHand");
        using var sales = await App.SalesAsync();
        using var manager = await App.ManagerAsync();
        using var usedCars = await App.UsedCarsAsync();
        await BookCollectionAsync(sales, order);
        await PayBalanceAsync(sales, order);
        Assert.That((await sales.PostAsJsonAsync($"/api/orders/{order}/delivery", new { newCarKeys = 2, tradeIn = new { mileage = 47_900, conditionConfirmed = true, keysReceived = 2, titleReceived = true } })).StatusCode,
            Is.EqualTo(HttpStatusCode.OK));

        var resoldInWindow = await usedCars.PostAsJsonAsync($"/api/trade-ins/{tradeIn}/sale", new { channel = "retail" });
        var bySalesperson = await sales.PostAsJsonAsync($"/api/orders/{order}/rescission", new { reason = "Changed mind" });
        App.Clock.Advance(TimeSpan.FromDays(2));
        using var managerLater = await App.ManagerAsync();
        var rescinded = await managerLater.PostAsJsonAsync($"/api/orders/{order}/rescission", new { reason = "Customer used the 3-day right to cancel" });

        Assert.That(resoldInWindow.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await resoldInWindow.ReadJsonAsync()).GetProperty("code").GetString(), Is.EqualTo("cancellation-window-open"));
        Assert.That(bySalesperson.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(rescinded.StatusCode, Is.EqualTo(HttpStatusCode.OK), await rescinded.Content.ReadAsStringAsync());
        Assert.That(await App.QueryAsync(db => db.TradeIns.Where(t => t.Id == tradeIn).Select(t => t.Status).SingleAsync()), Is.EqualTo(TradeInStatus.Returned));
        var released = await App.QueryAsync(db => db.Custody.Where(c => c.SubjectId == tradeIn).ToListAsync());
        Assert.That(released.All(c => c.ReleasedAt is not null && c.ReleasedTo!.Contains("customer")), Is.True, "car, keys and title back to the customer");
        var receipts = await App.QueryAsync(db => db.Notifications.Where(n => n.TemplateKey == MessageTemplates.TradeInReturned || n.DeduplicationKey.StartsWith($"order/{order}/rescinded")).ToListAsync());
        Assert.That(receipts.Select(r => r.TemplateKey).Distinct(), Is.EquivalentTo(new[] { MessageTemplates.TradeInReturned, MessageTemplates.OrderCancelled }), "the customer is told, with a receipt");
        Assert.That(Messages.Read(receipts.First(r => r.TemplateKey == MessageTemplates.TradeInReturned)), Does.Contain("back with you"));

        // A second deal, past its window: refused.
        var (late, _, _) = await AcceptedTradeInAsync(title: "inHand");
        using var salesLater = await App.SalesAsync();
        await BookCollectionAsync(salesLater, late);
        await PayBalanceAsync(salesLater, late);
        Assert.That((await salesLater.PostAsJsonAsync($"/api/orders/{late}/delivery", new { newCarKeys = 1, tradeIn = new { mileage = 47_900, conditionConfirmed = true, keysReceived = 2, titleReceived = true } })).StatusCode,
            Is.EqualTo(HttpStatusCode.OK));
        App.Clock.Advance(TimeSpan.FromDays(4));
        using var managerMuchLater = await App.ManagerAsync();
        var tooLate = await managerMuchLater.PostAsJsonAsync($"/api/orders/{late}/rescission", new { reason = "Too late" });
        Assert.That(tooLate.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await tooLate.ReadJsonAsync()).GetProperty("code").GetString(), Is.EqualTo("cancellation-window-closed"));
    }

    [Test]
    public async Task ACancellationAfterThePayoffWent_RecordsWhatToSettle_AndPromisesTheCustomerACall()
    {
        await App.QueryAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE Sites SET CancellationWindowDays = 3 WHERE Code = 'PDX'"));
        var (order, tradeIn, who) = await AcceptedTradeInAsync();
        using var sales = await App.SalesAsync();
        using var usedCars = await App.UsedCarsAsync();
        using var manager = await App.ManagerAsync();
        await BookCollectionAsync(sales, order);
        await PayBalanceAsync(sales, order);
        Assert.That((await sales.PostAsJsonAsync($"/api/orders/{order}/delivery", new { newCarKeys = 2, tradeIn = new { mileage = 47_900, conditionConfirmed = true, keysReceived = 2, titleReceived = false } })).StatusCode,
            Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await usedCars.PostAsJsonAsync($"/api/trade-ins/{tradeIn}/payoff", new { amount = new { amount = 2_400_000, currency = "USD" }, reference = "ACH-9" })).StatusCode,
            Is.EqualTo(HttpStatusCode.OK));

        var rescinded = await manager.PostAsJsonAsync($"/api/orders/{order}/rescission", new { reason = "Three-day right to cancel" });

        Assert.That(rescinded.StatusCode, Is.EqualTo(HttpStatusCode.OK), await rescinded.Content.ReadAsStringAsync());
        var view = await (await usedCars.GetAsync($"/api/trade-ins/{tradeIn}")).ReadJsonAsync();
        Assert.That(view.GetProperty("payoff").GetProperty("toRecover").GetProperty("amount").GetInt64(), Is.EqualTo(2_400_000));
        var receipt = await App.QueryAsync(db => db.Notifications.SingleAsync(n => n.CustomerId == who.CustomerId && n.TemplateKey == MessageTemplates.TradeInReturned));
        Assert.That(Messages.Read(receipt), Does.Contain("$24,000.00").And.Contain("call"));
        Assert.That(await App.QueryAsync(db => db.Promises.CountAsync(p => p.SubjectId == tradeIn && p.Description.Contains("settle") && p.State == PromiseState.Open)), Is.EqualTo(1));
    }

    [Test]
    public async Task ThePayoffWatchdog_AlertsAManagerBeforeTheDeadlines_Once()
    {
        var (order, tradeIn, _) = await AcceptedTradeInAsync();
        using var sales = await App.SalesAsync();
        await BookCollectionAsync(sales, order);
        await PayBalanceAsync(sales, order);
        Assert.That((await sales.PostAsJsonAsync($"/api/orders/{order}/delivery", new { newCarKeys = 2, tradeIn = new { mileage = 47_900, conditionConfirmed = true, keysReceived = 2, titleReceived = false } })).StatusCode,
            Is.EqualTo(HttpStatusCode.OK));
        App.Clock.Advance(TimeSpan.FromDays(6));

        using (var scope = App.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<PayoffWatchdog>().RunAsync(CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<PayoffWatchdog>().RunAsync(CancellationToken.None);
        }

        var tasks = await App.QueryAsync(db => db.Tasks.Where(t => t.SubjectId == tradeIn).ToListAsync());
        Assert.That(tasks.Select(t => t.DeduplicationKey), Is.EquivalentTo(new[] { $"trade-in/{tradeIn}/lienholder-notice" }), "the notice is due within two days; the payoff not yet");
        var manager = await App.QueryAsync(db => db.Users.Where(u => u.Email == "manager@demo.local").Select(u => u.Id).SingleAsync());
        Assert.That(tasks.Single().OwnerStaffId, Is.EqualTo(manager));
    }

    [Test]
    public async Task ASalesperson_CannotPutATradeInOnAColleaguesOrder_NorAnswerForOne()
    {
        var (order, tradeIn, who) = await AcceptedTradeInAsync(readyForCollection: false);
        using var manager = await App.ManagerAsync();
        var portland = await App.SiteIdAsync("PDX");
        var created = await manager.PostAsJsonAsync("/api/staff", new
        {
            email = "sales2@demo.local", displayName = "Riley Ford", password = "Second-Seller!2026", roles = new[] { "Salesperson" }, siteIds = new[] { portland },
        });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        using var colleague = App.CreateClient();
        var signedIn = await (await colleague.PostAsJsonAsync("/api/auth/token", new { email = "sales2@demo.local", password = "Second-Seller!2026" })).ReadJsonAsync();
        colleague.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", signedIn.GetProperty("accessToken").GetString());

        var onTheirOrder = await colleague.PostAsJsonAsync("/api/trade-ins", Request(who.CustomerId, order, HighlanderVin(13), title: "inHand"));
        var answer = await colleague.PostAsJsonAsync($"/api/trade-ins/{tradeIn}/withdrawal", new { });
        using var sales = await App.SalesAsync();
        var noAnswer = await sales.PostAsJsonAsync($"/api/trade-ins/{tradeIn}/acceptance", new { toldUsBy = "phone" });

        Assert.That(onTheirOrder.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(answer.StatusCode, Is.AnyOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound), "a colleague's deal is not theirs to change");
        Assert.That(noAnswer.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "a missing answer never reads as declined");
        Assert.That(await App.QueryAsync(db => db.TradeIns.Where(t => t.Id == tradeIn).Select(t => t.Status).SingleAsync()), Is.EqualTo(TradeInStatus.Accepted));
    }

    [Test]
    public async Task TheSameCar_CannotBeTradedTwice_AndAServiceAdvisorSeesTheBalanceWithoutTheTradeInsDetail()
    {
        var (order, _, who) = await AcceptedTradeInAsync(readyForCollection: false);
        var vin = await App.QueryAsync(db => db.TradeIns.Where(t => t.OrderId == order).Select(t => t.Vehicle.Vin).SingleAsync());
        var other = await Arrange.CustomerWithCarAsync(App);
        using var usedCars = await App.UsedCarsAsync();
        using var advisor = await App.ServiceAsync();

        var again = await usedCars.PostAsJsonAsync("/api/trade-ins", Request(other.CustomerId, null, vin, title: "inHand"));
        var seen = await (await advisor.GetAsync($"/api/orders/{order}")).ReadJsonAsync();

        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await again.ReadJsonAsync()).GetProperty("code").GetString(), Is.EqualTo("trade-in-vin-in-use"));
        Assert.That(seen.GetProperty("tradeIn").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
        var text = seen.GetProperty("balance").ToString();
        Assert.That(text, Does.Not.Contain("Summit Credit Union").And.Not.Contain("Highlander"));
        Assert.That(text, Does.Contain("Payoff of the trade-in's loan"));
    }

    [Test]
    public async Task ChangingTheSitesWindowLater_NeverReachesBackToADeliveredDeal()
    {
        var (order, tradeIn, _) = await AcceptedTradeInAsync(title: "inHand");
        using var sales = await App.SalesAsync();
        await BookCollectionAsync(sales, order);
        await PayBalanceAsync(sales, order);
        await sales.PostAsJsonAsync($"/api/orders/{order}/delivery", new { newCarKeys = 2, tradeIn = new { mileage = 47_900, conditionConfirmed = true, keysReceived = 2, titleReceived = true } });
        await App.QueryAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE Sites SET CancellationWindowDays = 30 WHERE Code = 'PDX'"));
        using var manager = await App.ManagerAsync();
        using var usedCars = await App.UsedCarsAsync();

        var rescinded = await manager.PostAsJsonAsync($"/api/orders/{order}/rescission", new { reason = "Wants out" });
        var sold = await usedCars.PostAsJsonAsync($"/api/trade-ins/{tradeIn}/sale", new { channel = "retail" });

        Assert.That(rescinded.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await rescinded.ReadJsonAsync()).GetProperty("code").GetString(), Is.EqualTo("no-cancellation-window"));
        Assert.That(sold.StatusCode, Is.EqualTo(HttpStatusCode.OK), "no window was promised at delivery, so nothing holds the car");
    }

    [Test]
    public async Task WithdrawingATradeIn_StopsAnOfferStillWaitingToBeSent_AndTheCustomerCannotUndoAnAcceptedDeal()
    {
        var who = await Arrange.CustomerWithCarAsync(App);
        using var usedCars = await App.UsedCarsAsync();
        var id = (await (await usedCars.PostAsJsonAsync("/api/trade-ins", Request(who.CustomerId, null, HighlanderVin(14), title: "inHand"))).ReadJsonAsync()).GetProperty("id").GetGuid();
        await usedCars.PostAsJsonAsync($"/api/trade-ins/{id}/appraisal", Appraisal());
        var offer = await App.QueryAsync(db => db.Notifications.SingleAsync(n => n.TemplateKey == MessageTemplates.TradeInOffer && n.CustomerId == who.CustomerId));
        Assert.That(offer.IsFinal, Is.False, "queued, not yet sent");

        await usedCars.PostAsJsonAsync($"/api/trade-ins/{id}/withdrawal", new { });

        var after = await App.QueryAsync(db => db.Notifications.SingleAsync(n => n.Id == offer.Id));
        Assert.That(after.Status, Is.EqualTo(Domain.Notifications.NotificationStatus.Suppressed), "the customer is not offered money for a car no longer in the deal");

        var (_, accepted, owner) = await AcceptedTradeInAsync(readyForCollection: false);
        using var scope = App.Services.CreateScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var token = await App.TrackingTokenAsync(owner.CustomerId);
        var refused = Assert.ThrowsAsync<Domain.Common.DomainRuleException>(() => mediator.Send(new AskForReappraisal.Command(token, accepted, null)).AsTask());
        Assert.That(refused!.Code, Is.EqualTo("reappraisal-not-possible"));
    }

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4];

    private static MultipartFormDataContent Upload(byte[] content, string contentType = "image/png")
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, "photo", "car.png" } };
    }

    [Test]
    public async Task Photos_AreCheckedForWhatTheyAre_AndReachOnlyStaffWhoMayReadAndTheirOwnCustomer()
    {
        var who = await Arrange.CustomerWithCarAsync(App);
        using var sales = await App.SalesAsync();
        using var usedCars = await App.UsedCarsAsync();
        using var advisor = await App.ServiceAsync();
        var id = (await (await sales.PostAsJsonAsync("/api/trade-ins", Request(who.CustomerId, null, HighlanderVin(11), title: "inHand"))).ReadJsonAsync()).GetProperty("id").GetGuid();

        var disguised = await sales.PostAsync($"/api/trade-ins/{id}/photos", Upload("<script>alert(1)</script>"u8.ToArray()));
        var uploaded = await sales.PostAsync($"/api/trade-ins/{id}/photos", Upload(Png));
        for (var i = 1; i < 10; i++)
        {
            Assert.That((await sales.PostAsync($"/api/trade-ins/{id}/photos", Upload(Png))).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        var eleventh = await sales.PostAsync($"/api/trade-ins/{id}/photos", Upload(Png));
        var photoId = (await uploaded.ReadJsonAsync()).GetProperty("photoIds")[0].GetGuid();
        var asAppraiser = await usedCars.GetAsync($"/api/trade-ins/{id}/photos/{photoId}");
        var asAdvisor = await advisor.GetAsync($"/api/trade-ins/{id}/photos/{photoId}");
        using var scope = App.Services.CreateScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var mine = await mediator.Send(new GetMyTradeInPhoto.Query(await App.TrackingTokenAsync(who.CustomerId), id, photoId));
        var other = await Arrange.CustomerWithCarAsync(App);
        var otherToken = await App.TrackingTokenAsync(other.CustomerId);

        Assert.That(disguised.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "the bytes decide, not the declared type");
        Assert.That((await disguised.Content.ReadAsStringAsync()), Does.Contain("not a JPEG, PNG, WebP or HEIC"));
        Assert.That(uploaded.StatusCode, Is.EqualTo(HttpStatusCode.Created), await uploaded.Content.ReadAsStringAsync());
        Assert.That(eleventh.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await eleventh.ReadJsonAsync()).GetProperty("code").GetString(), Is.EqualTo("photos-full"));
        Assert.That(asAppraiser.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(asAppraiser.Content.Headers.ContentType!.MediaType, Is.EqualTo("image/png"));
        Assert.That(await asAppraiser.Content.ReadAsByteArrayAsync(), Is.EqualTo(Png));
        Assert.That(asAdvisor.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "service advisors do not read trade-ins");
        Assert.That(mine.Content, Is.EqualTo(Png));
        Assert.ThrowsAsync<Application.Common.NotFoundException>(() => mediator.Send(new GetMyTradeInPhoto.Query(otherToken, id, photoId)).AsTask(),
            "another customer's link never reaches this photo");
    }
}

/// <summary>
/// The swap is one transaction: when a part of it fails after the order and the trade-in have already changed in
/// memory (here a subscriber to the trade-in's intake throws, as a crashing receipt writer would), nothing is kept.
/// </summary>
public sealed class SwapAtomicityTests : FreshAppTests
{
    private sealed class FailingReceipt : Application.Common.IDomainEventSubscriber<TradeInTakenIn>
    {
        public Task HandleAsync(TradeInTakenIn domainEvent, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The receipt writer fell over halfway through the swap.");
    }

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddScoped<Application.Common.IDomainEventSubscriber<TradeInTakenIn>, FailingReceipt>();

    [Test]
    public async Task ADeliveryThatFailsHalfway_ChangesNothing()
    {
        var who = await Arrange.CustomerWithCarAsync(App);
        var order = await Arrange.OrderAsync(App, who, new Dictionary<string, int> { ["preparedForDelivery"] = 2 }, "factoryConfirmed", "built", "inTransit", "arrivedAtDealership", "preparedForDelivery");
        using var sales = await App.SalesAsync();
        using var usedCars = await App.UsedCarsAsync();
        var id = (await (await sales.PostAsJsonAsync("/api/trade-ins", new
        {
            customerId = who.CustomerId, orderId = order, vin = TradeInTests.HighlanderVin(12), year = 2019, make = "Toyota", model = "Highlander", mileage = 47_800,
            condition = new { warningLights = false, smokeOrLeaks = false, accidentHistory = false, repairsOver500 = false, keys = 2, title = "inHand" },
        })).ReadJsonAsync()).GetProperty("id").GetGuid();
        await usedCars.PostAsJsonAsync($"/api/trade-ins/{id}/appraisal", new { marketValue = new { amount = 2_000_000, currency = "USD" }, marketSource = "Auction", targetMargin = new { amount = 100_000, currency = "USD" } });
        await sales.PostAsJsonAsync($"/api/trade-ins/{id}/acceptance", new { accepted = true, toldUsBy = "phone" });
        foreach (var item in new[] { "preDeliveryInspection", "fundsArranged", "insuranceProof", "registrationPaperwork" })
        {
            await sales.PutAsJsonAsync($"/api/orders/{order}/checklist/{item}", new { done = true });
        }

        var slot = (await (await sales.GetAsync($"/api/orders/{order}/collection-slots")).ReadJsonAsync()).EnumerateArray().First().GetProperty("startsAt").GetDateTime();
        await sales.PostAsJsonAsync($"/api/orders/{order}/collection", new { startsAt = slot, toldUsBy = "phone" });
        var due = (await (await sales.GetAsync($"/api/orders/{order}/balance")).ReadJsonAsync()).GetProperty("due").GetProperty("amount").GetInt64();
        await sales.PostAsJsonAsync($"/api/orders/{order}/payments", new { method = "card", amount = new { amount = due, currency = "USD" }, reference = "AUTH-1" });
        var before = await App.QueryAsync(async db => (await db.Orders.AsNoTracking().SingleAsync(o => o.Id == order)).Version);

        var delivered = await sales.PostAsJsonAsync($"/api/orders/{order}/delivery", new { newCarKeys = 2, tradeIn = new { mileage = 47_900, conditionConfirmed = true, keysReceived = 2, titleReceived = true } });

        Assert.That((int)delivered.StatusCode, Is.EqualTo(500), "the failure is the server's, not the caller's");
        var storedOrder = await App.QueryAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == order));
        Assert.That((storedOrder.Status, storedOrder.Version, storedOrder.KeysHandedOverBy), Is.EqualTo((Domain.Orders.OrderMilestone.CollectionScheduled, before, (Guid?)null)));
        Assert.That(await App.QueryAsync(db => db.TradeIns.Where(t => t.Id == id).Select(t => new { t.Status, t.ReceivedAt }).SingleAsync()),
            Is.EqualTo(new { Status = TradeInStatus.Accepted, ReceivedAt = (DateTime?)null }));
        Assert.That(await App.QueryAsync(db => db.Custody.CountAsync(c => c.SubjectId == id)), Is.Zero);
        Assert.That(await App.QueryAsync(db => db.Notifications.CountAsync(n => n.DeduplicationKey.StartsWith($"order/{order}/delivered"))), Is.Zero, "no thank-you for a handover that did not happen");
    }
}
