using System.Net;
using System.Net.Http.Json;
using Dealership.Application.Orders;
using Microsoft.Extensions.DependencyInjection;

namespace Dealership.IntegrationTests;

/// <summary>The promise ledger: milestone promises kept, renegotiated and broken by themselves; people's promises by them; the kept rate.</summary>
public sealed class PromiseLedgerTests : FreshAppTests
{
    private static async Task<(Guid Order, Guid Customer)> PlaceAsync(HttpClient sales)
    {
        var customer = (await sales.CreateCustomerAsync(Requests.NewCustomer(lastName: "Promised"))).GetProperty("id").GetGuid();
        var response = await sales.PostAsJsonAsync("/api/orders", new
        {
            customerId = customer,
            vehicle = new { year = 2027, make = "Subaru", model = "Outback", trim = "Touring" },
            price = new { amount = 4_100_000, currency = "USD" },
            promisedDates = new Dictionary<string, string> { ["factoryConfirmed"] = "2026-11-25", ["arrivedAtDealership"] = "2027-01-20", ["preparedForDelivery"] = "2027-01-23" },
        });
        return ((await response.ReadJsonAsync()).GetProperty("id").GetGuid(), customer);
    }

    private static async Task<List<(string Description, string State)>> PromisesAsync(HttpClient client, string query = "owner=me")
    {
        var page = await (await client.GetAsync($"/api/promises?{query}&pageSize=200")).ReadJsonAsync();
        return page.GetProperty("items").EnumerateArray().Select(p => (p.GetProperty("description").GetString()!, p.GetProperty("state").GetString()!)).ToList();
    }

    [Test]
    public async Task MilestonePromises_AreKeptRenegotiatedAndBrokenByTheOrder_AndTheKeptRateCountsOnlyKeptAndBroken()
    {
        using var sales = await App.SalesAsync();
        // The demo's past (months of Sam's kept and broken promises) is counted too: this order's effect is the difference.
        static (int Kept, int Broken) Sams(System.Text.Json.JsonElement stats)
        {
            var sam = stats.GetProperty("people").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Sam Carter");
            return (sam.GetProperty("kept").GetInt32(), sam.GetProperty("broken").GetInt32());
        }

        var before = Sams(await (await sales.GetAsync("/api/promises/stats")).ReadJsonAsync());
        var (order, _) = await PlaceAsync(sales);
        Assert.That((await PromisesAsync(sales)).Count(p => p.Description.Contains("Outback", StringComparison.Ordinal) && p.State == "open"), Is.EqualTo(3));

        await sales.PostAsJsonAsync($"/api/orders/{order}/milestones", new { milestone = "factoryConfirmed" });
        await sales.PutAsJsonAsync($"/api/orders/{order}/promises/arrivedAtDealership", new { promisedDate = "2027-01-22", reason = "Later ship" });
        var outback = (await PromisesAsync(sales)).Where(p => p.Description.Contains("Outback", StringComparison.Ordinal)).ToList();
        Assert.That(outback.Count(p => p.State == "kept"), Is.EqualTo(1), "factory confirmation came before it was due");
        Assert.That(outback.Count(p => p.State == "renegotiated"), Is.EqualTo(2), "arrival moved before it fell due, and preparation moved with it, the customer told once");
        Assert.That(outback.Count(p => p.State == "open"), Is.EqualTo(2), "the new arrival date and the preparation date");

        // Past the preparation date with nothing done: the watchdog marks what fell due as broken.
        App.Clock.Advance(TimeSpan.FromDays(75));
        using (var scope = App.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<OrderWatchdog>().RunAsync(CancellationToken.None);
        }

        using var later = await App.SalesAsync();
        outback = (await PromisesAsync(later)).Where(p => p.Description.Contains("Outback", StringComparison.Ordinal)).ToList();
        Assert.That(outback.Count(p => p.State == "broken"), Is.EqualTo(2));
        var stats = await (await later.GetAsync("/api/promises/stats")).ReadJsonAsync();
        var sam = stats.GetProperty("people").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Sam Carter");
        var after = Sams(stats);
        Assert.That((after.Kept - before.Kept, after.Broken - before.Broken), Is.EqualTo((1, 2)), "kept the confirmation, broke arrival and preparation");
        Assert.That(sam.GetProperty("keptRate").GetDouble(), Is.EqualTo((double)after.Kept / (after.Kept + after.Broken)).Within(0.001), "renegotiated ones do not count");
        // The site counts everyone's: Sam's and Alex's (the ready-by promises of the workshop's cars).
        var alex = stats.GetProperty("people").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Alex Kim");
        Assert.That(stats.GetProperty("sites").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "Harbor Motors Portland").GetProperty("broken").GetInt32(),
            Is.EqualTo(after.Broken + alex.GetProperty("broken").GetInt32()));
    }

    [Test]
    public async Task PeoplesPromises_AreRecorded_KeptOrWithdrawnWithAReason_OnlyByTheirOwnerOrAManager()
    {
        using var sales = await App.SalesAsync();
        using var service = await App.ServiceAsync();
        var (_, customer) = await PlaceAsync(sales);
        var due = App.Clock.GetUtcNow().UtcDateTime.AddHours(3);

        var made = await sales.PostAsJsonAsync("/api/promises", new { customerId = customer, description = "Call back about the trade-in value by 5pm", dueAt = due });
        var past = await sales.PostAsJsonAsync("/api/promises", new { customerId = customer, description = "Yesterday", dueAt = due.AddDays(-2) });
        var id = (await made.ReadJsonAsync()).GetProperty("id").GetGuid();
        var notMine = await service.PostAsync($"/api/promises/{id}/kept", null);
        var noReason = await sales.PostAsJsonAsync($"/api/promises/{id}/withdrawn", new { reason = "" });
        var kept = await sales.PostAsync($"/api/promises/{id}/kept", null);
        var again = await sales.PostAsync($"/api/promises/{id}/kept", null);

        Assert.That(made.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(past.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(notMine.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(noReason.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await kept.ReadJsonAsync()).GetProperty("state").GetString(), Is.EqualTo("kept"));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await PromisesAsync(sales, "owner=me&due=week")).Select(p => p.Description), Does.Not.Contain("Call back about the trade-in value by 5pm"));
    }
}
