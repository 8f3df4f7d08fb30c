using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dealership.IntegrationTests;

/// <summary>
/// A site's payment terms, "yes, if": what it takes, cash up to a limit, and when a check counts, applied by the
/// payment steps and said in plain words to staff and on the customer's page.
/// </summary>
public sealed class PaymentTermsTests : FreshAppTests
{
    [Test]
    public async Task AManagerSetsTheTerms_ThePaymentStepsApplyThem_AndSayWhatIsTakenInstead()
    {
        var site = await App.SiteIdAsync("PDX");
        using var manager = await App.ManagerAsync();
        using var sales = await App.SalesAsync();
        var who = await Arrange.CustomerWithCarAsync(App);
        var order = await Arrange.OrderAsync(App, who, new Dictionary<string, int> { ["arrivedAtDealership"] = 20 });

        var bySales = await sales.PutAsJsonAsync($"/api/sites/{site}/payment-terms", new { accepted = new[] { "card" }, cashLimit = 0, checkClearanceDays = 3 });
        var noWayToPay = await manager.PutAsJsonAsync($"/api/sites/{site}/payment-terms", new { accepted = new[] { "cash" }, cashLimit = 100_000, checkClearanceDays = 3 });
        var set = await manager.PutAsJsonAsync($"/api/sites/{site}/payment-terms",
            new { accepted = new[] { "card", "cash", "companyCheck", "bankTransfer", "lenderFunding" }, cashLimit = 300_000, checkClearanceDays = 3 });

        Assert.That(bySales.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await noWayToPay.ReadJsonAsync()).GetProperty("code").GetString(), Is.EqualTo("payment-terms-invalid"));
        Assert.That(set.StatusCode, Is.EqualTo(HttpStatusCode.OK), await set.Content.ReadAsStringAsync());
        var shown = (await (await manager.GetAsync("/api/sites")).ReadJsonAsync()).EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == site).GetProperty("paymentTerms");
        Assert.That(shown.GetProperty("cashLimit").GetInt64(), Is.EqualTo(300_000));

        var personalCheck = await sales.PostAsJsonAsync($"/api/orders/{order}/payments", new { method = "check", amount = new { amount = 50_000, currency = "USD" }, reference = "CHK 1" });
        var cash = await sales.PostAsJsonAsync($"/api/orders/{order}/payments", new { method = "cash", amount = new { amount = 200_000, currency = "USD" } });
        var moreCash = await sales.PostAsJsonAsync($"/api/orders/{order}/payments", new { method = "cash", amount = new { amount = 150_000, currency = "USD" } });
        var companyCheck = await sales.PostAsJsonAsync($"/api/orders/{order}/payments", new { method = "companyCheck", amount = new { amount = 500_000, currency = "USD" }, reference = "CHK 77" });

        var refusedCheck = await personalCheck.ReadJsonAsync();
        Assert.That(refusedCheck.GetProperty("code").GetString(), Is.EqualTo("payment-method-not-accepted"));
        Assert.That(refusedCheck.GetProperty("detail").GetString(), Does.Contain("does not take personal checks; it takes cash, card, company check, bank transfer, financing."), "never a flat no");
        Assert.That(cash.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var refusedCash = await moreCash.ReadJsonAsync();
        Assert.That(refusedCash.GetProperty("code").GetString(), Is.EqualTo("cash-over-limit"));
        Assert.That(refusedCash.GetProperty("detail").GetString(), Does.Contain("up to $3,000.00 per deal ($1,000.00 left)").And.Contain("card or bank transfer"));
        var payments = (await companyCheck.ReadJsonAsync()).GetProperty("payments").EnumerateArray().ToList();
        Assert.That(payments, Has.Count.EqualTo(2), "the refused payments left nothing behind");
        // Received Sunday Nov 22: three business days on is Wednesday Nov 25.
        Assert.That(payments.Last().GetProperty("condition").GetString(), Does.Contain("or when it clears (about 3 business days: by Wed, Nov 25, 2026)"));

        using var scope = App.Services.CreateScope();
        var page = await scope.ServiceProvider.GetRequiredService<Mediator.IMediator>().Send(new Application.Tracking.GetTrackingPage.Query(await App.TrackingTokenAsync(who.CustomerId)));
        Assert.That(page.Orders.Single(o => o.OrderId == order).PendingPayments.Single().ClearsBy, Is.EqualTo(new DateOnly(2026, 11, 25)), "the customer sees the same day");
    }

    [Test]
    public async Task TheDemosSitesDiffer_BoiseTakesNoPersonalChecks()
    {
        var boise = await App.QueryAsync(db => db.Sites.SingleAsync(s => s.Code == "BOI"));
        var portland = await App.QueryAsync(db => db.Sites.SingleAsync(s => s.Code == "PDX"));

        Assert.That(boise.PaymentTerms.Takes(Domain.Orders.PaymentMethod.Check), Is.False);
        Assert.That(boise.PaymentTerms.Takes(Domain.Orders.PaymentMethod.CompanyCheck), Is.True);
        Assert.That(portland.PaymentTerms.Accepted, Has.Count.EqualTo(Enum.GetValues<Domain.Orders.PaymentMethod>().Length));
    }
}
