using System.Net;
using System.Net.Http.Json;
using Dealership.Application.Notifications;
using Dealership.Application.Parts;
using Dealership.IntegrationTests.Fakes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dealership.IntegrationTests.ServiceTestKit;

namespace Dealership.IntegrationTests;

/// <summary>
/// The unit of work is the one commit owner: whichever door a change comes through (the API, the API with an
/// Idempotency-Key, a staff form, a job), once it commits the dispatcher is kicked for the messages it queued
/// and the parts planner for the visits it booked with parts or moved; a change that fails kicks nothing.
/// </summary>
public sealed class AfterCommitTests
{
    private readonly RecordingJobClient _jobs = new();
    private DealershipApp _app = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = new DealershipApp(services => services.AddSingleton<Hangfire.IBackgroundJobClient>(_jobs));
        await _app.InitializeAsync();
    }

    [OneTimeTearDown]
    public void Stop() => _app.Dispose();

    [SetUp]
    public void Forget() => _jobs.Clear();

    /// <summary>A new customer with a car, so each test books for its own customer.</summary>
    private async Task<(Guid Customer, Guid Vehicle)> CustomerWithCarAsync(HttpClient advisor)
    {
        var customer = (await advisor.CreateCustomerAsync(Requests.NewCustomer())).GetProperty("id").GetGuid();
        var vin = Requests.NewVin();
        var vehicle = await advisor.PostAsJsonAsync($"/api/customers/{customer}/vehicles", new { vin, year = 2019, make = "Honda", model = "CR-V" });
        Assert.That(vehicle.StatusCode, Is.EqualTo(HttpStatusCode.Created), await vehicle.Content.ReadAsStringAsync());
        var vehicleId = await _app.QueryAsync(db => db.Vehicles.Where(v => v.CustomerId == customer).Select(v => v.Id).SingleAsync());
        _jobs.Clear();
        return (customer, vehicleId);
    }

    private static object Booking(Guid customer, Guid vehicle, DateTime startsAt) =>
        new { customerId = customer, vehicleId = vehicle, concern = "Oil change", operationCodes = new[] { "OIL-SVC" }, startsAt };

    [Test]
    public async Task ABookingThroughTheApi_KicksThePlannerAndTheDispatcher_AfterCommit()
    {
        using var advisor = await _app.ServiceAsync();
        var (customer, vehicle) = await CustomerWithCarAsync(advisor);

        var response = await advisor.PostAsJsonAsync("/api/service/appointments", Booking(customer, vehicle, Portland(30, 10)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        Assert.That(_jobs.Enqueued, Is.EquivalentTo(new[] { nameof(PreOrderPartsJob), nameof(NotificationDispatcher) }));
        // Only the visit just booked is planned: a whole run per booking held the write lock for most of a second at scale.
        var planning = _jobs.Jobs.Single(j => j.Type == typeof(PreOrderPartsJob));
        Assert.That(planning.Method.Name, Is.EqualTo(nameof(PreOrderPartsJob.RunForVisitAsync)));
        Assert.That(planning.Args[0], Is.EqualTo((await response.ReadJsonAsync()).GetProperty("id").GetGuid()));
    }

    [Test]
    public async Task ABookingWithoutParts_KicksOnlyTheDispatcher()
    {
        using var advisor = await _app.ServiceAsync();
        var (customer, vehicle) = await CustomerWithCarAsync(advisor);

        var response = await advisor.PostAsJsonAsync("/api/service/appointments",
            new { customerId = customer, vehicleId = vehicle, concern = "Knocking from the front left wheel", startsAt = Portland(30, 15) });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        Assert.That((await response.ReadJsonAsync()).GetProperty("readiness").GetString(), Is.EqualTo("noParts"));
        // Nothing to plan: a planning run per such booking was a second transaction holding the write lock (issue #14).
        Assert.That(_jobs.Enqueued, Is.EqualTo(new[] { nameof(NotificationDispatcher) }));
    }

    [Test]
    public async Task ABookingWithAnIdempotencyKey_KicksBoth_Once_AndAReplayKicksNothing()
    {
        using var advisor = await _app.ServiceAsync();
        var (customer, vehicle) = await CustomerWithCarAsync(advisor);
        var body = Booking(customer, vehicle, Portland(30, 11));
        var key = Guid.NewGuid().ToString();

        using var first = new HttpRequestMessage(HttpMethod.Post, "/api/service/appointments") { Content = JsonContent.Create(body) };
        first.Headers.Add("Idempotency-Key", key);
        var response = await advisor.SendAsync(first);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        Assert.That(_jobs.Enqueued, Is.EquivalentTo(new[] { nameof(PreOrderPartsJob), nameof(NotificationDispatcher) }));

        _jobs.Clear();
        using var retry = new HttpRequestMessage(HttpMethod.Post, "/api/service/appointments") { Content = JsonContent.Create(body) };
        retry.Headers.Add("Idempotency-Key", key);
        var replay = await advisor.SendAsync(retry);
        Assert.That(replay.Headers.Contains("Idempotency-Replayed"), Is.True);
        Assert.That(_jobs.Enqueued, Is.Empty, "a replay ran nothing, so it kicks nothing");
    }

    [Test]
    public async Task ABookingFromTheStaffForm_KicksBoth()
    {
        using var advisor = await _app.ServiceAsync();
        var (customer, vehicle) = await CustomerWithCarAsync(advisor);
        var advisorId = await _app.QueryAsync(db => db.Users.Where(u => u.Email == "service@demo.local").Select(u => u.Id).SingleAsync());
        var (client, token) = await _app.SignInToPagesAsync("service@demo.local");
        _jobs.Clear();

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["__submissionKey"] = Guid.NewGuid().ToString(), ["customerId"] = customer.ToString(),
            ["vehicleId"] = vehicle.ToString(), ["concern"] = "Oil change", ["ops"] = "OIL-SVC",
            ["slot"] = $"{advisorId}|{Portland(30, 14):yyyy-MM-ddTHH:mm:ssZ}",
        });
        var response = await client.PostAsync("/service/book", form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        Assert.That(_jobs.Enqueued, Is.EquivalentTo(new[] { nameof(PreOrderPartsJob), nameof(NotificationDispatcher) }));
    }

    [Test]
    public async Task AJobThatQueuesMessages_KicksTheDispatcher()
    {
        using var advisor = await _app.ServiceAsync();
        var (customer, vehicle) = await CustomerWithCarAsync(advisor);
        // A visit the day after the test clock's "today" (Sunday 22nd in Portland): due a reminder.
        var booked = await advisor.PostAsJsonAsync("/api/service/appointments", Booking(customer, vehicle, Portland(23, 9)));
        Assert.That(booked.StatusCode, Is.EqualTo(HttpStatusCode.Created), await booked.Content.ReadAsStringAsync());
        _jobs.Clear();

        var queued = await _app.RunServiceRemindersAsync();

        Assert.That(queued, Is.GreaterThan(0));
        Assert.That(_jobs.Enqueued, Is.EqualTo(new[] { nameof(NotificationDispatcher) }));
    }

    [Test]
    public async Task ARefusedCommand_KicksNothing()
    {
        using var advisor = await _app.ServiceAsync();
        var (customer, vehicle) = await CustomerWithCarAsync(advisor);

        // Sunday: the workshop is closed, so the booking is refused and nothing commits.
        var response = await advisor.PostAsJsonAsync("/api/service/appointments", Booking(customer, vehicle, Portland(29, 10)));

        Assert.That((int)response.StatusCode, Is.InRange(400, 499));
        Assert.That(_jobs.Enqueued, Is.Empty);
    }

    [Test]
    public async Task TheSameCarBookedAgainForTheSameWork_IsRefusedWithTheVisitThatHasIt_UnlessItIsASeparateVisit()
    {
        using var advisor = await _app.ServiceAsync();
        var (customer, vehicle) = await CustomerWithCarAsync(advisor);
        var first = await advisor.PostAsJsonAsync("/api/service/appointments", Booking(customer, vehicle, Portland(30, 8)));
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created), await first.Content.ReadAsStringAsync());
        var firstId = (await first.ReadJsonAsync()).GetProperty("id").GetGuid();
        _jobs.Clear();

        var again = await advisor.PostAsJsonAsync("/api/service/appointments", Booking(customer, vehicle, Portland(30, 13)));

        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        var problem = await again.ReadJsonAsync();
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("duplicate-visit"));
        Assert.That(problem.GetProperty("existingAppointmentId").GetGuid(), Is.EqualTo(firstId));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("OIL-SVC"));
        Assert.That(_jobs.Enqueued, Is.Empty, "nothing booked, no parts planned twice");

        var separate = await advisor.PostAsJsonAsync("/api/service/appointments", new
        {
            customerId = customer, vehicleId = vehicle, concern = "Second oil change for the trip", operationCodes = new[] { "OIL-SVC" },
            startsAt = Portland(30, 13), separateVisit = true,
        });
        Assert.That(separate.StatusCode, Is.EqualTo(HttpStatusCode.Created), await separate.Content.ReadAsStringAsync());
    }
}
