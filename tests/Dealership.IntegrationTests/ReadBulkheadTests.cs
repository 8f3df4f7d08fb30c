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
        using var app = await AppWithPlacesAsync(places: 1, queued: 5);
        using var manager = await app.ManagerAsync();
        var limiter = app.Services.GetRequiredService<ReadBulkhead>().Limiter;

        var taken = limiter.AttemptAcquire(1);
        Task<HttpResponseMessage> waiting;
        try
        {
            Assert.That(taken.IsAcquired, Is.True, "the test holds the one place");
            waiting = manager.GetAsync("/api/orders");
            await WaitUntilAsync(() => limiter.GetStatistics()?.CurrentQueuedCount == 1, "the read joins the queue");

            var registered = await manager.PostAsJsonAsync("/api/customers", Requests.NewCustomer(), DealershipApp.Json).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.That(registered.StatusCode, Is.EqualTo(HttpStatusCode.Created), "a write does not wait behind the reads");
            Assert.That((await manager.GetAsync("/health/live").WaitAsync(TimeSpan.FromSeconds(30))).StatusCode, Is.EqualTo(HttpStatusCode.OK), "probes are never held");
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
        using var app = await AppWithPlacesAsync(places: 1, queued: 0);
        using var manager = await app.ManagerAsync();
        var (pages, _) = await app.SignInToPagesAsync("manager@demo.local");
        using var pageClient = pages;
        var limiter = app.Services.GetRequiredService<ReadBulkhead>().Limiter;
        var refusals = 0L;
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == Application.Common.DealershipMetrics.MeterName && instrument.Name == "dealership.reads.refused")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref refusals, value));
        listener.Start();

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

            using var stranger = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            using var tracking = await stranger.GetAsync("/track/unknown-00000000000000000000000000");
            Assert.That(tracking.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), "a customer's page is a read like any other");
            Assert.That(await tracking.Content.ReadAsStringAsync(), Does.Contain("lang=\"es\"").And.Contain("vuelva a cargar"), "in both languages");
            using var staffPage = await stranger.GetAsync("/deliveries");
            Assert.That(staffPage.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "a stranger at a staff page is sent to sign in without waiting for a place");
            Assert.That(Interlocked.Read(ref refusals), Is.EqualTo(3), "each read turned away is counted for the operator");
        }

        Assert.That((await manager.GetAsync("/api/orders")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "served again once a place is free");
    }

    [Test]
    public async Task AReadGivesItsPlaceBack_AsItsAnswerStarts_SoASlowDownloadDoesNotHoldTheOthers()
    {
        using var app = await AppWithPlacesAsync(places: 1, queued: 5);
        var who = await Arrange.CustomerWithCarAsync(app);
        using var sales = await app.SalesAsync();
        var tradeIn = await (await sales.PostAsJsonAsync("/api/trade-ins", new
        {
            customerId = who.CustomerId, vin = TradeInTests.HighlanderVin(4242), year = 2019, make = "Toyota", model = "Highlander", trim = "XLE", mileage = 47_800,
            condition = new { warningLights = false, smokeOrLeaks = false, accidentHistory = false, repairsOver500 = false, keys = 2, title = "inHand" },
        }, DealershipApp.Json)).ReadJsonAsync();
        var tradeInId = tradeIn.GetProperty("id").GetGuid();
        // A photo of 2 MB: far more than the test server's pipe takes before the app's writes wait for the reader.
        var png = new byte[2 * 1024 * 1024];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52 }.CopyTo(png, 0);
        var file = new ByteArrayContent(png);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        using var upload = new MultipartFormDataContent { { file, "photo", "car.png" } };
        var uploaded = await sales.PostAsync($"/api/trade-ins/{tradeInId}/photos", upload);
        Assert.That(uploaded.StatusCode, Is.EqualTo(HttpStatusCode.Created), await uploaded.Content.ReadAsStringAsync());
        var photoId = (await uploaded.ReadJsonAsync()).GetProperty("photoIds")[0].GetGuid();
        var limiter = app.Services.GetRequiredService<ReadBulkhead>().Limiter;

        // The photo's headers are in; its body is not read yet, so the app is still writing it.
        using var download = await sales.GetAsync($"/api/trade-ins/{tradeInId}/photos/{photoId}", HttpCompletionOption.ResponseHeadersRead);
        Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(limiter.GetStatistics()?.CurrentAvailablePermits, Is.EqualTo(1), "the place went back when the answer started");
        using var other = await sales.GetAsync("/api/orders").WaitAsync(TimeSpan.FromSeconds(30));
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.OK), "another read is served while the photo is still on its way");
        Assert.That((await download.Content.ReadAsByteArrayAsync()).Length, Is.EqualTo(png.Length), "and the photo arrives whole");
    }

    [Test]
    public async Task AReadGivenUpWhileWaiting_LeavesTheQueue_WithoutBeingWorkedOn()
    {
        using var app = await AppWithPlacesAsync(places: 1, queued: 1);
        using var manager = await app.ManagerAsync();
        var limiter = app.Services.GetRequiredService<ReadBulkhead>().Limiter;

        var taken = limiter.AttemptAcquire(1);
        Task<HttpResponseMessage> next;
        try
        {
            Assert.That(taken.IsAcquired, Is.True);
            using var giveUp = new CancellationTokenSource();
            var waiting = manager.GetAsync("/api/orders", giveUp.Token);
            await WaitUntilAsync(() => limiter.GetStatistics()?.CurrentQueuedCount == 1, "the read joins the queue");
            await giveUp.CancelAsync();
            Assert.That(async () => await waiting, Throws.InstanceOf<OperationCanceledException>());
            await WaitUntilAsync(() => limiter.GetStatistics()?.CurrentQueuedCount == 0, "the read given up leaves the queue");
            next = manager.GetAsync("/api/orders");
            await WaitUntilAsync(() => limiter.GetStatistics()?.CurrentQueuedCount == 1, "so the next read has room to wait (the queue holds one)");
        }
        finally
        {
            taken.Dispose();
        }

        using var answer = await next.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK), "and it is the one served when the place frees");
    }

    [TestCase("Performance:ConcurrentReads", "0", "Performance:ConcurrentReads must be at least 1")]
    [TestCase("Performance:QueuedReads", "-1", "Performance:QueuedReads at least 0")]
    [TestCase("Performance:QueuedReads", "lots", "are whole numbers")]
    public void AWrongSetting_StopsTheStart_NamingIt(string setting, string value, string message)
    {
        using var app = new DealershipApp(settings: new Dictionary<string, string?> { [setting] = value });
        var error = Assert.Throws<ConfigurationProblemException>(() => app.CreateClient());
        Assert.That(error!.Message, Does.Contain(message));
    }

    /// <summary>An app with <paramref name="places"/> reads at once and <paramref name="queued"/> waiting, the tests' own limits.</summary>
    private static async Task<DealershipApp> AppWithPlacesAsync(int places, int queued)
    {
        var app = new DealershipApp(settings: new Dictionary<string, string?>
        {
            ["Performance:ConcurrentReads"] = places.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Performance:QueuedReads"] = queued.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await app.InitializeAsync();
        return app;
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
