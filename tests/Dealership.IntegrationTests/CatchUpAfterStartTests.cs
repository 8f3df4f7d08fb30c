using Dealership.Application.Notifications;
using Dealership.Application.Orders;
using Dealership.Application.Parts;
using Dealership.Web.Hosting;
using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dealership.IntegrationTests;

/// <summary>
/// An instance that runs jobs catches up (watchdog, parts planning, outbox) only once it listens and after the
/// configured delay, so its first requests are not queued behind a planning run over every upcoming visit. The test
/// host runs no job server: the queued runs stay in the real in-memory storage to be counted.
/// </summary>
public sealed class CatchUpAfterStartTests : FreshAppTests
{
    /// <summary>Queued runs of one job method (a booking's own planning run is another method of the same class).</summary>
    private int Queued<T>(string method) => App.Services.GetRequiredService<JobStorage>().GetMonitoringApi()
        .EnqueuedJobs("default", 0, 10_000).Count(j => j.Value.Job?.Type == typeof(T) && j.Value.Job.Method.Name == method);

    private (int Watchdog, int Planning, int Dispatch) QueuedCatchUp() =>
        (Queued<OrderWatchdog>(nameof(OrderWatchdog.RunAsync)), Queued<PreOrderPartsJob>(nameof(PreOrderPartsJob.RunAsync)),
            Queued<NotificationDispatcher>(nameof(NotificationDispatcher.DispatchDueAsync)));

    private CatchUpAfterStart CatchUp(IHostApplicationLifetime lifetime, TimeSpan delay) => new(lifetime, App.Services.GetRequiredService<IBackgroundJobClient>(),
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Jobs:CatchUpDelay"] = delay.ToString() }).Build(),
        NullLogger<CatchUpAfterStart>.Instance);

    [Test]
    public async Task NothingIsQueuedBeforeTheAppListens_NorUntilTheDelayHasPassed_ThenEachCatchUpOnce()
    {
        var before = QueuedCatchUp();
        using var lifetime = new Lifetime();
        using var catchUp = CatchUp(lifetime, TimeSpan.FromSeconds(1));
        await catchUp.StartAsync(CancellationToken.None);
        // Longer than the delay: a catch-up that counted from the host's start rather than from listening would be queued by now.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.That(QueuedCatchUp(), Is.EqualTo(before), "not while the host is still starting");

        lifetime.Started();
        Assert.That(QueuedCatchUp(), Is.EqualTo(before), "not the moment it listens: first requests go first");

        var expected = (before.Watchdog + 1, before.Planning + 1, before.Dispatch + 1);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (QueuedCatchUp() != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.That(QueuedCatchUp(), Is.EqualTo(expected), "the watchdog, a whole planning run and the outbox, once each");
        await catchUp.StopAsync(CancellationToken.None);
    }

    [Test]
    public async Task AnInstanceStoppedBeforeItCaughtUp_QueuesNothing_AndStopsAtOnce()
    {
        var before = QueuedCatchUp();
        using var lifetime = new Lifetime();
        using var catchUp = CatchUp(lifetime, TimeSpan.FromMinutes(5));
        await catchUp.StartAsync(CancellationToken.None);
        lifetime.Started();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await catchUp.StopAsync(patience.Token);
        Assert.That(patience.IsCancellationRequested, Is.False, "the wait ends with the stop, not after the delay");
        Assert.That(catchUp.ExecuteTask, Is.Not.Null.And.Property(nameof(Task.IsCompleted)).True);
        Assert.That(QueuedCatchUp(), Is.EqualTo(before), "the recurring schedule catches up instead");
    }

    /// <summary>The host's lifetime, moved on by the test.</summary>
    private sealed class Lifetime : IHostApplicationLifetime, IDisposable
    {
        private readonly CancellationTokenSource _started = new();
        private readonly CancellationTokenSource _stopping = new();
        private readonly CancellationTokenSource _stopped = new();

        public CancellationToken ApplicationStarted => _started.Token;

        public CancellationToken ApplicationStopping => _stopping.Token;

        public CancellationToken ApplicationStopped => _stopped.Token;

        public void Started() => _started.Cancel();

        public void StopApplication() => _stopping.Cancel();

        public void Dispose()
        {
            _started.Dispose();
            _stopping.Dispose();
            _stopped.Dispose();
        }
    }
}
