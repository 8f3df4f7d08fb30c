using System.Net;
using System.Net.Http.Json;
using Dealership.Application.Notifications;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;

namespace Dealership.IntegrationTests;

/// <summary>
/// A commit that queues messages kicks the dispatcher, unless a run is already waiting to start (it will read those
/// rows when it does); once a worker has started the run, the next commit kicks a new one. The test host runs no
/// job server, so runs stay waiting until the test moves one on by hand, as a worker would.
/// </summary>
public sealed class SweepCoalescingTests : FreshAppTests
{
    [Test]
    public async Task CommitsWhileADispatcherRunWaits_AddNoRun_AndTheFirstCommitAfterItLeavesTheQueue_AddsOne()
    {
        var storage = App.Services.GetRequiredService<JobStorage>();
        List<string> Waiting() => [.. storage.GetMonitoringApi().EnqueuedJobs("default", 0, 10_000)
            .Where(j => j.Value.InEnqueuedState && j.Value.Job?.Type == typeof(NotificationDispatcher)).Select(j => j.Key)];
        var who = await Arrange.CustomerWithCarAsync(App);
        var order = await Arrange.OrderAsync(App, who, new Dictionary<string, int> { ["Delivered"] = 60 });
        using var sales = await App.SalesAsync();
        async Task RecordAsync(string milestone)
        {
            var recorded = await sales.PostAsJsonAsync($"/api/orders/{order}/milestones", new { milestone });
            Assert.That(recorded.StatusCode, Is.EqualTo(HttpStatusCode.OK), await recorded.Content.ReadAsStringAsync());
        }

        await RecordAsync("FactoryConfirmed");
        var waiting = Waiting();
        Assert.That(waiting, Is.Not.Empty, "the milestone's message kicked a run");

        await RecordAsync("Built");
        await RecordAsync("InTransit");
        Assert.That(Waiting(), Is.EquivalentTo(waiting), "no second run while one waits to start");

        var client = App.Services.GetRequiredService<IBackgroundJobClient>();
        foreach (var run in waiting)
        {
            Assert.That(client.ChangeState(run, new SucceededState(null, 0, 0), EnqueuedState.StateName), Is.True);
        }

        await RecordAsync("ArrivedAtDealership");
        Assert.That(Waiting(), Has.Count.EqualTo(1).And.No.AnyOf(waiting.ToArray()), "a commit after the run left the queue kicks a new one");
    }
}
