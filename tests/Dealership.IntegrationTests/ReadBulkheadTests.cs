using System.Net;
using System.Net.Http.Json;
using Dealership.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Dealership.IntegrationTests;

/// <summary>
/// The reads the process works on at once are capped (<see cref="ReadBulkhead"/>); the tests fill its places
/// themselves, so what waits and what is refused does not depend on timing.
/// </summary>
public sealed class ReadBulkheadTests
{
    [Test]
    public async Task AReadWaitsForAPlace_WhileWritesAndProbesCarryOn_AndIsAnsweredWhenOneFrees()
    {
        using var app = new DealershipApp(settings: new Dictionary<string, string?> { ["Performance:ConcurrentReads"] = "1", ["Performance:QueuedReads"] = "5" });
        await app.InitializeAsync();
        using var manager = await app.ManagerAsync();
        var limiter = app.Services.GetRequiredService<ReadBulkhead>().Limiter;

        var taken = limiter.AttemptAcquire(1);
        Task<HttpResponseMessage> waiting;
        try
        {
            Assert.That(taken.IsAcquired, Is.True, "the test holds the one place");
            waiting = manager.GetAsync("/api/orders");
            await WaitUntilAsync(() => limiter.GetStatistics()?.CurrentQueuedCount == 1, "the read joins the queue");

            var registered = await manager.PostAsJsonAsync("/api/customers", Requests.NewCustomer(), DealershipApp.Json);
            Assert.That(registered.StatusCode, Is.EqualTo(HttpStatusCode.Created), "a write does not wait behind the reads");
            Assert.That((await manager.GetAsync("/health/live")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "probes are never held");
            Assert.That(waiting.IsCompleted, Is.False, "the read is still waiting for its place");
        }
        finally
        {
            taken.Dispose();
        }

        using var answer = await waiting;
        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK), "served once the place is free");
        Assert.That(limiter.GetStatistics()?.CurrentAvailablePermits, Is.EqualTo(1), "and its own place given back");
    }

    [Test]
    public async Task AReadPastAFullQueue_IsRefusedWith503AndWhenToComeBack_InTheApiAndOnThePages()
    {
        using var app = new DealershipApp(settings: new Dictionary<string, string?> { ["Performance:ConcurrentReads"] = "1", ["Performance:QueuedReads"] = "0" });
        await app.InitializeAsync();
        using var manager = await app.ManagerAsync();
        var (pages, _) = await app.SignInToPagesAsync("manager@demo.local");
        using var pageClient = pages;
        var limiter = app.Services.GetRequiredService<ReadBulkhead>().Limiter;

        using (var taken = limiter.AttemptAcquire(1))
        {
            Assert.That(taken.IsAcquired, Is.True);
            using var refused = await manager.GetAsync("/api/orders");
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(refused.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(2)), "when to come back");
            Assert.That(refused.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            var problem = await refused.ReadJsonAsync();
            Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("Busy"));
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("Nothing was done").And.Contain("Retry-After"));

            using var page = await pageClient.GetAsync("/deliveries");
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("very busy").And.Contain("reload the page"),
                "a person reads a sentence, not a blank page");
        }

        Assert.That((await manager.GetAsync("/api/orders")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "served again once a place is free");
    }

    [Test]
    public void AWrongSetting_StopsTheStart_NamingIt()
    {
        using var app = new DealershipApp(settings: new Dictionary<string, string?> { ["Performance:ConcurrentReads"] = "0" });
        var error = Assert.Throws<ConfigurationProblemException>(() => app.CreateClient());
        Assert.That(error!.Message, Does.Contain("Performance:ConcurrentReads must be at least 1"));
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < 400 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        Assert.That(condition(), Is.True, what);
    }
}
