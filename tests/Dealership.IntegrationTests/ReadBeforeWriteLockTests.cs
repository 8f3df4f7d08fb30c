using System.Net;
using System.Net.Http.Json;
using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Journey;
using Dealership.Domain.Orders;
using Dealership.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dealership.IntegrationTests;

/// <summary>
/// A command marked <see cref="ReadsBeforeWriteLockAttribute"/> (recording a milestone) reads before it queues for
/// SQLite's one write lock. When another writer changes what it read in that window, its save is refused by the
/// order's version, everything it did is dropped, and it runs again in turn: the caller gets the answer it would
/// have had by waiting, both changes stand, and the customer hears each once.
/// </summary>
public sealed class ReadBeforeWriteLockTests : FreshAppTests
{
    private readonly InterleavedWriter _writer = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton(_writer);
        // Registered after the application's own subscribers, so it runs after TaskResolution has looked for late tasks.
        services.AddScoped<IDomainEventSubscriber<MilestoneReached>>(sp => new InterleavingSubscriber(sp.GetRequiredService<InterleavedWriter>(),
            sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<DealershipDbContext>()));
    }

    [Test]
    public async Task AMilestone_WhoseOrderIsChangedBetweenItsReadAndItsSave_RunsAgainInTurn_AndBothChangesStand()
    {
        var who = await Arrange.CustomerWithCarAsync(App);
        var order = await Arrange.OrderAsync(App, who, new Dictionary<string, int> { ["arrivedAtDealership"] = 30 });
        var versionBefore = await App.QueryAsync(db => db.Orders.Where(o => o.Id == order).Select(o => o.Version).SingleAsync());
        var newArrival = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime).AddDays(40);
        _writer.Arm(order, newArrival);
        using var sales = await App.SalesAsync();

        var response = await sales.PostAsJsonAsync($"/api/orders/{order}/milestones", new { milestone = "factoryConfirmed" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(_writer.Interleaved, Is.EqualTo(1), "the other writer changed the order once, between the milestone's read and its save");
        Assert.That(_writer.RunsInATransaction, Is.EqualTo(new[] { false, true }), "the milestone ran twice: first before the lock, outside any transaction, then again in turn");
        var stored = await App.QueryAsync(db => db.Orders.AsNoTracking().Include(o => o.Milestones).SingleAsync(o => o.Id == order));
        Assert.That(stored.Status, Is.EqualTo(OrderMilestone.FactoryConfirmed));
        Assert.That(stored.MilestoneOf(OrderMilestone.ArrivedAtDealership).PromisedDate, Is.EqualTo(newArrival), "the other writer's change was not overwritten");
        Assert.That(stored.Version, Is.EqualTo(versionBefore + 2), "two changes, each saved once");
        var answer = await response.ReadJsonAsync();
        Assert.That(answer.GetProperty("version").GetInt64(), Is.EqualTo(stored.Version), "the answer is the order as it now stands");
        Assert.That(answer.GetProperty("milestones").EnumerateArray().Single(m => m.GetProperty("milestone").GetString() == "arrivedAtDealership")
            .GetProperty("promisedDate").GetString(), Is.EqualTo(newArrival.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));

        var messages = await App.QueryAsync(db => db.Notifications.Where(n => n.CustomerId == who.CustomerId).Select(n => n.DeduplicationKey).ToListAsync());
        Assert.That(messages.Count(k => k.Contains("/milestone/", StringComparison.Ordinal)), Is.EqualTo(1), "the milestone is told once: " + string.Join(", ", messages));
        Assert.That(messages.Count(k => k.Contains("/promise/", StringComparison.Ordinal) || k.Contains("/promised/", StringComparison.Ordinal)), Is.EqualTo(1),
            "the new date is told once: " + string.Join(", ", messages));
        var timeline = await App.QueryAsync(db => db.Touchpoints.Where(t => t.CustomerId == who.CustomerId && t.Kind == TouchpointKind.StatusChanged).Select(t => t.Summary).ToListAsync());
        Assert.That(timeline.Count(s => s.StartsWith("Factory confirmed", StringComparison.Ordinal)), Is.EqualTo(1), "one entry on the timeline: " + string.Join(" | ", timeline));
    }

    [Test]
    public async Task AUnitOpenedInsideAReadFirstUnit_CommitsNothingOnItsOwn_WhenTheOuterOneFails()
    {
        var who = await Arrange.CustomerWithCarAsync(App);
        using var scope = App.Services.CreateScope();
        var unit = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        var db = scope.ServiceProvider.GetRequiredService<DealershipDbContext>();
        var site = await App.SiteIdAsync("PDX");

        Assert.ThrowsAsync<InvalidOperationException>(() => unit.ExecuteAsync<bool>(async () =>
        {
            Assert.That(db.Database.CurrentTransaction, Is.Null, "a read-first unit reads outside any transaction");
            await unit.ExecuteAsync(async () =>
            {
                Assert.That(db.Database.CurrentTransaction, Is.Null, "the inner unit joins the outer one: no transaction of its own");
                db.Touchpoints.Add(new Touchpoint(who.CustomerId, site, App.Clock.GetUtcNow().UtcDateTime, TouchpointKind.StatusChanged, TouchpointDirection.Internal,
                    TouchpointActor.Dealer, proactive: false, "written by the inner unit"));
                await unit.SaveAsync(CancellationToken.None);
            }, CancellationToken.None);
            throw new InvalidOperationException("the outer unit fails after the inner one returned");
        }, CancellationToken.None, readFirst: true));

        Assert.That(await App.QueryAsync(d => d.Touchpoints.CountAsync(t => t.Summary == "written by the inner unit")), Is.Zero);
    }

    /// <summary>
    /// The watchdog raises a late task without changing the order. One raised while the milestone is between its read and
    /// its save is looked for again in turn and resolved with the milestone, not left open for the next watchdog run.
    /// </summary>
    [Test]
    public async Task ALateTaskRaisedBetweenTheMilestonesReadAndItsSave_IsResolvedWithIt()
    {
        var who = await Arrange.CustomerWithCarAsync(App);
        var order = await Arrange.OrderAsync(App, who, new Dictionary<string, int> { ["factoryConfirmed"] = 5, ["arrivedAtDealership"] = 30 });
        var key = $"order/{order}/late/{OrderMilestone.FactoryConfirmed}/20261120";
        _writer.ArmLateTask(order, key);
        using var sales = await App.SalesAsync();

        var response = await sales.PostAsJsonAsync($"/api/orders/{order}/milestones", new { milestone = "factoryConfirmed" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(_writer.Interleaved, Is.EqualTo(1), "the task was raised while the milestone was between its read and its save");
        Assert.That(await App.QueryAsync(db => db.Tasks.Where(t => t.DeduplicationKey == key).Select(t => t.Status).SingleAsync()), Is.EqualTo(StaffTaskStatus.Done),
            "the late task closed with the milestone");
    }

    /// <summary>Changes an armed order in a scope of its own, once, while the milestone's first run is between its read and its save.</summary>
    private sealed class InterleavedWriter
    {
        private Guid? _order;
        private DateOnly? _arrival;
        private string? _lateTask;

        public int Interleaved { get; private set; }

        public List<bool> RunsInATransaction { get; } = [];

        public void Arm(Guid order, DateOnly arrival) => Reset(order, arrival, null);

        public void ArmLateTask(Guid order, string key) => Reset(order, null, key);

        private void Reset(Guid order, DateOnly? arrival, string? lateTask)
        {
            (_order, _arrival, _lateTask) = (order, arrival, lateTask);
            Interleaved = 0;
            RunsInATransaction.Clear();
        }

        public async Task OnMilestoneAsync(Guid order, IServiceScopeFactory scopes, bool inATransaction, DateTime now)
        {
            if (order != _order)
            {
                return;
            }

            RunsInATransaction.Add(inATransaction);
            if (Interleaved > 0)
            {
                return;
            }

            Interleaved++;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DealershipDbContext>();
            await scope.ServiceProvider.GetRequiredService<UnitOfWork>().ExecuteAsync(async () =>
            {
                var stored = await db.Orders.Include(o => o.Milestones).SingleAsync(o => o.Id == order);
                if (_arrival is { } arrival)
                {
                    stored.ChangePromise(OrderMilestone.ArrivedAtDealership, arrival, "Shipping delay at the port", DateOnly.FromDateTime(now), now);
                }

                if (_lateTask is { } key)
                {
                    // As the watchdog does: a task for the owner, the order itself untouched.
                    db.Tasks.Add(new StaffTask(stored.SiteId, stored.OwnerStaffId, "Late: factory confirmation", "Find out where the car is.", now,
                        "order", order, [stored.CustomerId], now, key));
                }
            }, CancellationToken.None);
        }
    }

    private sealed class InterleavingSubscriber(InterleavedWriter writer, IServiceScopeFactory scopes, DealershipDbContext db) : IDomainEventSubscriber<MilestoneReached>
    {
        public Task HandleAsync(MilestoneReached domainEvent, CancellationToken cancellationToken) =>
            writer.OnMilestoneAsync(domainEvent.Order.Id, scopes, db.Database.CurrentTransaction is not null, domainEvent.OccurredAt);
    }
}
