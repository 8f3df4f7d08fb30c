using System.Net;
using System.Net.Http.Json;
using Dealership.Application.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dealership.IntegrationTests;

/// <summary>
/// The watchdog with a controlled clock, against orders each test places for its own customer: a late one
/// (promised at the dealership in two days, then four days pass) and a silent one (confirmed, then eight days
/// pass without a word).
/// </summary>
public sealed class WatchdogTests : FreshAppTests
{
    private async Task<WatchdogReport> RunAsync()
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<OrderWatchdog>().RunAsync(CancellationToken.None);
    }

    private async Task DispatchAsync()
    {
        using var scope = App.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<Application.Notifications.NotificationDispatcher>().DispatchDueAsync(CancellationToken.None);
    }

    private Arrange.CustomerWithCar _customer = null!;

    /// <summary>Promised at the dealership in two days, in transit now; four days later it is two days late.</summary>
    private async Task<Guid> LateOrderAsync()
    {
        _customer = await Arrange.CustomerWithCarAsync(App);
        var id = await Arrange.OrderAsync(App, _customer, new Dictionary<string, int> { ["arrivedAtDealership"] = 2, ["preparedForDelivery"] = 30 },
            "factoryConfirmed", "built", "inTransit");
        App.Clock.Advance(TimeSpan.FromDays(4));
        return id;
    }

    /// <summary>Confirmed by the factory with nothing promised soon; eight days pass without a word to the customer.</summary>
    private async Task<Guid> SilentOrderAsync()
    {
        _customer = await Arrange.CustomerWithCarAsync(App);
        var id = await Arrange.OrderAsync(App, _customer, new Dictionary<string, int> { ["arrivedAtDealership"] = 90 }, "factoryConfirmed");
        App.Clock.Advance(TimeSpan.FromDays(8));
        return id;
    }

    [Test]
    public async Task ALateOrder_AlertsTheOwnerFirst_ThenTellsTheCustomerAfterTheGracePeriod_AndNothingTwice()
    {
        var late = await LateOrderAsync();

        var first = await RunAsync();
        var again = await RunAsync();

        var tasks = await App.QueryAsync(db => db.Tasks.Where(t => t.SubjectId == late).ToListAsync());
        Assert.That(tasks, Has.Count.EqualTo(1));
        Assert.That(tasks[0].Title, Does.StartWith("Late: Arrived at the dealership"));
        var salesId = await App.QueryAsync(db => db.Users.Where(u => u.Email == "sales@demo.local").Select(u => u.Id).SingleAsync());
        Assert.That(tasks[0].OwnerStaffId, Is.EqualTo(salesId));
        var site = await App.QueryAsync(db => db.Sites.AsNoTracking().SingleAsync(x => x.Id == tasks[0].SiteId));
        Assert.That(site.IsOpenAt(tasks[0].DueAt.AddMinutes(-1)), Is.True, "the answer-by time falls inside opening hours, not at night");
        Assert.That(first.OwnersAlerted, Is.GreaterThanOrEqualTo(2), "ours and the demo's");
        Assert.That(again.OwnersAlerted + again.CustomersUpdated, Is.Zero, "a second run does nothing twice");
        Assert.That(await App.QueryAsync(db => db.Notifications.AnyAsync(n => n.DeduplicationKey.StartsWith($"order/{late}/late"))), Is.False,
            "the owner gets the grace period before the customer is told");

        App.Clock.Advance(TimeSpan.FromHours(4));
        var afterGrace = await RunAsync();
        await RunAsync();

        var updates = await App.QueryAsync(db => db.Notifications.Where(n => n.DeduplicationKey.StartsWith($"order/{late}/late")).ToListAsync());
        Assert.That(afterGrace.CustomersUpdated, Is.GreaterThanOrEqualTo(1));
        Assert.That(updates.Select(n => n.TemplateKey).Distinct(), Is.EqualTo(new[] { "order.late" }));
        Assert.That(updates, Has.Count.EqualTo(1), "one message on the customer's one channel, once");
        Assert.That(Messages.Read(updates[0]), Does.Contain("arrival at the dealership").And.Contain("Sam will call you"));
        var customerId = await App.QueryAsync(db => db.Orders.Where(o => o.Id == late).Select(o => o.CustomerId).SingleAsync());
        var notes = await App.QueryAsync(db => db.Touchpoints.Where(t => t.CustomerId == customerId && t.Summary.StartsWith("Watchdog")).Select(t => t.Summary).ToListAsync());
        Assert.That(notes, Has.Some.StartsWith("Watchdog alerted the owner").And.Some.StartsWith("Watchdog updated the customer"));
        Assert.That(await App.QueryAsync(db => db.Promises.AnyAsync(p => p.SubjectId == late && p.Description.StartsWith($"Call {_customer.FirstName} about the late"))), Is.True, "the promised call is in the ledger");
    }

    [Test]
    public async Task ASilentOrder_GetsACheckInMessage_WhenTheOwnerDoesNothing()
    {
        var silent = await SilentOrderAsync();
        await RunAsync();
        Assert.That(await App.QueryAsync(db => db.Tasks.CountAsync(t => t.SubjectId == silent && t.Title.StartsWith("Silent"))), Is.EqualTo(1));

        App.Clock.Advance(TimeSpan.FromHours(5));
        await RunAsync();

        var checkIn = await App.QueryAsync(db => db.Notifications.SingleAsync(n => n.DeduplicationKey.StartsWith($"order/{silent}/silent")));
        Assert.That(checkIn.TemplateKey, Is.EqualTo("order.check-in"));
        Assert.That(Messages.Read(checkIn), Does.Contain("confirmed and scheduled for building"));
    }

    [Test]
    public async Task WhenTheOwnerTellsTheCustomerWithinTheGracePeriod_TheWatchdogStaysQuiet()
    {
        var late = await LateOrderAsync();
        var customerId = await App.QueryAsync(db => db.Orders.Where(o => o.Id == late).Select(o => o.CustomerId).SingleAsync());
        await RunAsync();

        using var sales = await App.SalesAsync();
        var told = await sales.PostAsJsonAsync($"/api/customers/{customerId}/messages", new { text = "Your RAV4 is held at the port by a storm; I'll call tomorrow with a new date." });
        Assert.That(told.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        using (var scope = App.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<Application.Notifications.NotificationDispatcher>().DispatchDueAsync(CancellationToken.None);
        }

        App.Clock.Advance(TimeSpan.FromHours(5));
        await RunAsync();

        Assert.That(await App.QueryAsync(db => db.Notifications.AnyAsync(n => n.DeduplicationKey.StartsWith($"order/{late}/late"))), Is.False);
    }

    [Test]
    public async Task MovingThePromiseWithAReason_ClearsTheLateIssue()
    {
        var late = await LateOrderAsync();
        using var sales = await App.SalesAsync();
        var order = await (await sales.GetAsync($"/api/orders/{late}")).ReadJsonAsync();
        var prepared = order.GetProperty("milestones").EnumerateArray().Single(m => m.GetProperty("milestone").GetString() == "preparedForDelivery").GetProperty("promisedDate").GetString();

        var moved = await sales.PutAsJsonAsync($"/api/orders/{late}/promises/arrivedAtDealership", new { promisedDate = prepared, reason = "Held at the port by a storm" });
        Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await moved.Content.ReadAsStringAsync());
        await RunAsync();

        Assert.That(await App.QueryAsync(db => db.Tasks.AnyAsync(t => t.SubjectId == late && t.Title.StartsWith("Late"))), Is.False);
    }

    [Test]
    public async Task ALateTask_ClosesItself_WhenTheMilestoneIsRecorded()
    {
        var late = await LateOrderAsync();
        await RunAsync();
        var task = await App.QueryAsync(db => db.Tasks.SingleAsync(t => t.SubjectId == late && t.Title.StartsWith("Late")));
        Assert.That(task.Status, Is.EqualTo(Domain.Tasks.StaffTaskStatus.Open));

        using var sales = await App.SalesAsync();
        var recorded = await sales.PostAsJsonAsync($"/api/orders/{late}/milestones", new { milestone = "arrivedAtDealership" });

        Assert.That(recorded.StatusCode, Is.EqualTo(HttpStatusCode.OK), await recorded.Content.ReadAsStringAsync());
        var closed = await App.QueryAsync(db => db.Tasks.SingleAsync(t => t.Id == task.Id));
        Assert.That(closed.Status, Is.EqualTo(Domain.Tasks.StaffTaskStatus.Done), "its cause is gone, so it closes in the same transaction");
        Assert.That(closed.DoneBy, Is.Null, "closed by the act, not by a person");
    }

    [Test]
    public async Task ASilentTask_ClosesItself_WhenAMessageReachesTheCustomer_ForEachOfTheirOrders_AndNoOneElses()
    {
        // Two orders of one customer and one of another's, all confirmed and then silent for eight days; and a third order
        // of the first customer promised at the dealership in two days, which is late by then (its task is not about silence).
        var customer = await Arrange.CustomerWithCarAsync(App);
        var first = await Arrange.OrderAsync(App, customer, new Dictionary<string, int> { ["arrivedAtDealership"] = 90 }, "factoryConfirmed");
        var second = await Arrange.OrderAsync(App, customer, new Dictionary<string, int> { ["arrivedAtDealership"] = 90 }, "factoryConfirmed");
        var late = await Arrange.OrderAsync(App, customer, new Dictionary<string, int> { ["arrivedAtDealership"] = 2, ["preparedForDelivery"] = 30 },
            "factoryConfirmed", "built", "inTransit");
        var someoneElses = await Arrange.OrderAsync(App, await Arrange.CustomerWithCarAsync(App), new Dictionary<string, int> { ["arrivedAtDealership"] = 90 }, "factoryConfirmed");
        await DispatchAsync(); // the orders' own messages reach them now, then nothing for eight days
        App.Clock.Advance(TimeSpan.FromDays(8));
        await RunAsync();
        var tasks = await App.QueryAsync(db => db.Tasks.Where(t => t.Title.StartsWith("Silent") && (t.SubjectId == first || t.SubjectId == second || t.SubjectId == someoneElses))
            .ToDictionaryAsync(t => t.SubjectId!.Value, t => t.Id));
        Assert.That(tasks.Keys, Is.EquivalentTo(new[] { first, second, someoneElses }), "each silent order raised its task");

        using var sales = await App.SalesAsync();
        await sales.PostAsJsonAsync($"/api/customers/{customer.CustomerId}/messages", new { text = "Quick update: your cars are confirmed and on schedule." });
        Assert.That((await App.QueryAsync(db => db.Tasks.SingleAsync(t => t.Id == tasks[first]))).Status, Is.EqualTo(Domain.Tasks.StaffTaskStatus.Open), "queued is not yet heard");
        await DispatchAsync();

        var lateTask = await App.QueryAsync(db => db.Tasks.SingleAsync(t => t.SubjectId == late && t.Title.StartsWith("Late")));
        Assert.That(lateTask.Status, Is.EqualTo(Domain.Tasks.StaffTaskStatus.Open), "a message does not make a late car arrive");
        var status = await App.QueryAsync(db => db.Tasks.Where(t => tasks.Values.Contains(t.Id)).ToDictionaryAsync(t => t.SubjectId!.Value, t => t.Status));
        Assert.That(status[first], Is.EqualTo(Domain.Tasks.StaffTaskStatus.Done));
        Assert.That(status[second], Is.EqualTo(Domain.Tasks.StaffTaskStatus.Done), "one message to the customer ends the silence on both their orders");
        Assert.That(status[someoneElses], Is.EqualTo(Domain.Tasks.StaffTaskStatus.Open), "another customer still has heard nothing");
    }

    [Test]
    public async Task AWatchdogRunThatRaisedTasks_RefreshesTheQueryStatistics_SoMessagesSentNextDoNotScanTheTaskTable()
    {
        var silent = await SilentOrderAsync();
        // The task table measured small, then grown thirtyfold by a day's work, as a busy site's first run grows it.
        await App.QueryAsync(db => db.Database.ExecuteSqlRawAsync("ANALYZE Tasks"));
        var site = await App.QueryAsync(db => db.Sites.Select(x => x.Id).FirstAsync());
        var now = App.Clock.GetUtcNow().UtcDateTime;
        var rows = await App.QueryAsync(db => db.Tasks.CountAsync());
        await App.QueryAsync(async db =>
        {
            for (var i = 0; i < (rows * 30) + 50; i++)
            {
                db.Tasks.Add(new Domain.Tasks.StaffTask(site, null, $"Earlier work {i}", "Grows the table.", now.AddDays(1), null, null, [], now, $"statistics-test/{Guid.NewGuid()}"));
            }

            return await db.SaveChangesAsync();
        });
        async Task<long> MeasuredAsync() => await App.QueryAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT stat FROM sqlite_stat1 WHERE tbl = 'Tasks' AND idx = 'IX_Tasks_DeduplicationKey'";
            return long.Parse(((string?)await command.ExecuteScalarAsync() ?? "0").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        });
        var before = await MeasuredAsync();

        var report = await RunAsync();

        Assert.That(report.OwnersAlerted, Is.GreaterThanOrEqualTo(1), "the silent order raised a task");
        Assert.That(await App.QueryAsync(db => db.Tasks.AnyAsync(t => t.SubjectId == silent)), Is.True);
        Assert.That(await MeasuredAsync(), Is.GreaterThan(before * 10), "re-measured at the end of the run, not at the next quarter hour");
    }
}
